"""Hostile and broken content in the data: every text of a copy of data/ carries a payload
(tests/fixtures/hostile/payloads.yaml). The build renders it inert (escaped, and Markdown from the
data sanitised by nh3 in guide/site/rendering.py), and a browser sees no dialog, no script run and no
navigation. Invisible zero-width and text-direction controls and unsafe URL schemes are rejected
with the editor's message instead."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from catalogue_fixture import broken_copy, line_of
from guide.core.problems import DataError
from guide.translations.loader import load_catalogue
from hostile_catalogue import PAYLOADS, hostile_project
from page_html import elements, parsed
from site_build import build_site, restrict_languages
from site_pages import all_pages, page_types

LANGUAGES_BUILT = ["fi", "ar"]  # one left-to-right and one right-to-left language keep the build short
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "data", "srcset", "poster", "xlink:href")
FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "base"}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    root = tmp_path_factory.mktemp("hostile")
    project, poisoned = hostile_project(root / "project")
    restrict_languages(project, LANGUAGES_BUILT)
    result = build_site(root / "site", source=project)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return root / "site", poisoned


@pytest.fixture(scope="module")
def hostile_url(hostile_site: tuple[Path, int]) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(hostile_site[0]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Scripts(HTMLParser):
    """The contents of a page's inline scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.inline: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open = tag == "script" and not dict(attrs).get("src")
        if self._open:
            self.inline.append("")

    def handle_data(self, data: str) -> None:
        if self._open:
            self.inline[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._open = False


def inline_scripts(site: Path) -> set[str]:
    """Every distinct inline script of a site (Material's configuration and small helpers)."""
    found: set[str] = set()
    for page in all_pages(site):
        parser = _Scripts()
        parser.feed(page.read_text(encoding="utf-8"))
        found.update(script.strip() for script in parser.inline)
    return found


def _is_site_script(attributes: dict[str, str]) -> bool:
    """A script file of the site itself (the theme's bundle, our own); inline ones are compared below."""
    source = attributes.get("src", "")
    return not source or ("//" not in source and source.split("?")[0].endswith(".js"))


def test_every_payload_is_rendered_as_text_not_markup(hostile_site):
    site, poisoned = hostile_site
    assert poisoned > 300  # every text of the data got a payload
    problems: list[str] = []
    for page in all_pages(site):
        where = page.relative_to(site).as_posix()
        for tag, attributes in elements(page):
            handlers = [name for name in attributes if name.startswith("on")]
            problems += [f"{where}: <{tag} {name}=...>" for name in handlers]
            for name in URL_ATTRIBUTES:
                scheme = urlsplit(attributes.get(name, "").strip()).scheme.lower()
                if scheme in ("javascript", "data", "vbscript"):
                    problems.append(f"{where}: <{tag} {name}={attributes[name][:40]!r}>")
            if tag in FORBIDDEN_TAGS or (tag == "script" and not _is_site_script(attributes)):
                problems.append(f"{where}: <{tag}> {attributes}")
            if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
                problems.append(f"{where}: <meta http-equiv=refresh>")
            if tag == "img" and "//" in attributes.get("src", ""):
                problems.append(f"{where}: image from another host {attributes['src']}")
    assert problems == [], "\n".join(problems[:40])
    # No inline script carries a payload (Material's own inline scripts and JSON configuration remain).
    injected = [script[:80] for script in inline_scripts(site) if "__hostile" in script or "alert(" in script]
    assert injected == []
    # ... and the payloads are there, shown to the reader as the text they are.
    service_page = (site / "palvelut" / "ohjaus-ja-neuvonta" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in service_page or "&lt;img" in service_page


def test_links_of_the_hostile_site_lead_nowhere_else(hostile_site):
    site, _ = hostile_site
    schemes = {
        urlsplit(url).scheme for page in all_pages(site) for _, url in parsed(page).links if urlsplit(url).scheme
    }
    assert schemes <= {"http", "https", "mailto", "tel"}, schemes


@pytest.mark.parametrize("language", LANGUAGES_BUILT)
def test_browser_sees_no_dialog_no_script_and_no_navigation(browser: Browser, hostile_site, hostile_url, language):
    site, _ = hostile_site
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    dialogs: list[str] = []
    navigations: list[str] = []
    foreign: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    own = urlsplit(hostile_url).netloc
    page.on("request", lambda request: foreign.append(request.url) if urlsplit(request.url).netloc != own else None)
    problems: list[str] = []
    for path in page_types(site, language):
        page.goto(hostile_url + path, wait_until="networkidle")
        navigations.clear()
        page.mouse.move(195, 300)  # hover and click where injected handlers or overlays would sit
        page.locator("h1:visible").first.click()  # the tool hides its no-JS start page
        page.mouse.move(10, 10)
        page.wait_for_timeout(100)
        if page.evaluate("() => window.__hostile !== undefined"):
            problems.append(f"{path}: a payload ran (window.__hostile is set)")
        if navigations:
            problems.append(f"{path}: navigated to {navigations}")
    context.close()
    assert problems == [] and dialogs == [] and foreign == [], (problems, dialogs, foreign)


REJECTED_TEXTS = {name: value for name, value in PAYLOADS["rejected"].items() if not name.endswith("_url")}


@pytest.mark.parametrize("name", sorted(REJECTED_TEXTS))
def test_invisible_controls_in_a_text_are_rejected_with_the_editors_message(tmp_path, name):
    value = REJECTED_TEXTS[name]
    root = broken_copy(tmp_path, "services.yaml", "fi: Ohjaus ja neuvonta", f'fi: "{_yaml_escape(value)}"')
    with pytest.raises(DataError) as raised:
        load_catalogue(root)
    message = str(raised.value)
    code = f"U+{ord(next(c for c in value if not c.isprintable() or ord(c) in (0x200B, 0xFEFF))):04X}"
    lines = [line for line in message.splitlines() if "invisible character" in line]
    assert len(lines) == 1 and lines[0].startswith("data/services.yaml:"), message
    assert "'title.fi' in service 'ohjaus-ja-neuvonta'" in lines[0] and code in lines[0], lines[0]


@pytest.mark.parametrize("name", ["javascript_url", "data_url"])
def test_unsafe_link_schemes_are_rejected_with_the_editors_message(tmp_path, name):
    value = PAYLOADS["rejected"][name]
    link = "      - url: https://www.kuopio.fi/"
    root = broken_copy(tmp_path / "link", "services.yaml", link, f"      - url: '{value}'")
    with pytest.raises(DataError) as raised:
        load_catalogue(root)
    assert "must start with https://, mailto: or tel:" in str(raised.value)
    web = "value: https://www.kuopio.fi/"
    channel = broken_copy(tmp_path / "channel", "organisations.yaml", web, f"value: '{value}'")
    with pytest.raises(DataError) as raised:
        load_catalogue(channel)
    assert "a web channel needs 'value: https://" in str(raised.value)


def test_the_build_stops_on_an_invisible_control_without_a_traceback(tmp_path):
    from site_build import copy_project

    project = copy_project(tmp_path / "project")
    services = project / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8")
    services.write_text(text.replace("fi: Ohjaus ja neuvonta", 'fi: "Ohjaus ja\\u202e neuvonta"', 1), "utf-8")
    result = build_site(tmp_path / "site", source=project, language="fi")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "invisible character U+202E" in output and "Traceback" not in output


def _yaml_escape(value: str) -> str:
    """`value` for a double-quoted YAML string, control characters as \\u escapes."""
    return "".join(c if c.isprintable() and ord(c) not in (0x200B, 0xFEFF) else f"\\u{ord(c):04x}" for c in value)


@pytest.mark.parametrize("payload", PAYLOADS["rejected_links"])
def test_unsafe_links_inside_a_text_are_rejected_at_their_line(tmp_path, payload):
    text = "fi: Neuvontaa *kaikille*."
    root = broken_copy(tmp_path, "services.yaml", text, f"fi: {json.dumps('Neuvontaa ' + payload)}")
    with pytest.raises(DataError) as raised:
        load_catalogue(root)
    [problem] = raised.value.problems
    assert problem.position.line == line_of(root, "services.yaml", 'fi: "Neuvontaa ')
    assert "is not allowed: links must start with https://, mailto: or tel:" in problem.message
