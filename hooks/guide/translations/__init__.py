"""Translations: the PO files, applying them to the catalogue, their status and checks, the binding
glossaries.
"""
