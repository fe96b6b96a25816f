"""`make diff BASE=<git ref>`: what a change to data/ means for residents, as Markdown for a reviewer.

The data at BASE is taken from git itself (`git archive`, so it works in a clone without network
and never touches the working tree) into a temporary folder and read by the same loader as the
working tree. CI writes the output into the pull request's job summary.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from guide.catalogue.changes import Changes, compare
from guide.catalogue.models import Catalogue
from guide.core.problems import DataError
from guide.site.rendering import create_environment
from guide.translations.loader import load_catalogue

TEMPLATES = Path(__file__).resolve().parents[3] / "overrides"
TEMPLATE = "kuopio/change_summary.html"


class ChangeSummaryError(Exception):
    """A problem that stops the comparison, worded for the person who ran `make diff`."""


def resolve(root: Path, base: str) -> str:
    """The commit id `base` names in the repository at `root`, or a clear error."""
    if not base.strip():
        raise ChangeSummaryError("make diff: give the version to compare with, e.g. make diff BASE=origin/main")
    try:
        result = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{base}^{{commit}}")
    except FileNotFoundError:
        raise ChangeSummaryError("make diff: git is not installed") from None
    if result.returncode != 0:
        raise ChangeSummaryError(
            f"make diff: '{base}' is not a branch, tag or commit of this repository.\n"
            "Check the spelling; a branch of the shared repository may need fetching first, "
            f"e.g. git fetch origin main, then make diff BASE=origin/main."
        )
    return result.stdout.decode().strip()


def catalogue_at(root: Path, commit: str, folder: Path) -> Catalogue:
    """The catalogue as it was at `commit`, unpacked from git into `folder`."""
    archive = _git(root, "archive", "--format=tar", commit)
    if archive.returncode != 0:
        raise ChangeSummaryError(f"make diff: git could not read {commit}: {archive.stderr.decode().strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return load_catalogue(folder)


def summary(root: Path, base: str) -> str:
    """The Markdown summary of the changes in data/ from `base` to the working tree at `root`."""
    commit = resolve(root, base)
    with tempfile.TemporaryDirectory(prefix="kuopio-diff-") as folder:
        try:
            before = catalogue_at(root, commit, Path(folder))
        except DataError as error:
            raise ChangeSummaryError(f"make diff: the data at {base} cannot be read:\n{error}") from None
    try:
        after = load_catalogue(root)
    except DataError as error:
        raise ChangeSummaryError(f"make diff: the data in the working tree has problems:\n{error}") from None
    return render(compare(before, after), base, commit)


def render(changes: Changes, base: str, commit: str) -> str:
    """The summary as Markdown, from the template overrides/kuopio/change_summary.html."""
    template = create_environment(TEMPLATES).get_template(TEMPLATE)
    return template.render(changes=changes, base=base, commit=commit[:12])


def main(argv: list[str] | None = None) -> int:
    """Print the summary; exit 2 (with a message on stderr) when it cannot be made."""
    parser = argparse.ArgumentParser(prog="make diff", description=__doc__)
    parser.add_argument("base", help="git branch, tag or commit to compare the working tree with")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the repository (default: here)")
    args = parser.parse_args(argv)
    try:
        print(summary(args.root, args.base), end="")
    except ChangeSummaryError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


if __name__ == "__main__":
    sys.exit(main())
