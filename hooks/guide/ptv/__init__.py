"""The export to Suomi.fi's national service catalogue (PTV): its rules, its data file, the export and
its checks.
"""
