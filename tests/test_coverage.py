"""KotoL § 13: a catalogue that leaves out one of the programme's minimum contents does not build."""

from __future__ import annotations

from pathlib import Path

import pytest

from guide.core.problems import DataError
from guide.translations.loader import load_catalogue
from site_build import copy_project


def test_the_real_catalogue_covers_every_minimum_content():
    load_catalogue(Path(__file__).resolve().parent.parent)


@pytest.mark.parametrize(
    ("edits", "words"),
    [
        ({"[25]": "[]"}, "multilingual civic orientation"),
        ({"[26, 27]": "[27]"}, "integration training"),
        ({"[17]": "[16]", "[3, 14, 15, 16, 17]": "[3, 14, 15, 16]"}, "multisectoral integration plan"),
    ],
)
def test_a_missing_minimum_content_is_an_error(tmp_path: Path, edits: dict[str, str], words: str):
    root = copy_project(tmp_path / "project")
    path = root / "data" / "services.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in edits.items():
        assert f"    kotol_sections: {old}\n" in text
        text = text.replace(f"    kotol_sections: {old}\n", f"    kotol_sections: {new}\n")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    messages = [str(problem) for problem in caught.value.problems]
    assert any(words in m and "KotoL 13 §" in m and m.startswith("data/services.yaml:") for m in messages), messages
