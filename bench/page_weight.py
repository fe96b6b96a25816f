"""Page weight of the built site: what a phone downloads on a first visit, measured in a real browser.

Why measured this way: only a browser knows what a page really asks for (the theme's bundle starts a
web worker, fetches the search index, and the worker loads lunr's language files; the language
selector fetches sitemaps; content/javascripts/kg-theme.js holds the index back until the reader
opens search and answers the sitemap requests without the network), so each page is loaded in
headless Chromium (Debian's, phone viewport 390x844) with a fresh context, i.e. an empty cache,
until the network is idle. The site is served on 127.0.0.1 by a server that records what it sends;
that record is the truth about bytes transferred (nine requests for one URL are one transfer when
the browser answers eight from its cache), and the browser's context-level events (which include the
worker's requests) give each request's type and show any request the server never saw (another
host). The local server sends no compression, so "gzip" is the body compressed at level 6, as a
typical server sends it (GitHub Pages does), except formats compressed already (PNG, WOFF2 ...),
which servers send as they are. The figures count bodies only, not HTTP headers. 1 kB = 1000 bytes,
the stricter reading of the budget.

Render-blocking requests are read from the DOM: stylesheets in <head> whose media matches, and
scripts in <head> without async, defer or type=module. Chromium's own view
(PerformanceResourceTiming.renderBlockingStatus) is recorded beside it as a cross-check. "The
theme's CSS" is Material's stylesheets (assets/stylesheets/) and the site's `extra_css`
(stylesheets/): those are the theme's customisation (the city's palette, the generated pages'
components) and must block rendering, or the page would first paint in the wrong colours and then
shift. After the first load the search dialog is opened, and what that downloads (the index, lunr)
is reported apart. This is a benchmark, not a test: it reports against the budgets, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path, PurePosixPath
from typing import Any, TypedDict
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Request, ViewportSize, sync_playwright

from bench.recording_server import ServerLog, Transfer, gzip_size, serve, site_path
from bench.weight_report import format_report
from guide.core.languages import DEFAULT_LANGUAGE
from guide.mkdocs.search_index import INDEX_FILE, index_path

KB = 1000
PAGE_BUDGET = 150 * KB
OWN_JS_BUDGET = 10 * KB
VIEWPORT: ViewportSize = {"width": 390, "height": 844}
OWN_JS_PREFIX = "javascripts/"  # content/javascripts/ of the repository
THEME_CSS_PREFIXES = ("assets/stylesheets/", "stylesheets/")
LANGUAGES = (DEFAULT_LANGUAGE, "ar")  # Finnish, and Arabic: right to left, the longest texts
PAGES = (("home", ""), ("service", "palvelut/ohjaus-ja-neuvonta/"), ("eligibility", "kuka-saa-palvelua/"))
TYPES = ("html", "css", "js", "font", "image", "json", "other")
SETTLE_SECONDS = 0.75  # quiet time after network idle: the search worker starts late
MAX_WAIT_SECONDS = 15.0

_BROWSER_TYPES = {"document": "html", "stylesheet": "css", "script": "js", "font": "font", "image": "image"}
_SUFFIX_TYPES = {".html": "html", ".css": "css", ".js": "js", ".mjs": "js", ".json": "json"}
_SUFFIX_TYPES |= dict.fromkeys((".woff2", ".woff", ".ttf", ".otf"), "font")
_SUFFIX_TYPES |= dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico"), "image")

SEARCH_BUTTON = "label.md-header__button[for='__search']"
# Material shows its "type to start searching" text once its worker has built the index.
_SEARCH_READY = """() => document.querySelector(".md-search-result__meta").textContent.trim() ===
  JSON.parse(document.getElementById("__config").textContent).translations["search.result.placeholder"]"""

# Run in the page after loading: what blocks rendering (the DOM's view and Chromium's) and the images.
_PAGE_FACTS = """() => {
  const head = document.head;
  const dom = [];
  for (const el of head.querySelectorAll('link[rel~="stylesheet"], script[src]')) {
    if (el.tagName === "LINK" && !el.disabled && (!el.media || matchMedia(el.media).matches)) dom.push(el.href);
    if (el.tagName === "SCRIPT" && !el.async && !el.defer && el.type !== "module") dom.push(el.src);
  }
  const browser = performance.getEntriesByType("resource")
    .filter(entry => entry.renderBlockingStatus === "blocking").map(entry => entry.name);
  const images = Array.from(document.images).map(img => ({
    src: img.currentSrc || img.src, width: img.getAttribute("width"),
    height: img.getAttribute("height"), loading: img.getAttribute("loading")}));
  return {dom, browser, images};
}"""


def resource_type(path: str, browser_type: str | None) -> str:
    """html, css, js, font, image, json or other: the browser's type first, else the file suffix."""
    if browser_type in _BROWSER_TYPES:
        return _BROWSER_TYPES[browser_type]
    if path == "" or path.endswith("/"):
        return "html"
    return _SUFFIX_TYPES.get(PurePosixPath(path).suffix.lower(), "other")


