"""The dependencies: every third-party package the code imports is declared in pyproject.toml, and the
locks (requirements/*.lock, written by `make lock`) pin what pyproject.toml pins, with hashes.

An import counts wherever it is, lazy imports inside functions included. Import names are mapped to
distributions with importlib.metadata.packages_distributions() (`yaml` is PyYAML, `material` is
mkdocs-material), so the check needs the dev install (`make test` does it). Imports by string
(importlib.import_module) are not seen; the code has none.
"""

from __future__ import annotations

import ast
import functools
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from site_build import REPO

SCANNED = ("hooks", "tests", "bench")
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def normalized(name: str) -> str:
    """A distribution's name as pip compares it (PEP 503): `pydantic_core` is `pydantic-core`."""
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements: list[str]) -> dict[str, str]:
    """{normalized name: version} of `name==version` lines (the pyproject form and the lock form)."""
    return {normalized(m[1]): m[2] for line in requirements if (m := PIN.match(line.strip()))}


def declared() -> set[str]:
    """The runtime dependencies and the dev extra of pyproject.toml."""
    project = PYPROJECT["project"]
    return set(pins(project["dependencies"])) | set(pins(project["optional-dependencies"]["dev"]))


def first_party(root: Path) -> set[str]:
    """Top-level names importable from the project's own folders (pytest's pythonpath in pyproject.toml)."""
    names = set()
    for folder in PYPROJECT["tool"]["pytest"]["ini_options"]["pythonpath"]:
        for entry in (root / folder).iterdir():
            if entry.suffix == ".py" or (entry / "__init__.py").is_file():
                names.add(entry.stem)
    return names


def imports(path: Path) -> list[tuple[int, int, str]]:
    """(line, column, top-level name) of every absolute import in a module, nested ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, node.col_offset + 1, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.col_offset + 1, node.module.split(".")[0]))
    return found


@functools.cache
def third_party_imports(root: Path) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(`path:line:column`, import name, names of the distributions that provide it) of every import that
    is neither the standard library's nor the project's own."""
    # _typeshed: the standard library's typing-only module, which type checkers provide (no package at runtime)
    own = first_party(root) | set(sys.stdlib_module_names) | {"_typeshed"}
    providers = packages_distributions()
    found = []
    for folder in SCANNED:
        for path in sorted((root / folder).rglob("*.py")):
            where = path.relative_to(root)
            for line, column, name in imports(path):
                if name not in own:
                    found.append((f"{where}:{line}:{column}", name, frozenset(providers.get(name, []))))
    return tuple(found)


def undeclared_imports(root: Path, allowed: set[str]) -> list[str]:
    """`path:line:column: message` for each import of a distribution that `allowed` does not name."""
    problems = []
    for where, name, distributions in third_party_imports(root):
        if not distributions:
            problems.append(
                f"{where}: imports {name}, which no installed package provides: "
                "add the package to pyproject.toml and run `make lock`"
            )
        elif not allowed & {normalized(distribution) for distribution in distributions}:
            problems.append(
                f"{where}: imports {name} (package {' or '.join(sorted(distributions))}), "
                "which pyproject.toml does not declare: add it and run `make lock`"
            )
    return problems


def lock(name: str) -> list[str]:
    return (REPO / "requirements" / f"{name}.lock").read_text(encoding="utf-8").splitlines()


def test_every_imported_package_is_declared_in_pyproject():
    assert undeclared_imports(REPO, declared()) == []


@pytest.mark.parametrize("removed", ["pyyaml", "markupsafe", "pydantic-core", "mkdocs-material"])
def test_an_import_whose_declaration_is_removed_is_reported(removed):
    added = set(undeclared_imports(REPO, declared() - {removed})) - set(undeclared_imports(REPO, declared()))
    assert added
    for problem in added:
        assert re.match(r"^\S+\.py:\d+:\d+: imports \w+ \(package [\w.-]+\), which pyproject", problem), problem
        assert normalized(problem.split("(package ")[1].split(")")[0]) == removed


def test_a_lazy_import_of_a_package_nobody_installed_is_reported(tmp_path):
    for folder in SCANNED:
        (tmp_path / folder).mkdir()
    (tmp_path / "bench" / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "hooks" / "late.py").write_text("def load():\n    import kg_not_a_package.sub\n", encoding="utf-8")
    assert undeclared_imports(tmp_path, declared()) == [
        "hooks/late.py:2:5: imports kg_not_a_package, which no installed package provides: "
        "add the package to pyproject.toml and run `make lock`"
    ]


def test_the_locks_pin_what_pyproject_pins():
    runtime, dev = pins(lock("runtime")), pins(lock("dev"))
    project = PYPROJECT["project"]
    for name, version in pins(project["dependencies"]).items():
        assert runtime.get(name) == version, f"{name}=={version} is not in runtime.lock: run `make lock`"
    for name, version in pins(project["optional-dependencies"]["dev"]).items():
        assert dev.get(name) == version, f"{name}=={version} is not in dev.lock: run `make lock`"
    # the tests run what publishing builds with: every runtime pin is in the dev lock, at its version
    assert {name: dev.get(name) for name in runtime} == runtime
    assert "pytest" not in runtime and "playwright" not in runtime and "ruff" not in runtime


@pytest.mark.parametrize("name", ["runtime", "dev", "properdocs"])
def test_every_locked_package_has_a_hash(name):
    lines = lock(name)
    starts = [index for index, line in enumerate(lines) if PIN.match(line)]
    assert starts
    for index in starts:
        assert lines[index].endswith("\\") and "--hash=sha256:" in lines[index + 1], lines[index]


def test_the_properdocs_lock_changes_no_runtime_version():
    runtime, properdocs = pins(lock("runtime")), pins(lock("properdocs"))
    assert "properdocs" in properdocs and "mkdocs" not in properdocs
    for name, version in properdocs.items():
        assert runtime.get(name, version) == version, (
            f"{name}: {version} in properdocs.lock, {runtime[name]} in runtime.lock"
        )
