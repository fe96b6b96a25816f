"""Every `docs/<name>.md` that the code, the data, the messages or the README cite is a file of docs/.

References to upstream documents in a subfolder (PTV's `docs/Api/...`, named in docs/ptv.md with
their repository) are not this repository's and are left out by the pattern.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REFERENCE = re.compile(r"\bdocs/([a-z0-9-]+\.md)\b")


def cited_docs(root: Path, paths: list[str]) -> dict[str, list[str]]:
    """Each cited docs/<name>.md with the files that cite it."""
    cited: dict[str, list[str]] = {}
    for path in paths:
        try:
            text = (root / path).read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        for name in set(REFERENCE.findall(text)):
            cited.setdefault(name, []).append(path)
    return cited


def missing_docs(root: Path, paths: list[str]) -> list[str]:
    cited = sorted(cited_docs(root, paths).items())
    return [
        f"docs/{name} (cited in {', '.join(sorted(where))})"
        for name, where in cited
        if not (root / "docs" / name).is_file()
    ]


def test_every_cited_document_exists() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout.split()
    assert len(cited_docs(REPO, tracked)) >= 5
    assert missing_docs(REPO, tracked) == []


def test_a_citation_of_a_missing_document_is_found(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "contract.md").write_text("# Contract\n")
    (tmp_path / "check.py").write_text('MESSAGE = "see docs/contract.md and docs/architecture.md"\n')
    assert missing_docs(tmp_path, ["check.py"]) == ["docs/architecture.md (cited in check.py)"]
