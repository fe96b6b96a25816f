"""The HTML blocks of a generated page, set aside while Python-Markdown converts the rest.

Generated pages are Markdown headings around blocks of HTML from our templates. Python-Markdown
passes such blocks through unchanged, but only after reading every tag with a pure-Python HTML
parser, and MkDocs reads them once more to find anchor ids: together the dearest step of the build.
So before conversion each block is replaced by a token paragraph, after conversion the token is
replaced by the block, and the block's ids are added to the page's anchors (for MkDocs' link
checks). A block is a run of blank-line separated chunks that starts with a block-level tag and
ends where that element closes, as Python-Markdown delimits it; `tests/test_html_blocks.py`
checks, on every generated page in every language, that the HTML is the same either way.

Only our templates' output goes through here: their attributes are always double-quoted (Jinja
autoescaping), which is what the id pattern assumes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mkdocs.structure.pages import Page

# Block-level elements our templates start a block with (Python-Markdown's list, trimmed).
_BLOCK_START = re.compile(
    r"<(address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]|header|"
    r"hr|nav|ol|p|section|table|ul)\b"
)
_CHUNKS = re.compile(r"(\n[ \t]*\n)")
# Data texts reach the Markdown only through guide.site.inert, which writes [ as &#91;: no text of the
# data can spell a token.
_TOKEN = "[[kg-html-{}]]"
_TOKEN_PARAGRAPH = re.compile(r"<p>\[\[kg-html-(\d+)\]\]</p>")
_LAST_TOKEN_PARAGRAPH = re.compile(r"<p>\[\[kg-html-\d+\]\]</p>\Z")
# As MkDocs counts anchors: any element's id, and the name of an <a>.
_ID = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]*)"')
_NAME = re.compile(r'<a\s[^>]*?\bname="([^"]*)"')


@dataclass(frozen=True)
class SetAside:
    """A page's Markdown with its HTML blocks replaced by tokens, and the blocks in order."""

    markdown: str
    blocks: tuple[str, ...]


def set_aside(markdown: str) -> SetAside:
    """`markdown` with each top-level HTML block replaced by a token paragraph."""
    parts = _CHUNKS.split(markdown)  # chunk, separator, chunk, separator, ...
    output: list[str] = []
    blocks: list[str] = []
    index = 0
    while index < len(parts):
        end = _block_end(parts, index)
        if end is None:
            output.append(parts[index])
            index += 1
            continue
        block = "".join(parts[index : end + 1])
        blocks.append(block.rstrip())
        output.append(_TOKEN.format(len(blocks) - 1) + block[len(block.rstrip()) :])
        index = end + 1
    return SetAside("".join(output), tuple(blocks))


# MkDocs' Page has no place for a hook's data (MkDocs 1.6.1); the blocks travel on it under this
# attribute from on_page_markdown to on_page_content.
_PAGE_ATTRIBUTE = "kg_html_blocks"


def keep_on_page(page: Page, blocks: tuple[str, ...]) -> None:
    """Remember the blocks set aside from `page`'s Markdown until its HTML is made."""
    setattr(page, _PAGE_ATTRIBUTE, blocks)


def kept_on_page(page: Page) -> tuple[str, ...]:
    """The blocks set aside from `page`'s Markdown; none for a page that is not generated."""
    blocks: tuple[str, ...] = getattr(page, _PAGE_ATTRIBUTE, ())
    return blocks


def restore(html: str, blocks: tuple[str, ...]) -> str:
    """The converted page with each token paragraph replaced by its HTML block.

    Python-Markdown ends a raw block with a newline unless it ends the page; so do we, so the
    result is the same to the byte.
    """
    restored = _TOKEN_PARAGRAPH.sub(lambda match: blocks[int(match.group(1))] + "\n", html)
    return restored.removesuffix("\n") if _LAST_TOKEN_PARAGRAPH.search(html) else restored


def anchor_ids(blocks: tuple[str, ...]) -> set[str]:
    """The `id`s (and `name`s) the blocks define, which links from other pages may point at."""
    return {found for block in blocks for pattern in (_ID, _NAME) for found in pattern.findall(block)}


def _block_end(parts: list[str], start: int) -> int | None:
    """The index of the last chunk of the HTML block starting at `start`, or None if none starts there."""
    match = _BLOCK_START.match(parts[start]) if start % 2 == 0 else None
    if match is None:
        return None
    tag = match.group(1)
    opening, closing = re.compile(rf"<{tag}\b"), f"</{tag}>"
    depth = 0
    for index in range(start, len(parts), 2):
        depth += len(opening.findall(parts[index])) - parts[index].count(closing)
        if depth <= 0 or tag == "hr":
            return index if parts[index].rstrip().endswith(closing) or tag == "hr" else None
    return None