def _is_theme_css(path: str) -> bool:
    return path.endswith(".css") and path.startswith(THEME_CSS_PREFIXES)


def _settle(page: Page, log: ServerLog, pending: list[int]) -> None:
    """Wait until no request is open and the server has sent nothing for SETTLE_SECONDS."""
    deadline = time.monotonic() + MAX_WAIT_SECONDS
    while time.monotonic() < deadline:
        before = log.count()
        page.wait_for_timeout(SETTLE_SECONDS * 1000)
        if log.count() == before and pending[0] == 0:
            return


def measure_page(browser: Browser, base_url: str, log: ServerLog, path: str) -> dict[str, object]:
    """One first visit to `path` (relative to the site root) on a phone with an empty cache."""
    context = browser.new_context(viewport=VIEWPORT)
    requests: list[Request] = []
    pending = [0]

    def started(request: Request) -> None:
        requests.append(request)
        pending[0] += 1

    def ended(_request: Request) -> None:
        pending[0] -= 1

    context.on("request", started)
    context.on("requestfinished", ended)
    context.on("requestfailed", ended)
    log.take()
    page = context.new_page()
    page.goto(base_url + path, wait_until="networkidle")
    _settle(page, log, pending)
    facts = page.evaluate(_PAGE_FACTS)
    result = _page_result(path, base_url, list(requests), log.take(), facts)
    result["on_search_open"] = _open_search(page, log, pending, requests)
    context.close()
    return result


def _open_search(page: Page, log: ServerLog, pending: list[int], requests: list[Request]) -> dict[str, object] | None:
    """What the reader downloads on opening search, once the worker has built the index."""
    button = page.locator(SEARCH_BUTTON)
    if button.count() == 0:
        return None
    first_load = len(requests)
    button.click()
    page.wait_for_function(_SEARCH_READY, timeout=MAX_WAIT_SECONDS * 1000)
    _settle(page, log, pending)
    transfers = log.take()
    seen = {site_path(request.url) for request in requests[first_load:]}
    return {
        "requests": len(requests) - first_load,
        "transfers": len(transfers),
        "gzip_bytes": sum(transfer.gzip_bytes for transfer in transfers),
        "resources": [{"path": transfer.path, "gzip_bytes": transfer.gzip_bytes} for transfer in transfers],
        "search_index": next((t.path for t in transfers if t.path.endswith(INDEX_FILE)), None),
        "not_seen_by_browser": sorted({transfer.path for transfer in transfers} - seen),
    }


class Resource(TypedDict):
    """One response of a page load, as the results list it."""

    path: str
    type: str  # html, css, js, font, image, json or other (resource_type)
    status: int
    raw_bytes: int
    gzip_bytes: int


def _page_result(
    path: str, base_url: str, requests: list[Request], transfers: list[Transfer], facts: dict[str, list[Any]]
) -> dict[str, object]:
    own_host = urlsplit(base_url).netloc
    web = [request for request in requests if urlsplit(request.url).scheme in ("http", "https")]
    own = [request for request in web if urlsplit(request.url).netloc == own_host]
    browser_types: dict[str, str] = {}
    for request in own:
        browser_types.setdefault(site_path(request.url), request.resource_type)
    resources: list[Resource] = [
        {
            "path": transfer.path,
            "type": resource_type(transfer.path, browser_types.get(transfer.path)),
            "status": transfer.status,
            "raw_bytes": transfer.raw_bytes,
            "gzip_bytes": transfer.gzip_bytes,
        }
        for transfer in transfers
    ]
    by_type = {
        kind: {
            "transfers": sum(1 for resource in resources if resource["type"] == kind),
            "raw_bytes": sum(resource["raw_bytes"] for resource in resources if resource["type"] == kind),
            "gzip_bytes": sum(resource["gzip_bytes"] for resource in resources if resource["type"] == kind),
        }
        for kind in TYPES
    }
    gzip_total = sum(transfer.gzip_bytes for transfer in transfers)
    own_js = sum(transfer.gzip_bytes for transfer in transfers if transfer.path.startswith(OWN_JS_PREFIX))
    blocking = [site_path(url) for url in facts["dom"]]
    images = facts["images"]
    bad_images = [image["src"] for image in images if not (image["width"] and image["height"])]
    bad_images += [image["src"] for image in images if image["loading"] != "lazy" and image["src"] not in bad_images]
    return {
        "path": path,
        "requests": len(web),
        "transfers": len(transfers),
        "raw_bytes": sum(transfer.raw_bytes for transfer in transfers),
        "gzip_bytes": gzip_total,
        "by_type": by_type,
        "own_js_gzip_bytes": own_js,
        "render_blocking": blocking,
        "render_blocking_beyond_theme_css": [item for item in blocking if not _is_theme_css(item)],
        "render_blocking_by_chromium": sorted(site_path(url) for url in facts["browser"]),
        "images": images,
        "images_unsized_or_eager": bad_images,
        "third_party_requests": [request.url for request in web if urlsplit(request.url).netloc != own_host],
        "not_seen_by_browser": sorted({transfer.path for transfer in transfers} - set(browser_types)),
        "search_index": next((p for p in browser_types if p.endswith(INDEX_FILE)), None),
        "errors": [f"{transfer.status} {transfer.path}" for transfer in transfers if transfer.status >= 400],
        "resources": resources,
        "within_page_budget": gzip_total <= PAGE_BUDGET,
        "within_own_js_budget": own_js <= OWN_JS_BUDGET,
    }


