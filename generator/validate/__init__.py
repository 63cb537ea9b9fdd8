"""Stage 2: one pass of small checks over the corpus, and the validated corpus's types."""
