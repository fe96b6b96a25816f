"""`make paths`: write docs/eligibility-paths.md, the table of every path of the eligibility tree."""

from __future__ import annotations

import sys
from pathlib import Path

from guide.core.problems import DataError
from guide.eligibility.export import PATHS_FILE, paths_markdown
from guide.translations.loader import load_catalogue


def main() -> int:
    """`make paths`: write docs/eligibility-paths.md from the data under the current directory."""
    try:
        tree = load_catalogue(Path.cwd()).eligibility
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    if tree is None:
        print("data/eligibility.yaml is missing", file=sys.stderr)
        return 1
    target = Path.cwd() / PATHS_FILE
    target.parent.mkdir(exist_ok=True)
    target.write_text(paths_markdown(tree), encoding="utf-8")
    print(f"wrote {PATHS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
