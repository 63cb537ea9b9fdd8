"""The stages run in order, and the preview's session that keeps their results between rebuilds."""
