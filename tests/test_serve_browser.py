"""`make serve` while an editor makes a mistake: the browser shows the problem on every page, does
not hang, and shows the site again after the next good save; the serve log stays readable.

Runs `mkdocs serve` (one language, as `make serve LANGUAGE=fi`) on a copy of the project, on a free
port of 127.0.0.1, and a real Chromium on it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from site_build import copy_project

PROBLEM_TIMEOUT_MS = 60_000  # a rebuild takes a few seconds; the machine may be busy


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_served(url: str, server: subprocess.Popen[str], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, "mkdocs serve stopped"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} was not served within {timeout} s")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """(address, project, log file) of `mkdocs serve` running on a copy of the project."""
    project = copy_project(tmp_path / "project")
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(project / "hooks"),
        "NO_MKDOCS_2_WARNING": "1",
        "BUILD_ONLY_LOCALE": "fi",
    }
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_until_served(url, server)
        yield url, project, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_mistake_shows_in_the_browser_and_the_next_good_save_recovers(
    page: Page, served: tuple[str, Path, Path]
) -> None:
    url, project, log = served
    services = project / "data" / "services.yaml"
    good = services.read_text(encoding="utf-8")
    lines = good.splitlines()
    number = next(n for n, line in enumerate(lines, start=1) if line.startswith("      fi:"))
    expected = f"data/services.yaml:{number}:1: line {number} is indented with a tab; use spaces"

    page.goto(url + "palvelut/")
    heading = page.locator("h1").first
    expect(heading).to_be_visible()
    assert page.locator(".kg-data-problems").count() == 0

    lines[number - 1] = "\t" + lines[number - 1].lstrip()
    services.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = page.locator(".kg-data-problems")
    expect(problems).to_be_visible(timeout=PROBLEM_TIMEOUT_MS)  # live reload brings it without a click
    expect(problems.locator("li")).to_have_text([expected])
    expect(problems).to_contain_text("Sivustoa ei päivitetty: tiedoissa on virheitä")

    for other in ("", "kuka-saa-palvelua/", "palvelut/ohjaus-ja-neuvonta/"):  # every page, none hangs
        started = time.monotonic()
        page.goto(url + other, timeout=15_000)
        assert time.monotonic() - started < 15
        expect(page.locator(".kg-data-problems li")).to_have_text([expected])

    services.write_text(good, encoding="utf-8")
    expect(page.locator(".kg-data-problems")).to_have_count(0, timeout=PROBLEM_TIMEOUT_MS)
    expect(page.locator("h1").first).to_be_visible()

    text = log.read_text(encoding="utf-8")
    assert expected in text, text[-3000:]
    assert 'not included in the "nav"' not in text
    assert "Traceback" not in text
    assert len(text.splitlines()) < 80, text[-3000:]
