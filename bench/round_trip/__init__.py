"""Measure the Markdown round trip of the generated pages against HTML put in place after Markdown.

    python -m bench.round_trip [--languages fi en] [--keep DIR]

Builds two copies of the project. A is the project as it is: a generated page is Markdown around
HTML blocks, set aside from Python-Markdown and restored (guide.mkdocs.html_blocks). B is the
simpler design: a generated page's Markdown holds only its front matter, its HTML is put in place
in `on_page_content`, and its table of contents and anchors are derived from that HTML's headings
and ids (bench/round_trip/after_markdown.py). B's HTML is A's finished content, recorded by
bench/round_trip/record.py: so the comparison isolates what the design derives (TOC, anchors,
search index, the built files), not how a template would spell the same HTML. Prints the counts.
A measurement, not a test: it asserts nothing.
"""
