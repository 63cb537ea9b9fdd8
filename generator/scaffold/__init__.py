"""``python -m generator new``: a first metadata file for a new source text."""
