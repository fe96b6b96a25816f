"""Reproducible builds: the date a build stamps into the site comes from the commit, not the clock.

MkDocs writes the build date into sitemap.xml (`<lastmod>`) and the gzip header of sitemap.xml.gz,
and the staff page of review dates measures against it. MkDocs honours SOURCE_DATE_EPOCH; when it is
not set we set it to the time of the commit being built (`git log -1 --format=%ct`), so two builds
of one commit are byte-identical on any day and machine, and a published site can be verified
against its commit. Outside a git checkout (e.g. an unpacked archive) the clock is used, unless the
builder sets SOURCE_DATE_EPOCH, as the reproducible-builds specification asks.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"


def commit_epoch(root: Path) -> str | None:
    """The committer time of HEAD in the repository at `root` (seconds since 1970), or None."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, check=False
        )
    except FileNotFoundError:
        return None
    epoch = result.stdout.strip()
    return epoch if result.returncode == 0 and epoch.isdigit() else None


def default_source_date_epoch(root: Path) -> None:
    """Set SOURCE_DATE_EPOCH to the commit's time for this build, unless the builder set it."""
    if os.environ.get(SOURCE_DATE_EPOCH):
        return
    epoch = commit_epoch(root)
    if epoch is not None:
        os.environ[SOURCE_DATE_EPOCH] = epoch
