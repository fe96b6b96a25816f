"""The shape of hooks/guide/, as rules a test can hold the code to (tests/test_architecture.py).

The packages form layers; a module imports only from its own package and from the layers below
it, lazy imports inside functions included, so the import graph has no cycle and each package can be
read and tested without the ones above it. Only `guide.mkdocs` (and the hook file) touches MkDocs,
Material for MkDocs and mkdocs-static-i18n. docs/architecture.md explains each package.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# package -> the packages it may import from (besides itself)
MAY_IMPORT: dict[str, frozenset[str]] = {
    "core": frozenset(),
    "eligibility": frozenset({"core"}),
    "catalogue": frozenset({"core", "eligibility"}),
    "translations": frozenset({"core", "eligibility", "catalogue"}),
    "ptv": frozenset({"core", "catalogue", "translations"}),
    "site": frozenset({"core", "eligibility", "catalogue", "translations", "ptv"}),
    "mkdocs": frozenset({"core", "eligibility", "catalogue", "translations", "ptv", "site"}),
    "tools": frozenset({"core", "eligibility", "catalogue", "translations", "ptv", "site"}),
}
FRAMEWORKS = ("mkdocs", "material", "mkdocs_static_i18n")  # their internals: guide.mkdocs only
MAX_LINES = 300


@dataclass(frozen=True)
class Import:
    """One import statement of a module: what it names, and where."""

    module: str  # the importing module, e.g. guide.site.pages
    target: str  # the imported module, e.g. guide.core.urls
    line: int


def module_name(root: Path, path: Path) -> str:
    """`guide.site.pages` for <root>/guide/site/pages.py."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(root: Path) -> Iterator[Import]:
    """Every import in every module under <root>/guide, at any depth of the code (lazy ones too)."""
    for path in sorted((root / "guide").rglob("*.py")):
        name = module_name(root, path)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                yield from (Import(name, alias.name, node.lineno) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from guide.site import pages` imports the module guide.site.pages
                for alias in node.names:
                    candidate = f"{node.module}.{alias.name}"
                    is_module = (root / Path(*candidate.split("."))).with_suffix(".py").exists()
                    yield Import(name, candidate if is_module else node.module, node.lineno)


def package_of(module: str) -> str | None:
    """The sub-package of a guide module (`site` for guide.site.pages), None outside guide."""
    parts = module.split(".")
    return parts[1] if parts[0] == "guide" and len(parts) > 1 else None


def layer_problems(root: Path) -> list[str]:
    """Imports that go up or sideways between packages, and framework imports outside guide.mkdocs."""
    problems = []
    for found in imports(root):
        source, target = package_of(found.module), package_of(found.target)
        where = f"{found.module}:{found.line}"
        if source is None or source not in MAY_IMPORT:
            problems.append(f"{where}: module outside the packages {sorted(MAY_IMPORT)}")
        elif target is not None and target != source and target not in MAY_IMPORT[source]:
            problems.append(f"{where}: {source} may not import from {target} ({found.target})")
        if found.target.split(".")[0] in FRAMEWORKS and source != "mkdocs":
            problems.append(f"{where}: only guide.mkdocs may import {found.target}")
    return problems


def cycles(root: Path) -> list[list[str]]:
    """The import cycles between guide's modules (each as the modules around it)."""
    graph: dict[str, set[str]] = {}
    for found in imports(root):
        if found.target.startswith("guide.") and found.target != found.module:
            graph.setdefault(found.module, set()).add(found.target)
    found_cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                found_cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return found_cycles


def oversized(root: Path) -> list[str]:
    """Modules longer than MAX_LINES lines."""
    paths = sorted((root / "guide").rglob("*.py"))
    return [f"{p.relative_to(root)}: {n} lines" for p in paths if (n := len(p.read_text().splitlines())) > MAX_LINES]
