"""What the records say beyond one file: source graphs, dated facts, when a claim was said, the atlas's outlines."""
