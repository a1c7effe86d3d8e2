"""Accounts: registration, sign-in, password reset, profile, export and deletion."""
