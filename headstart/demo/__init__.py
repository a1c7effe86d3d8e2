"""Demo content drawn from the seed documents, and synthetic content for benchmarks."""
