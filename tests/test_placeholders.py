"""Placeholders: one formatter fills them, a typo is an editor's message at its line, no page shows one."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.core.placeholders import fill, problem_of, unfilled_in_page
from guide.core.problems import DataError
from guide.translations.loader import load_catalogue
from site_build import copy_project


def _replace(path: Path, old: str, new: str) -> int:
    """Replace `old` once in `path`; the 1-based line where it was."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def _problems(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    return [str(problem) for problem in caught.value.problems]


def test_fill_replaces_each_name_once_and_never_a_value_inside_a_value():
    text = "Tilanne {date}: {due}/{total}"
    filled = fill(text, "strings/review_status/text", {"date": "{total}", "due": 1, "total": 2})
    assert filled == "Tilanne {total}: 1/2"


def test_fill_refuses_names_the_declaration_does_not_have():
    with pytest.raises(ValueError):
        fill("{months}", "strings/plan_review/text", {"month": 3})


def test_a_text_without_declared_placeholders_may_not_use_braces():
    assert problem_of("services/x/title", "Kurssi {nimi}") is not None
    assert problem_of("services/x/title", "Kurssi") is None


def test_a_typo_in_site_yaml_is_reported_at_its_line(tmp_path):
    root = copy_project(tmp_path / "project")
    line = _replace(root / "data" / "site.yaml", "vähintään {months} kuukauden", "vähintään {kuukaudet} kuukauden")
    [problem] = _problems(root)
    assert problem.startswith(f"data/site.yaml:{line}:")
    assert "{kuukaudet}" in problem and "{months}" in problem


def test_a_missing_placeholder_in_the_tree_is_reported_at_its_line(tmp_path):
    root = copy_project(tmp_path / "project")
    path = root / "data" / "eligibility.yaml"
    line = _replace(path, "päivitetään vähintään {months} kuukauden", "päivitetään vähintään kuuden kuukauden")
    [problem] = _problems(root)
    assert problem.startswith(f"data/eligibility.yaml:{line}:")
    assert "must contain {months}" in problem


def test_a_typo_in_a_translation_is_reported_at_its_po_line(tmp_path):
    root = copy_project(tmp_path / "project")
    path = root / "translations" / "sv.po"
    text = path.read_text(encoding="utf-8")
    old = 'msgstr "Planen uppdateras med högst {months} månaders mellanrum."'
    assert old in text
    path.write_text(text.replace(old, old.replace("{months}", "{månader}"), 1), encoding="utf-8")
    [problem] = _problems(root)
    assert problem.startswith("translations/sv.po:")
    assert "Swedish" in problem and "{månader}" in problem
    reported = int(problem.split(":")[1])
    entry_line = text[: text.index(old)].count("\n") + 1
    assert entry_line - 2 <= reported <= entry_line


def test_unfilled_in_page_reads_only_what_readers_see():
    page = '<p data-x="{question}">Joka {months} kuukausi</p><script>var a="{b}";</script><p>&#123;sections&#125;</p>'
    assert unfilled_in_page(page) == ["{months}", "{sections}"]


def test_no_built_page_of_any_language_shows_a_placeholder(built_site: Path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 800
    shown = {str(p.relative_to(built_site)): found for p in pages if (found := unfilled_in_page(p.read_text("utf-8")))}
    assert shown == {}
