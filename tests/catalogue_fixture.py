"""A small valid catalogue (tests/fixtures/minimal) that tests copy and break one way at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

MINIMAL = Path(__file__).parent / "fixtures" / "minimal"


def broken_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    """A copy of the minimal catalogue with `old` replaced by `new` (once) in data/`file`."""
    root = tmp_path / "catalogue"
    shutil.copytree(MINIMAL, root)
    path = root / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def line_of(root: Path, file: str, needle: str, occurrence: int = 1) -> int:
    """The 1-based line of the `occurrence`-th line containing `needle` in data/`file`."""
    lines = (root / "data" / file).read_text(encoding="utf-8").splitlines()
    hits = [number for number, line in enumerate(lines, start=1) if needle in line]
    return hits[occurrence - 1]
