"""Practice repository: EWSI-style good-practice records with a review workflow."""
