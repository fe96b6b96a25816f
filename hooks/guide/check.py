"""`make check`: validate data/ and print each problem as `path:line:column: message`."""

from __future__ import annotations

import sys
from pathlib import Path

from guide.loader import load_catalogue
from guide.problems import DataError


def main(argv: list[str] | None = None) -> int:
    """Validate the data under the given root (default: the current directory)."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    try:
        catalogue = load_catalogue(root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"data/ is valid: {len(catalogue.services)} services, {len(catalogue.organisations)} organisations."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