def heaviest_html(site_dir: Path) -> dict[str, object]:
    """The page whose HTML is largest gzipped, scanning every .html file of the site."""
    sizes = {html: gzip_size(html.read_bytes()) for html in site_dir.rglob("*.html")}
    html = max(sizes, key=lambda candidate: (sizes[candidate], candidate.as_posix()))
    relative = html.relative_to(site_dir).as_posix()
    path = relative.removesuffix("index.html") if PurePosixPath(relative).name == "index.html" else relative
    return {"path": path, "html_raw_bytes": html.stat().st_size, "html_gzip_bytes": sizes[html], "pages": len(sizes)}


def search_indexes(site_dir: Path) -> list[dict[str, object]]:
    """Each language's search index (where guide.mkdocs.search_index writes it): size raw and gzip."""
    others = sorted(d.name for d in site_dir.iterdir() if (site_dir / index_path(d.name, DEFAULT_LANGUAGE)).is_file())
    result: list[dict[str, object]] = []
    for language in [DEFAULT_LANGUAGE, *(name for name in others if name != DEFAULT_LANGUAGE)]:
        path = index_path(language, DEFAULT_LANGUAGE)
        data = (site_dir / path).read_bytes()
        documents = len(json.loads(data)["docs"])
        result.append(
            {
                "language": language,
                "path": path,
                "documents": documents,
                "raw_bytes": len(data),
                "gzip_bytes": gzip_size(data),
            }
        )
    return result


def _page_path(language: str, path: str) -> str:
    return path if language == DEFAULT_LANGUAGE else f"{language}/{path}"


def measure_site(site_dir: Path) -> dict[str, object]:
    """Page weight of a built site: the chosen pages in fi and ar, the heaviest page, the search indexes.

    JSON-serialisable: `budgets` (bytes), `pages` (per page: `label`, `path`, `requests`, `transfers`,
    `raw_bytes`, `gzip_bytes`, `by_type`, `own_js_gzip_bytes`, `render_blocking`, `images`,
    `third_party_requests`, `resources`, `on_search_open` ...), `heaviest_html`, `search_index` (per
    language) and `targets` (name -> met).
    """
    site_dir = Path(site_dir)
    heaviest = heaviest_html(site_dir)
    targets = [(f"{label} ({language})", _page_path(language, path)) for language in LANGUAGES for label, path in PAGES]
    targets.append((f"heaviest HTML ({heaviest['path']})", str(heaviest["path"])))
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    pages: list[dict[str, object]] = []
    with serve(site_dir) as (base_url, log), sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        for label, path in targets:
            pages.append({"label": label, **measure_page(browser, base_url, log, path)})
        browser.close()
    return {
        "budgets": {"page_gzip_bytes": PAGE_BUDGET, "own_js_gzip_bytes": OWN_JS_BUDGET, "kB": KB},
        "pages": pages,
        "heaviest_html": heaviest,
        "search_index": search_indexes(site_dir),
        "targets": _targets(pages),
    }


def _targets(pages: list[dict[str, object]]) -> dict[str, bool]:
    return {
        "every page at most 150 kB gzip": all(page["within_page_budget"] for page in pages),
        "own JavaScript at most 10 kB gzip per page": all(page["within_own_js_budget"] for page in pages),
        "no render-blocking request beyond the theme's CSS": not any(
            page["render_blocking_beyond_theme_css"] for page in pages
        ),
        "images sized and lazy": not any(page["images_unsized_or_eager"] for page in pages),
        "no third-party request": not any(page["third_party_requests"] for page in pages),
        "every request seen by the browser": not any(
            page["not_seen_by_browser"] or _not_seen_on_search(page) for page in pages
        ),
    }


def _not_seen_on_search(page: dict[str, object]) -> bool:
    search = page["on_search_open"]  # None on a page without a search button
    return isinstance(search, dict) and bool(search.get("not_seen_by_browser"))


def main(argv: list[str] | None = None) -> int:
    """`python -m bench.page_weight SITE_DIR [--json FILE]`: print the tables (and write the JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("site_dir", type=Path, help="a built site (mkdocs build -d ...)")
    parser.add_argument("--json", type=Path, help="also write the full result as JSON to this file ('-': stdout)")
    arguments = parser.parse_args(argv)
    result = measure_site(arguments.site_dir)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if arguments.json == Path("-"):
        print(text)
    else:
        print(format_report(result))
        if arguments.json:
            arguments.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
