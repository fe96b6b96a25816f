"""`make lighthouse`: Lighthouse (npm, with Debian's chromium) on the home page, a service page and
the eligibility page, in Finnish and Arabic, mobile preset; prints the four scores per page.

The site is built for the address it is served at (SITE_URL), as in production, so canonical and
hreflang links are on the same origin; only fi and ar are built, to keep the build short.
Exit status 1 when accessibility, best practices or SEO is below 1.0 on any page.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from site_build import REPO, build_site, copy_project, restrict_languages

LIGHTHOUSE = REPO / ".tools" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REQUIRED = ("accessibility", "best-practices", "seo")  # must be 1.0; performance is reported
LANGUAGES = ("fi", "ar")
PAGES = ("", "palvelut/palvelutarpeen-arviointi/", "kuka-saa-palvelua/")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def free_port() -> int:
    """A TCP port nobody listens on at the moment."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def audit(url: str) -> dict[str, float]:
    """Lighthouse's four category scores of one page (mobile preset, Lighthouse's default)."""
    chrome = shutil.which("chromium") or shutil.which("chromium-browser") or ""
    result = subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--only-categories={','.join(CATEGORIES)}",
            "--output=json",
            "--output-path=stdout",
            "--quiet",
            "--chrome-flags=--headless=new --no-sandbox",
        ],
        env={**os.environ, "CHROME_PATH": chrome},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    scores["failing"] = [  # type: ignore[assignment]
        audit_id
        for audit_id, item in report["audits"].items()
        if item.get("score") is not None and item["score"] < 1 and item.get("scoreDisplayMode") == "binary"
    ]
    return scores


def audit_site(work: Path) -> dict[str, dict[str, float]]:
    """Build fi and ar for a local address, serve them there, and audit every page of PAGES."""
    port = free_port()
    project = copy_project(work / "project")
    for extra in ("translations",):
        if (REPO / extra).is_dir():
            shutil.copytree(REPO / extra, project / extra, dirs_exist_ok=True)
    restrict_languages(project, list(LANGUAGES))
    site = work / "site"
    os.environ["SITE_URL"] = f"http://127.0.0.1:{port}/"
    try:
        built = build_site(site, source=project)
    finally:
        del os.environ["SITE_URL"]
    if built.returncode != 0:
        raise RuntimeError(built.stderr[-3000:])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        results = {}
        for language in LANGUAGES:
            for page in PAGES:
                path = ("" if language == "fi" else f"{language}/") + page
                if (site / path / "index.html").is_file():
                    results[path or "(home)"] = audit(f"http://127.0.0.1:{port}/{path}")
        return results
    finally:
        server.shutdown()


def table(results: dict[str, dict[str, float]]) -> str:
    """The scores as a plain-text table, one page a line."""
    lines = [f"{'page':45} " + " ".join(f"{name:>14}" for name in CATEGORIES)]
    for page, scores in results.items():
        lines.append(f"{page:45} " + " ".join(f"{scores[name]:>14.2f}" for name in CATEGORIES))
        if scores["failing"]:
            lines.append(f"{'':45} failing audits: {', '.join(scores['failing'])}")
    return "\n".join(lines)


def main() -> int:
    """Audit, print the table, and fail when a required category is below 1.0."""
    with tempfile.TemporaryDirectory() as work:
        results = audit_site(Path(work))
    print(table(results))
    below = [
        f"{page}: {name} {scores[name]}" for page, scores in results.items() for name in REQUIRED if scores[name] < 1
    ]
    print("\n".join(below) if below else "accessibility, best practices and SEO are 1.0 on every audited page")
    return 1 if below else 0


if __name__ == "__main__":
    sys.exit(main())
