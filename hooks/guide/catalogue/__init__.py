"""The service catalogue: its records, loading data/ into them, the cross-record checks, its open-data
export.
"""
