"""Validation and generation for the Kuopio integration services guide (used by hooks/site.py)."""
