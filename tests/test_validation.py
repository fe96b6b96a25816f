"""Each kind of bad edit a staff member can make gives one `path:line:column: message` line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from catalogue_fixture import MINIMAL, broken_copy, line_of
from guide.core.problems import DataError
from guide.translations.loader import load_catalogue

REPO = Path(__file__).resolve().parent.parent


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    return [str(problem) for problem in caught.value.problems]


def test_minimal_fixture_is_valid():
    catalogue = load_catalogue(MINIMAL)
    assert [s.id for s in catalogue.services] == [
        "ohjaus-ja-neuvonta",
        "palvelutarpeen-arviointi",
        "muut-vahimmaissisallot",
        "suomen-kielen-kurssit",
    ]


def test_yaml_syntax_error_points_at_the_broken_line(tmp_path):
    root = broken_copy(tmp_path, "services.yaml", "    kotol_sections: [10]", "    kotol_sections: [10")
    line = line_of(root, "services.yaml", "kotol_sections: [10")
    [problem] = problems_of(root)
    assert problem.startswith("data/services.yaml:")
    assert "the list opened with [ on line" in problem and "is not closed with ]" in problem
    reported_line = int(problem.split(":")[1])
    assert line <= reported_line <= line + 2


def test_duplicate_key_is_rejected_not_silently_overwritten(tmp_path):
    root = broken_copy(
        tmp_path,
        "services.yaml",
        "    reviewed: 2026-11-28\n",
        "    reviewed: 2026-11-28\n    reviewed: 2020-01-01\n",
    )
    first = line_of(root, "services.yaml", "reviewed: 2026-11-28")
    assert problems_of(root) == [
        f"data/services.yaml:{first + 1}:5: 'reviewed' is given twice in the same place "
        f"(first on line {first}); keep only one"
    ]


def test_unknown_field_suggests_the_right_name(tmp_path):
    root = broken_copy(
        tmp_path,
        "services.yaml",
        "    title:\n      fi: Palvelutarpeen",
        "    titel:\n      fi: Palvelutarpeen",
    )
    line = line_of(root, "services.yaml", "titel:")
    # one mistake, one message: the missing 'title' is what the misspelt 'titel' already says
    assert problems_of(root) == [
        f"data/services.yaml:{line}:5: unknown field 'titel' in service 'palvelutarpeen-arviointi'; "
        "did you mean 'title'?",
    ]


def test_unknown_language_is_named(tmp_path):
    root = broken_copy(tmp_path, "services.yaml", "      en: Advice for all immigrants.", "      se: Advice.")
    line = line_of(root, "services.yaml", "se: Advice.")
    assert problems_of(root) == [
        f"data/services.yaml:{line}:7: unknown language 'se' in service 'ohjaus-ja-neuvonta'; "
        "the languages are fi, sv, en, ru, uk, et, ar, fa"
    ]


def test_wrong_type_says_what_is_expected(tmp_path):
    root = broken_copy(tmp_path, "services.yaml", "    kotol_sections: [10]", "    kotol_sections: [kymmenen]")
    line = line_of(root, "services.yaml", "kotol_sections: [kymmenen]")
    assert problems_of(root) == [
        f"data/services.yaml:{line}:22: 'kotol_sections' in service 'ohjaus-ja-neuvonta' should be a whole "
        "number, not 'kymmenen'"
    ]


def test_steps_must_be_a_list(tmp_path):
    root = broken_copy(tmp_path, "services.yaml", "    steps:\n      - fi: Ota yhteyttä.", "    steps: Ota yhteyttä.")
    line = line_of(root, "services.yaml", "steps: Ota yhteyttä.")
    assert problems_of(root) == [
        f"data/services.yaml:{line}:12: 'steps' in service 'ohjaus-ja-neuvonta' should be a list "
        "(lines starting with '- ')"
    ]


def test_missing_finnish_text(tmp_path):
    root = broken_copy(tmp_path, "services.yaml", "      fi: Neuvontaa kaikille maahan muuttaneille.\n", "")
    line = line_of(root, "services.yaml", "en: Advice for all immigrants.")
    assert problems_of(root) == [
        f"data/services.yaml:{line}:7: the Finnish text (fi) of 'summary' is missing in service 'ohjaus-ja-neuvonta'"
    ]


def test_id_must_be_slug_shaped(tmp_path):
    root = broken_copy(
        tmp_path, "services.yaml", "  - id: palvelutarpeen-arviointi", "  - id: Palvelutarpeen Arviointi"
    )
    line = line_of(root, "services.yaml", "id: Palvelutarpeen Arviointi")
    assert (
        f"data/services.yaml:{line}:9: 'Palvelutarpeen Arviointi' is not a valid id for 'id' in service "
        "'Palvelutarpeen Arviointi': use lowercase letters a-z, digits and hyphens (organisations: "
        "underscores), e.g. 'palvelutarpeen-arviointi'"
    ) in problems_of(root)


def test_ids_must_be_unique(tmp_path):
    root = broken_copy(tmp_path, "services.yaml", "  - id: palvelutarpeen-arviointi", "  - id: ohjaus-ja-neuvonta")
    first = line_of(root, "services.yaml", "id: ohjaus-ja-neuvonta")
    second = line_of(root, "services.yaml", "id: ohjaus-ja-neuvonta", occurrence=2)
    assert (
        f"data/services.yaml:{second}:9: the id 'ohjaus-ja-neuvonta' is already used on line {first}; "
        "every id must be unique" in problems_of(root)
    )


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "services.yaml",
            "    providers: [immigration_counsellor]",
            "    providers: [immigration_counselor]",
            "'immigration_counselor' is not an organisation id in data/organisations.yaml; "
            "did you mean 'immigration_counsellor'?",
        ),
        (
            "services.yaml",
            "    related: [palvelutarpeen-arviointi]",
            "    related: [palvelutarpeen-arvio]",
            "'palvelutarpeen-arvio' is not a service id in data/services.yaml; "
            "did you mean 'palvelutarpeen-arviointi'?",
        ),
        (
            "organisations.yaml",
            "    municipalities: [kuopio]\n    channels",
            "    municipalities: [kuopi]\n    channels",
            "'kuopi' is not a municipality id in data/organisations.yaml; did you mean 'kuopio'?",
        ),
        (
            "services.yaml",
            "        provider: immigration_counsellor",
            "        provider: employment",
            "'employment' is not an organisation id in data/organisations.yaml; did you mean 'employment_authority'?",
        ),
        (
            "services.yaml",
            "    life_situations: [just-arrived]",
            "    life_situations: [arrived]",
            "'arrived' is not a life situation id in data/services.yaml; did you mean 'just-arrived'?",
        ),
    ],
)
def test_every_reference_must_resolve(tmp_path, file, old, new, message):
    root = broken_copy(tmp_path, file, old, new)
    first_line = new.splitlines()[0]
    broken_value = message.split("'")[1]
    line = line_of(root, file, first_line)
    column = first_line.index(broken_value) + 1
    assert problems_of(root) == [f"data/{file}:{line}:{column}: {message}"]


@pytest.mark.parametrize("url", ["http://www.kuopio.fi/", "javascript:alert(1)", "data:text/html,x", "ftp://x.fi"])
def test_links_only_https_mailto_tel(tmp_path, url):
    root = broken_copy(tmp_path, "services.yaml", "      - url: https://www.kuopio.fi/", f"      - url: '{url}'")
    line = line_of(root, "services.yaml", f"url: '{url}'")
    assert problems_of(root) == [
        f"data/services.yaml:{line}:14: the address '{url}' in 'links.url' in service 'ohjaus-ja-neuvonta' "
        "must start with https://, mailto: or tel:"
    ]


def test_summary_at_most_150_characters(tmp_path):
    long = "Pitkä " * 26  # 156 characters
    root = broken_copy(tmp_path, "services.yaml", "      en: Advice for all immigrants.", f"      en: {long.strip()}")
    line = line_of(root, "services.yaml", "en: Pitkä")
    assert problems_of(root) == [
        f"data/services.yaml:{line}:11: 'summary' in service 'ohjaus-ja-neuvonta' is {len(long.strip())} "
        "characters long in English; at most 150 are allowed"
    ]


@pytest.mark.parametrize("date", ["2026-13-01", "2026-02-30", "eilen"])
def test_reviewed_must_be_a_real_date(tmp_path, date):
    root = broken_copy(tmp_path, "services.yaml", "    reviewed: 2026-11-28", f"    reviewed: {date}")
    line = line_of(root, "services.yaml", f"reviewed: {date}")
    assert problems_of(root) == [
        f"data/services.yaml:{line}:15: '{date}' in 'reviewed' in service 'ohjaus-ja-neuvonta' is not a valid "
        "date (write YYYY-MM-DD, e.g. 2025-01-31)"
    ]


def test_anchors_and_aliases_are_rejected(tmp_path):
    root = broken_copy(tmp_path, "services.yaml", "    languages: [fi, en]", "    languages: &kielet [fi, en]")
    line = line_of(root, "services.yaml", "&kielet")
    [problem] = problems_of(root)
    assert problem == (
        f"data/services.yaml:{line}:16: anchors and aliases (&name, *name) are not allowed; write the value out"
    )


def test_alias_bomb_is_refused_quickly(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    root = broken_copy(tmp_path, "site.yaml", "strings:", bomb + "strings:")
    problems = problems_of(root)
    assert len(problems) == 1 and "anchors and aliases" in problems[0]


def test_all_problems_are_reported_at_once(tmp_path):
    root = broken_copy(tmp_path, "services.yaml", "    kotol_sections: [14]", "    kotol_section: [14]")
    text = (root / "data" / "organisations.yaml").read_text().replace("in_programme: true", "in_programme: kyllä", 1)
    (root / "data" / "organisations.yaml").write_text(text)
    problems = problems_of(root)
    assert len(problems) == 2
    assert problems[0].startswith("data/organisations.yaml:") and "true or false" in problems[0]
    assert "unknown field 'kotol_section'" in problems[1]


def test_check_command_prints_lines_and_fails_without_traceback(tmp_path):
    root = broken_copy(
        tmp_path,
        "services.yaml",
        "    title:\n      fi: Palvelutarpeen",
        "    titel:\n      fi: Palvelutarpeen",
    )
    result = subprocess.run(
        [sys.executable, "-m", "guide.tools.check", str(root)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "hooks")},
        check=False,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert all(line.startswith("data/services.yaml:") for line in lines[:-1])
    assert any("unknown field 'titel'" in line for line in lines)
    assert lines[-1] == "1 problem found in data/; fix them and run 'make check' again."
    assert "Traceback" not in result.stderr + result.stdout


def test_check_command_passes_on_the_repository_data():
    result = subprocess.run(
        [sys.executable, "-m", "guide.tools.check"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PYTHONPATH": str(REPO / "hooks")},
        check=False,
    )
    assert result.returncode == 0, result.stderr
