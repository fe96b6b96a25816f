"""`make new-instance DIR=...`: a new, minimal instance in Finnish only, which builds at once.

The template is the example instance (examples/esimerkkikunta): its Finnish data and pages, its
mkdocs.yml with the i18n languages cut down to Finnish and the paths back to the engine made to fit
where the new folder is. Its texts are the example's: the editor replaces them file by file, in the
order docs/adopting.md gives, and `make check INSTANCE=DIR` says what is still wrong.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from guide.core.instance import CONFIG_FILE, ENGINE_ROOT
from guide.core.languages import DEFAULT_LANGUAGE

TEMPLATE = ENGINE_ROOT / "examples" / "esimerkkikunta"
# Engine files each instance's content/ links to: the stylesheets its mkdocs.yml names, and the scripts.
ENGINE_ASSETS = {
    "stylesheets/guide.css": "content/stylesheets/kuopio.css",
    "stylesheets/visuals.css": "content/stylesheets/visuals.css",
    "javascripts": "content/javascripts",
}
TRANSLATIONS_README = """# Translations

One gettext file per language, e.g. `sv.po`, `en.po`, once the language is added to the i18n
languages in `mkdocs.yml`. `make translations INSTANCE=<this folder>` lists what is missing;
`make translations-export` writes a file for a translator (see docs/adopting.md).
"""
_TRANSLATED_PAGE = re.compile(r"\.[a-z]{2,3}\.md$")
_ENGINE_PATH = re.compile(r"(?<=[\s:-])\.\./\.\./(?=\S)")  # the template's paths back to the engine


def scaffold(target: Path) -> list[str]:
    """Create the instance in `target` (which must not exist or be empty); the files written, relative."""
    target = target.resolve()
    if target.exists() and any(target.iterdir()):
        raise FileExistsError(f"{target} exists and is not empty; name a new folder")
    engine = Path(os.path.relpath(ENGINE_ROOT, target)).as_posix() + "/"
    written: list[str] = []
    for source in sorted(TEMPLATE.rglob("*")):
        relative = source.relative_to(TEMPLATE)
        if relative.parts[0] in ("site", "translations") or source.is_symlink() or source.is_dir():
            continue
        if relative.parts[:2] in (("content", "stylesheets"), ("content", "javascripts")) and (
            relative.as_posix().removeprefix("content/") in ENGINE_ASSETS or relative.parts[1] == "javascripts"
        ):
            continue  # the engine's files, linked below
        if _TRANSLATED_PAGE.search(source.name) or "__pycache__" in relative.parts:
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        if relative.as_posix() == CONFIG_FILE:
            text = finnish_only_config(text, engine)
        elif relative.suffix == ".yaml":
            text = text.replace("$schema=../../../schema/", f"$schema=../{engine}schema/")
        destination.write_text(text, encoding="utf-8")
        written.append(relative.as_posix())
    (target / "translations").mkdir(exist_ok=True)
    (target / "translations" / "README.md").write_text(TRANSLATIONS_README, encoding="utf-8")
    written.append("translations/README.md")
    for link, engine_file in ENGINE_ASSETS.items():
        path = target / "content" / link
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(os.path.relpath(ENGINE_ROOT / engine_file, path.parent))
        written.append(f"content/{link}")
    return written


def finnish_only_config(text: str, engine: str) -> str:
    """The template's mkdocs.yml with only the Finnish language and the engine at `engine` (e.g. '../')."""
    head, languages = text.split("      languages:\n", 1)
    entries = re.split(r"(?m)^(?=        - locale: )", languages)
    finnish = next(entry for entry in entries if entry.startswith(f"        - locale: {DEFAULT_LANGUAGE}\n"))
    return _ENGINE_PATH.sub(engine, head) + "      languages:\n" + finnish


def main(argv: list[str]) -> int:
    """Scaffold the folder named on the command line and tell the editor what to do next."""
    if len(argv) != 1:
        print("usage: python -m guide.tools.new_instance <new folder>", file=sys.stderr)
        return 2
    try:
        written = scaffold(Path(argv[0]))
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Created {len(written)} files in {argv[0]} from the example instance (Finnish only).")
    print(f"Next: edit its data/ (see docs/adopting.md), then `make check INSTANCE={argv[0]}`")
    print(f"and `make serve INSTANCE={argv[0]}`.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
