"""Every built page in every language: valid HTML by the Nu HTML Checker (vnu.jar, run with Java),
no broken internal link or anchor, and external links that are well-formed https: addresses."""

from __future__ import annotations

import subprocess

import pytest

from page_html import VNU, link_problems
from site_build import REPO
from site_pages import all_pages


def test_no_broken_internal_link_or_anchor_and_external_links_are_https(built_site):
    problems, checked = link_problems(built_site)
    assert checked > 1000  # every page's links were read
    assert problems == [], "\n".join(problems[:60]) + f"\n({len(problems)} problems)"


def test_every_page_is_valid_html(built_site):
    if not VNU.is_file():
        pytest.fail(f"{VNU.relative_to(REPO)} is missing: run `make tools` (make test installs it)")
    pages = all_pages(built_site)
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "gnu", str(built_site)],
        capture_output=True,
        text=True,
        check=False,
    )
    errors = [line.replace(str(built_site), "") for line in result.stderr.splitlines() if line.strip()]
    assert len(pages) > 100
    assert result.returncode == 0 and errors == [], "\n".join(errors[:60]) + f"\n({len(errors)} errors)"
