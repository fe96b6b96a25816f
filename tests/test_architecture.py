"""The shape of hooks/guide/ holds: imports flow one way, no cycles, MkDocs only in guide.mkdocs, one language list.

Each rule is also run on a small tree made in tmp_path that breaks it, so a rule that stopped
finding anything would fail here.
"""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest

import import_rules as rules

REPO = Path(__file__).resolve().parents[1]
HOOKS = REPO / "hooks"


def _tree(tmp_path: Path, modules: dict[str, str]) -> Path:
    for name, source in modules.items():
        path = tmp_path / Path(*name.split(".")).with_suffix(".py")
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in [path.parent, *path.parent.parents]:
            if folder == tmp_path:
                break
            (folder / "__init__.py").touch()
        path.write_text(source)
    return tmp_path


def test_imports_flow_from_the_hook_file_down_to_core() -> None:
    assert rules.layer_problems(HOOKS) == []


def test_a_package_importing_one_above_it_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "guide.site.pages": "X = 1\n",
            "guide.core.texts": "def f():\n    from guide.site.pages import X  # lazy, still an import\n    return X\n",
        },
    )
    assert rules.layer_problems(root) == ["guide.core.texts:2: core may not import from site (guide.site.pages)"]


def test_only_the_mkdocs_package_touches_mkdocs_material_and_i18n(tmp_path: Path) -> None:
    root = _tree(tmp_path, {"guide.site.pages": "from mkdocs.structure.files import File\n"})
    assert rules.layer_problems(root) == ["guide.site.pages:1: only guide.mkdocs may import mkdocs.structure.files"]


def test_the_import_graph_has_no_cycle() -> None:
    assert rules.cycles(HOOKS) == []


def test_a_cycle_through_a_lazy_import_is_found(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "guide.catalogue.loader": "from guide.catalogue.checks import check\n",
            "guide.catalogue.checks": "def check():\n    from guide.catalogue import loader\n",
        },
    )
    assert rules.cycles(root) == [["guide.catalogue.checks", "guide.catalogue.loader", "guide.catalogue.checks"]]


def test_every_package_has_an_init_that_git_keeps() -> None:
    """A sub-package without __init__.py is a namespace package; one git ignores is lost on a clone
    (a `site/` rule once hid hooks/guide/site/__init__.py)."""
    folders = sorted({path.parent for path in (HOOKS / "guide").rglob("*.py") if "__pycache__" not in path.parts})
    inits = [folder / "__init__.py" for folder in folders]
    assert [str(i.relative_to(REPO)) for i in inits if not i.is_file()] == []
    ignored = subprocess.run(["git", "check-ignore", *map(str, inits)], cwd=REPO, capture_output=True, text=True)
    assert ignored.stdout == ""


def test_every_module_is_in_a_package_and_small() -> None:
    top_level = [p.name for p in (HOOKS / "guide").glob("*.py") if p.name != "__init__.py"]
    assert top_level == [], "modules belong in a package of hooks/guide/"
    assert rules.oversized(HOOKS) == []


# The language codes, read from the registry's file itself (not from the module under test).
_REGISTRY = (HOOKS / "guide/core/languages.yaml").read_text(encoding="utf-8")
CODES = frozenset(re.findall(r"^  ([a-z]{2,3}): \{", _REGISTRY, flags=re.M))


def _language_lists_in_python(source: str) -> list[int]:
    """Lines of literal collections (or dict keys) made only of two or more language codes."""
    found = []
    for node in ast.walk(ast.parse(source)):
        items: list[ast.expr | None] = []
        if isinstance(node, ast.Tuple | ast.List | ast.Set):
            items = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = list(node.keys)
        strings = [item.value for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)]
        if len(strings) >= 2 and len(strings) == len(items) and set(strings) <= CODES:
            found.append(node.lineno)
    return found


_CODE = "|".join(sorted(CODES))
_TEMPLATE_LIST = re.compile(rf"""\(\s*["']({_CODE})["']\s*,\s*["']({_CODE})["']""")


def _language_lists(root: Path) -> list[str]:
    found = []
    for path in sorted((root / "hooks").rglob("*.py")):
        found += [f"{path.relative_to(root)}:{line}" for line in _language_lists_in_python(path.read_text())]
    for path in sorted([*(root / "overrides").rglob("*.html"), *(root / "content").rglob("*.js")]):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if _TEMPLATE_LIST.search(line):
                found.append(f"{path.relative_to(root)}:{number}")
    return found


def test_the_languages_are_listed_once_in_the_registry() -> None:
    assert len(CODES) == 8
    assert _language_lists(REPO) == []


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("hooks/guide/site/x.py", 'RTL = frozenset({"ar", "fa"})\n'),
        ("hooks/guide/core/x.py", 'NAMES = {"fi": "Finnish", "sv": "Swedish"}\n'),
        ("overrides/x.html", '<p dir="{{ "rtl" if lang in ("ar", "fa") else "ltr" }}">\n'),
    ],
)
def test_a_second_language_list_is_found(tmp_path: Path, name: str, source: str) -> None:
    for folder in ("hooks", "overrides", "content"):
        (tmp_path / folder).mkdir()
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_text(source)
    assert _language_lists(tmp_path) == [f"{name}:1"]
