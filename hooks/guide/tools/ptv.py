"""`make ptv`: a dry run of the Suomi.fi PTV export for staff; nothing is sent and no network is used.

Prints, per service, whether it is new, changed or unchanged since the last export (the committed
snapshot ptv/snapshot.json), which IN API call would load it, and how. `make ptv UPDATE=1` records
the current export as the last one (after staff have loaded it into PTV); `make ptv SHOW=<id>`
prints one service's object as it would be sent.

The calls are those of PTV's v11 service controller (vrk-kpa/ptv-releases, ptv-release-3_4,
src/PTV.Application.OpenApi/Controllers/V11ServiceController.cs: `[Route("api/v11/Service")]`,
`[HttpPost]`, `[HttpPut("sourceId/{sourceId}")]`); the host is the one of PTV's swagger, named in
that repository's README (https://api.palvelutietovaranto.suomi.fi/swagger/ui/).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from guide.catalogue.open_data import to_json
from guide.core.problems import DataError
from guide.ptv.check import ptv_report
from guide.ptv.data import load_ptv
from guide.ptv.export import ptv_document
from guide.translations.loader import load_catalogue

SNAPSHOT = "ptv/snapshot.json"
HOST = "https://api.palvelutietovaranto.suomi.fi"
API = "/api/v11/Service"
HOW_TO = """How to load it with PTV's IN API at {host} (it needs the organisation's PTV access rights):
  1. Fill in every organisation's ptv_id in data/organisations.yaml ('make check' lists the
     missing ones); PTV refuses the placeholders PTV-ID-PUUTTUU:<id>.
  2. New service: POST {api} with the service's object from site/api/ptv/services.json
     ('make build' writes it; 'make ptv SHOW=<id>' prints one) as the JSON body.
  3. Changed service: PUT {api}/sourceId/<id> with the same object.
  4. The services arrive as drafts (publishingStatus Draft): check them in PTV's editor, add the
     service channels and the ontology terms (PTV needs these to publish; the export has none),
     and publish there.
  5. Then run 'make ptv UPDATE=1' and commit {snapshot}, so the next run compares with this export."""


def compare(current: dict[str, Any], last: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    """(status, service id, changed fields) per service; removed ones are those only in `last`."""
    before = {service["sourceId"]: service for service in last.get("services", [])}
    rows: list[tuple[str, str, list[str]]] = []
    for service in current["services"]:
        old = before.pop(service["sourceId"], None)
        if old is None:
            rows.append(("new", service["sourceId"], []))
        else:
            changed = sorted(key for key in service.keys() | old.keys() if service.get(key) != old.get(key))
            rows.append(("changed" if changed else "unchanged", service["sourceId"], changed))
    rows += [("removed", source_id, []) for source_id in before]
    return rows


def main(argv: list[str] | None = None) -> int:
    """Print the dry run; with --update, write the snapshot."""
    parser = argparse.ArgumentParser(prog="make ptv", description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=".", type=Path)
    parser.add_argument("--update", action="store_true", help="record this export as the last one")
    parser.add_argument("--show", metavar="ID", help="print one service's object as it would be sent")
    args = parser.parse_args(argv)
    try:
        catalogue = load_catalogue(args.root)
        document = ptv_document(catalogue, load_ptv(args.root))
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    if args.show:
        match = [s for s in document["services"] if s["sourceId"] == args.show]
        print(to_json(match[0]) if match else f"no service '{args.show}' in the export", end="")
        return 0 if match else 1
    snapshot = args.root / SNAPSHOT
    last = json.loads(snapshot.read_text(encoding="utf-8")) if snapshot.is_file() else {"services": []}
    rows = compare(document, last)
    print(
        f"Suomi.fi PTV export, dry run (nothing is sent): {len(document['services'])} services, "
        f"compared with {SNAPSHOT}."
    )
    for status, source_id, changed in rows:
        call = {"new": f"POST {API}", "changed": f"PUT {API}/sourceId/{source_id}"}.get(status, "")
        if status == "removed":
            call = "not in the catalogue any more: archive it in PTV's editor"
        detail = f" (changed: {', '.join(changed)})" if changed else ""
        print(f"  {status:<9} {source_id:<40} {call}{detail}")
    counts = {status: sum(row[0] == status for row in rows) for status in ("new", "changed", "unchanged", "removed")}
    print(", ".join(f"{count} {status}" for status, count in counts.items()) + ".")
    problems, _ = ptv_report(args.root, catalogue)
    if problems:
        print(f"PTV would refuse some of this export ({len(problems)} problem(s)): run 'make check' to see where.")
    print(HOW_TO.format(host=HOST, api=API, snapshot=SNAPSHOT))
    if args.update:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(to_json(document), encoding="utf-8")
        print(f"Recorded this export in {SNAPSHOT}; commit it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
