"""A hook added to both builds: records each generated page's content, TOC and anchors (JSON).

Runs last in each event (priority -1000), so it sees what the site's hooks and the search plugin
left. ROUND_TRIP_RECORD names the JSON file, written after every language build.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

PAGES: dict[str, dict[str, Any]] = {}


def _flat(items: list[AnchorLink]) -> list[list[Any]]:
    return [entry for item in items for entry in [[item.level, item.id, item.title, item.url], *_flat(item.children)]]


@event_priority(-1000)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is not None:
        PAGES[page.file.dest_uri] = {"content": html}
    return html


@event_priority(-1000)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if page.file.generated_by is not None:
        PAGES[page.file.dest_uri] |= {
            "toc": _flat(list(page.toc)),
            "anchors": sorted(page.present_anchor_ids or ()),
            "hide": list(page.meta.get("hide") or []),
        }
    return output


@event_priority(-1000)
def on_post_build(config: MkDocsConfig) -> None:
    Path(os.environ["ROUND_TRIP_RECORD"]).write_text(json.dumps(PAGES, ensure_ascii=False), encoding="utf-8")
