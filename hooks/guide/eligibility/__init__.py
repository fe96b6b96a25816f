"""The eligibility tree: its model, its validation, what changes between versions, its open-data
export.
"""
