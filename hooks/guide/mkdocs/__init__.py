"""The only package that touches MkDocs, Material for MkDocs and mkdocs-static-i18n internals."""
