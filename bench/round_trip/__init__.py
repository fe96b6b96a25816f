"""Compare what two designs of the generated pages give: a git revision's build against the working tree's.

    python -m bench.round_trip [--against f8d8e09] [--languages fi en] [--keep DIR]

Written to measure the Markdown round trip of the generated pages (up to f8d8e09: Markdown around
HTML blocks, set aside from Python-Markdown and restored) against the design that replaced it
(HTML put in place after Markdown, its TOC and anchors derived from it: guide.mkdocs.page_html).
Both projects are built with every language and a recording hook (bench/round_trip/record.py);
then, page by page, their tables of contents, anchors and `hide` settings, every language's search
index entries, and every built file are compared. Prints the counts (docs/architecture.md has the
figures). A measurement, not a test: it asserts nothing.
"""
