"""The coordinators' dashboard (SPEC §5c): what waits for them and how the network is
doing, as server-rendered SVG charts with their numbers in tables and CSV files."""
