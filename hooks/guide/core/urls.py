"""Where a page of the site lands per language: i18n puts fi at the root and the others under /<lang>/."""

from __future__ import annotations

import functools
import posixpath

from guide.core.languages import DEFAULT_LANGUAGE

TREE_PAGE = "kuka-saa-palvelua.md"  # the eligibility tool (its pages are under kuka-saa-palvelua/)


def dest_uri(src_uri: str, language: str, root_language: str = DEFAULT_LANGUAGE) -> str:
    """The output file of a Markdown source, e.g. ('palvelut/x.md', 'en') -> 'en/palvelut/x/index.html'.

    `root_language` is the one built at the site root: Finnish, or the one language of a preview.
    """
    stem = src_uri.removesuffix(".md")
    path = (
        "index.html"
        if stem == "index"
        else (f"{stem.removesuffix('/index')}/index.html" if stem.endswith("/index") else f"{stem}/index.html")
    )
    return path if language == root_language else f"{language}/{path}"


def page_path(src_uri: str, language: str) -> str:
    """The page's directory URL relative to the site root, e.g. 'en/palvelut/x/' ('' for the fi home)."""
    return dest_uri(src_uri, language).removesuffix("index.html")


def site_absolute(base_path: str, src_uri: str, language: str) -> str:
    """The page's URL from the host root, including the site's base path, e.g. '/en/palvelut/x/'."""
    return "/" + posixpath.join(base_path.strip("/"), page_path(src_uri, language)).lstrip("/")


@functools.lru_cache(maxsize=65536)  # pure, and called for every link of every generated page
def relative(target: str, current: str) -> str:
    """A link from the page at directory URL `current` to directory URL `target`, both site-relative."""
    link = posixpath.relpath("/" + target, "/" + current)
    return "./" if link == "." else link + ("/" if target.endswith("/") or target == "" else "")


def service_source(service_id: str) -> str:
    """The (virtual) Markdown source of a service's page."""
    return f"palvelut/{service_id}.md"
