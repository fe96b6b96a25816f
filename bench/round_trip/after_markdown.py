"""The simpler design, as a hook file in place of hooks/guide_hooks.py (which it wraps).

A generated page's Markdown is emptied (its front matter is already page.meta); in on_page_content
its HTML (recorded from the round-trip build, ROUND_TRIP_HTML) is put in place, and page.toc and
page.present_anchor_ids are derived from it before the site's own on_page_content runs.
ROUND_TRIP_RULE: "all" puts every heading with an id in the TOC; "top" only those not inside
another element (Python-Markdown's headings; a heading inside an HTML block is not in its TOC).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from headings import scan, toc_tokens
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

import guide_hooks
from guide_hooks import (  # noqa: F401  (the hook events this file keeps as they are)
    on_config,
    on_env,
    on_files,
    on_page_context,
    on_post_build,
    on_post_page,
    on_post_template,
    on_startup,
)

RECORDED = {uri: page["content"] for uri, page in json.loads(Path(os.environ["ROUND_TRIP_HTML"]).read_text()).items()}
RULE = os.environ.get("ROUND_TRIP_RULE", "top")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    result = guide_hooks.on_page_markdown(markdown, page, config, files)
    if page.file.generated_by is None:
        return result
    page.kg_html_blocks = ()
    return ""


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is not None:
        html = RECORDED[page.file.dest_uri]
        headings, anchors = scan(html)
        chosen = [h for h in headings if RULE == "all" or h.depth == 0]
        page.toc = get_toc(toc_tokens(chosen))
        page.present_anchor_ids = anchors
    return guide_hooks.on_page_content(html, page, config, files)
