"""An id used twice in any list is reported at the second use, never silently overwritten."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from catalogue_fixture import broken_copy, line_of
from guide.core.problems import DataError
from guide.translations.loader import load_catalogue
from site_build import REPO


def test_an_interface_text_given_twice_is_reported_at_the_second(tmp_path):
    first = "  - id: example\n"
    root = broken_copy(tmp_path, "site.yaml", first, first + "    text:\n      fi: Toinen\n" + first)
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    second = line_of(root, "site.yaml", "id: example", occurrence=2)
    messages = [str(problem) for problem in caught.value.problems]
    assert any(m.startswith(f"data/site.yaml:{second}:") and "'example' is already used" in m for m in messages)


def check_lines(root: Path) -> list[str]:
    """The problem lines `make check` prints for the catalogue at `root`."""
    env = {"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "guide.tools.check", str(root)]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stdout
    return result.stderr.strip().splitlines()[:-1]


def test_a_time_limit_given_twice_is_one_problem_with_the_message_of_every_list(tmp_path):
    root = broken_copy(tmp_path, "service_path.yaml", "path_steps:\n", DUPLICATE_LIMIT + "\npath_steps:\n")
    second = line_of(root, "service_path.yaml", "id: three-years", occurrence=2)
    first = line_of(root, "service_path.yaml", "id: three-years")
    assert check_lines(root) == [
        f"data/service_path.yaml:{second}:9: the id 'three-years' is already used on line {first}; "
        "every id must be unique"
    ]


def test_a_service_given_twice_in_the_ptv_file_has_the_same_message(tmp_path):
    entry = "  - id: palvelutarpeen-arviointi\n    service_classes: [P4.11]\n    target_groups: [KR1]\n"
    root = broken_copy(tmp_path, "ptv.yaml", entry, entry + entry)
    second = line_of(root, "ptv.yaml", "id: palvelutarpeen-arviointi", occurrence=2)
    first = line_of(root, "ptv.yaml", "id: palvelutarpeen-arviointi")
    assert check_lines(root) == [
        f"data/ptv.yaml:{second}:9: the id 'palvelutarpeen-arviointi' is already used on line {first}; "
        "every id must be unique"
    ]


DUPLICATE_LIMIT = """  - id: three-years
    amount: 3
    unit: year
    text:
      fi: Toinen raja {duration}.
    programme_section: "2.1"
    kotol_sections: [14]
"""
