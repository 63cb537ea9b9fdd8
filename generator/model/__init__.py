"""Stage 3: the in-memory model of the whole site, and what each page reads of it."""
