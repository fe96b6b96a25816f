"""`make check`: validate data/ and print each problem as `path:line:column: message`."""

from __future__ import annotations

import datetime
import os
import sys
from pathlib import Path

from guide.catalogue.contacts import GAPS_PAGE, gap_warnings
from guide.core.problems import DataError, format_report
from guide.ptv.check import ptv_report
from guide.site.review_dates import MAX_AGE_MONTHS, review_warnings
from guide.translations.checks import markup_warnings
from guide.translations.loader import load_catalogue_cached, sources_cached


def main(argv: list[str] | None = None) -> int:
    """Validate the data under the given root (default: the current directory)."""
    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0]) if args else Path.cwd()
    try:
        catalogue = load_catalogue_cached(root)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    ptv_problems, ptv_warnings = ptv_report(root, catalogue)
    if ptv_problems:
        print(format_report(sorted(set(ptv_problems))), file=sys.stderr)
        return 1
    print(f"data/ is valid: {len(catalogue.services)} services, {len(catalogue.organisations)} organisations.")
    source, store = sources_cached(root)
    overdue = review_warnings(root, catalogue, datetime.date.today())
    gap_lines = gap_warnings(root, catalogue)
    warnings = overdue + markup_warnings(source, store) + gap_lines + ptv_warnings
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
    if gap_lines:
        print(
            f"{len(gap_lines)} organisation(s) residents are sent to have no contact channel of their own "
            f"(a warning: the check passes; the staff page {GAPS_PAGE.removesuffix('.md')}/ lists them)."
        )
    if ptv_warnings:
        print(
            f"{len(ptv_warnings)} thing(s) to fill in before the Suomi.fi (PTV) export can be sent "
            "(warnings: the check passes)."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
