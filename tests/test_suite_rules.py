"""Rules of the test suite itself: no module under tests/ imports a test module.

A test module that imports another runs (and collects) the other's module-level code, ties the two
files' fixtures and names together, and hides a shared helper where nobody looks for one. Shared
helpers live in non-test modules beside the tests (site_build.py, page_html.py, axe_check.py, ...).
The scan reads every import of every module, lazy ones inside functions included.
"""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def is_test_module(name: str) -> bool:
    """Whether an imported module name is one of pytest's test modules (test_*.py or *_test.py)."""
    last = name.split(".")[-1]
    return last.startswith("test_") or last.endswith("_test")


def imports_of_test_modules(folder: Path) -> list[str]:
    """`file:line: imports test_x` for every import of a test module by a module under `folder`."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""] + ([] if node.module else [alias.name for alias in node.names])
            else:
                continue
            found += [f"{path.relative_to(folder)}:{node.lineno}: imports {n}" for n in names if is_test_module(n)]
    return found


def test_no_module_of_the_suite_imports_a_test_module() -> None:
    found = imports_of_test_modules(TESTS)
    assert found == [], "move what they share into a helper module beside the tests:\n" + "\n".join(found)


def test_the_scan_finds_top_level_lazy_and_relative_imports(tmp_path: Path) -> None:
    (tmp_path / "helper.py").write_text("import json\nfrom site_build import REPO\n", encoding="utf-8")
    (tmp_path / "test_a.py").write_text("from test_b import shared\n", encoding="utf-8")
    (tmp_path / "test_c.py").write_text("def test_x():\n    import test_a\n", encoding="utf-8")
    (tmp_path / "test_d.py").write_text("from . import test_a\nfrom .test_c import x\n", encoding="utf-8")
    assert imports_of_test_modules(tmp_path) == [
        "test_a.py:1: imports test_b",
        "test_c.py:2: imports test_a",
        "test_d.py:1: imports test_a",
        "test_d.py:2: imports test_c",
    ]
