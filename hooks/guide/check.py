"""`make check`: validate data/ and print each problem as `path:line:column: message`."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

from guide.loader import load_catalogue_cached, sources_cached
from guide.problems import DataError
from guide.review_dates import MAX_AGE_MONTHS, review_warnings
from guide.translation_checks import markup_warnings


def main(argv: list[str] | None = None) -> int:
    """Validate the data under the given root (default: the current directory)."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    try:
        catalogue = load_catalogue_cached(root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"data/ is valid: {len(catalogue.services)} services, {len(catalogue.organisations)} organisations.")
    source, store = sources_cached(root)
    overdue = review_warnings(root, catalogue, datetime.date.today())
    warnings = overdue + markup_warnings(source, store)
    for line in warnings:
        print(line)
        if os.environ.get("GITHUB_ACTIONS") == "true":  # shown beside the line in the pull request
            path, number, column, message = line.split(":", 3)
            print(f"::warning file={path},line={number},col={column}::{message.strip()}")
    if overdue:
        print(
            f"{len(overdue)} service(s) last reviewed more than {MAX_AGE_MONTHS} months ago "
            "(a warning: the check passes)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
