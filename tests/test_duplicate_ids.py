"""An id used twice in any list is reported at the second use, never silently overwritten."""

from __future__ import annotations

import pytest

from catalogue_fixture import broken_copy, line_of
from guide.core.problems import DataError
from guide.translations.loader import load_catalogue


def test_an_interface_text_given_twice_is_reported_at_the_second(tmp_path):
    first = "  - id: example\n"
    root = broken_copy(tmp_path, "site.yaml", first, first + "    text:\n      fi: Toinen\n" + first)
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    second = line_of(root, "site.yaml", "id: example", occurrence=2)
    messages = [str(problem) for problem in caught.value.problems]
    assert any(m.startswith(f"data/site.yaml:{second}:") and "'example' is already used" in m for m in messages)
