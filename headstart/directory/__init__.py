"""Directory: organisations on both sides of a migration corridor and their members."""
