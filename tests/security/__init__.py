"""Security tests that cut across the areas."""
