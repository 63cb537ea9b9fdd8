"""Stage 1: the seed folder read into plain data that remembers positions."""
