"""Reproducible builds: the date a build stamps into the site comes from the commit, not the clock.

What reads the build date, all of it from the environment variable SOURCE_DATE_EPOCH when it is set
(https://reproducible-builds.org/specs/source-date-epoch/), else from the clock:

- MkDocs 1.6 (`mkdocs.utils.get_build_datetime`): each page's update date, hence `<lastmod>` in
  sitemap.xml and the MTIME of the gzip header of sitemap.xml.gz;
- our staff page of review dates (`guide.site.review_dates.build_date`): the day it measures
  overdue reviews against.

The choice: whoever starts the build sets SOURCE_DATE_EPOCH, the build itself never does. The
Makefile exports the committer time of HEAD (`git log -1 --format=%ct`) when the builder has not set
it, so `make build` and `make serve` (and CI, which runs `make build`) date the site by its commit;
the tests' build helper (tests/site_build.py) does the same with `commit_epoch`. The hooks leave
`os.environ` alone: a hook that set it would change the environment of everything else running in
the process (other plugins, the tests that import the hooks), and only for builds started after it.
A bare `mkdocs build` without SOURCE_DATE_EPOCH is dated by the clock, as MkDocs dates it; outside
a git checkout (an unpacked archive) `make build` is too, unless the builder sets the variable.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def commit_epoch(root: Path) -> str | None:
    """The committer time of HEAD in the repository at `root` (seconds since 1970), or None.

    The same command as the Makefile's, for builds started without `make` (the tests' helper).
    """
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        return None
    epoch = result.stdout.strip()
    return epoch if result.returncode == 0 and epoch.isdigit() else None
