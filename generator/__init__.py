"""Turns source documents and their YAML metadata into a briefing site."""
