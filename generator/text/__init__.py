"""Reading texts: scripts and words, folding for quotes, names found in a text, sentences and the dates they name."""
