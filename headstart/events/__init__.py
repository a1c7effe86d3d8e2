"""Events: seminars, fairs, webinars and trainings of the network (SPEC §5b)."""
