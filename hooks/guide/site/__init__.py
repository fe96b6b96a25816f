"""The generated pages: the page list, their view data, rendering with Jinja, each generated page kind.
"""
