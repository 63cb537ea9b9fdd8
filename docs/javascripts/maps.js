// maps: filled in below
