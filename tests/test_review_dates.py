"""Review dates: the 12-month rule with a fixed clock, `make check`'s warnings, and the dates on the pages."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue_fixture import broken_copy, line_of
from guide.site.review_dates import due_date, is_overdue, overdue
from guide.translations.loader import load_catalogue
from site_build import REPO


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (datetime.date(2027, 11, 28), datetime.date(2026, 11, 28)),
        (datetime.date(2027, 3, 1), datetime.date(2026, 3, 1)),
        (datetime.date(2028, 2, 29), datetime.date(2027, 2, 28)),  # no 29 February in 2027
        (datetime.date(2027, 1, 15), datetime.date(2026, 1, 15)),
    ],
)
def test_due_date_is_the_same_day_a_year_earlier(today: datetime.date, due: datetime.date) -> None:
    assert due_date(today) == due


def test_a_service_is_overdue_the_day_after_its_twelve_months(tmp_path: Path) -> None:
    catalogue = load_catalogue(broken_copy(tmp_path, "services.yaml", "reviewed: 2026-11-28", "reviewed: 2025-06-30"))
    service = catalogue.service("ohjaus-ja-neuvonta")
    assert not is_overdue(service, datetime.date(2026, 6, 30))
    assert is_overdue(service, datetime.date(2026, 7, 1))
    assert [s.id for s in overdue(catalogue.services, datetime.date(2026, 7, 1))] == ["ohjaus-ja-neuvonta"]


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "guide.tools.check", str(root)], env=env, capture_output=True, text=True, check=False
    )


def test_make_check_warns_about_old_reviews_but_passes(tmp_path: Path) -> None:
    root = broken_copy(tmp_path, "services.yaml", "reviewed: 2026-11-28", "reviewed: 2024-12-02")
    result = run_check(root)
    assert result.returncode == 0, result.stderr
    line = line_of(root, "services.yaml", "reviewed: 2024-12-02")
    assert (
        f"data/services.yaml:{line}:15: warning: service 'ohjaus-ja-neuvonta' was last reviewed on 2024-12-02, "
        "more than 12 months ago" in result.stdout
    )
    assert "1 service(s) last reviewed more than 12 months ago (a warning: the check passes)." in result.stdout
    assert "palvelutarpeen-arviointi" not in result.stdout


def test_make_check_is_quiet_about_recent_reviews(tmp_path: Path) -> None:
    today = datetime.date.today().isoformat()
    result = run_check(broken_copy(tmp_path, "services.yaml", "reviewed: 2026-11-28", f"reviewed: {today}"))
    assert result.returncode == 0
    assert "last reviewed" not in result.stdout  # (the PTV export's gaps are warnings of their own)


def _finnish_date(day: datetime.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _english_date(day: datetime.date) -> str:
    return f"{day.day} {day:%B} {day.year}"


def test_service_pages_show_the_review_date_in_the_readers_language(built_site: Path) -> None:
    service = load_catalogue(REPO).services[0]
    finnish = (built_site / "palvelut" / service.id / "index.html").read_text(encoding="utf-8")
    english = (built_site / "en" / "palvelut" / service.id / "index.html").read_text(encoding="utf-8")
    assert _finnish_date(service.reviewed) in _reviewed_line(finnish)
    assert _english_date(service.reviewed) in _reviewed_line(english)


def _reviewed_line(html: str) -> str:
    start = html.index('<p class="kg-reviewed">')
    return html[start : html.index("</p>", start)]


def test_staff_page_lists_every_service_by_review_date_in_finnish_and_english(built_site: Path) -> None:
    catalogue = load_catalogue(REPO)
    for prefix, heading in (("", "Palvelujen tarkistuspäivät"), ("en/", "Review dates of the services")):
        html = (built_site / prefix / "tarkistuspaivat" / "index.html").read_text(encoding="utf-8")
        assert f">{heading}</h1>" in html
        dates = [line.split('<time datetime="')[1][:10] for line in html.splitlines() if '<time datetime="' in line]
        assert len(dates) == len(catalogue.services)
        assert dates == sorted(dates), "oldest review first"
        for service in catalogue.services:
            assert f'href="../palvelut/{service.id}/"' in html
