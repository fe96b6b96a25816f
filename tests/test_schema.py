"""The committed JSON Schemas (schema/) are the generated ones, and each data file points to its schema."""

from __future__ import annotations

from guide.tools.schema import file_schemas, render
from site_build import REPO


def test_committed_schemas_equal_generated():
    generated = file_schemas()
    committed = {path.name for path in (REPO / "schema").glob("*.json")}
    assert committed == set(generated), "run 'make schema' and commit schema/"
    for name, schema in generated.items():
        assert (REPO / "schema" / name).read_text(encoding="utf-8") == render(schema), (
            f"schema/{name} is out of date: run 'make schema' and commit it"
        )


def test_each_data_file_references_its_schema():
    for name in file_schemas():
        data_file = REPO / "data" / name.replace(".schema.json", ".yaml")
        first_line = data_file.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == f"# yaml-language-server: $schema=../schema/{name}"
