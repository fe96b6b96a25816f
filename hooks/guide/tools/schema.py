"""JSON Schemas of the data files, generated from the model, for editors' autocompletion.

`make schema` writes them to schema/; a test fails when the committed files differ from these.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import GenericAlias
from typing import Any

from pydantic import ConfigDict, create_model

from guide.catalogue.loader import LAYOUT
from guide.eligibility.loader import ELIGIBILITY_FILE
from guide.eligibility.model import EligibilityTree
from guide.ptv.data import PTV_FILE, PtvFile


def file_schemas() -> dict[str, dict[str, Any]]:
    """Schema file name -> JSON Schema of one data file (e.g. 'services.schema.json')."""
    schemas = {}
    for data_path, lists in LAYOUT.items():
        stem = Path(data_path).stem
        # each list is tuple[model, ...]; built as the alias it is, since the model is a variable
        fields: dict[str, Any] = {key: (GenericAlias(tuple, (model, ...)), ...) for key, (model, _) in lists.items()}
        file_model = create_model(
            f"{stem.title().replace('_', '')}File", __config__=ConfigDict(extra="forbid"), **fields
        )
        schema = file_model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schema["title"] = f"{data_path} of the Kuopio integration services guide"
        schemas[f"{stem}.schema.json"] = schema
    schemas["eligibility.schema.json"] = _eligibility_schema()
    schemas["ptv.schema.json"] = _model_schema(PtvFile, PTV_FILE)
    return schemas


def _model_schema(model: type[PtvFile], data_path: str) -> dict[str, Any]:
    """The schema of a data file that is one model (data/ptv.yaml)."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{data_path} of the Kuopio integration services guide"
    return schema


def _eligibility_schema() -> dict[str, Any]:
    """The schema of data/eligibility.yaml: the tree's model, whose fields are the file's sections."""
    schema = EligibilityTree.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{ELIGIBILITY_FILE} of the Kuopio integration services guide"
    return schema


def render(schema: dict[str, Any]) -> str:
    """A schema as the committed file's text."""
    return json.dumps(schema, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def main() -> int:
    """Write every schema into schema/ under the current directory."""
    target = Path.cwd() / "schema"
    target.mkdir(exist_ok=True)
    for name, schema in file_schemas().items():
        (target / name).write_text(render(schema), encoding="utf-8")
        print(f"wrote schema/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
