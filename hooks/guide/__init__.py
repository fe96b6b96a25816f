"""Validation and generation for the integration services guide; the hook file hooks/guide_hooks.py calls it.

The sub-packages and the directions their imports may take: docs/architecture.md, tests/import_rules.py.
"""
