"""The page-weight measurement (bench/page_weight.py) as Markdown tables."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any

KB = 1000  # bytes: the stricter reading of the budgets


def _kb(value: object) -> str:
    return f"{int(str(value)) / KB:.1f}"


def format_report(result: Mapping[str, Any]) -> str:
    """The measurement as Markdown tables (pages, search indexes, targets), for printing.

    `result` is shaped as the JSON it is written to (bench.page_weight.measure_site), so its values are Any.
    """
    pages: list[dict[str, Any]] = result["pages"]
    lines = [
        "### Page weight (first visit, phone, empty cache; gzip level 6; 1 kB = 1000 bytes)",
        "",
        "| page | requests | transfers | gzip kB | html | css | js | font | image | json | other"
        " | own JS kB | render-blocking | opening search: + kB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    ]
    types = list(pages[0]["by_type"]) if pages else []
    for page in pages:
        by_type = page["by_type"]
        blocking = ", ".join(PurePosixPath(item).name for item in page["render_blocking"]) or "none"
        search = page["on_search_open"]
        cells = [page["label"], str(page["requests"]), str(page["transfers"]), _kb(page["gzip_bytes"])]
        cells += [_kb(by_type[kind]["gzip_bytes"]) for kind in types]
        cells += [_kb(page["own_js_gzip_bytes"]), blocking, _kb(search["gzip_bytes"]) if search else "no search"]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "Requests: as the browser made them (cache hits included); transfers: responses the server sent.",
        "Opening search: what the reader downloads on opening the search dialog (index, lunr).",
    ]
    heaviest: dict[str, Any] = result["heaviest_html"]
    lines += [
        "",
        f"Heaviest HTML of {heaviest['pages']} pages: `{heaviest['path']}`,"
        f" {_kb(heaviest['html_gzip_bytes'])} kB gzip ({_kb(heaviest['html_raw_bytes'])} kB raw).",
        "",
        "### Search index per language",
        "",
        "| language | file | documents | raw kB | gzip kB |",
        "|---|---|---:|---:|---:|",
    ]
    for index in result["search_index"]:
        lines.append(
            f"| {index['language']} | `{index['path']}` | {index['documents']} | {_kb(index['raw_bytes'])}"
            f" | {_kb(index['gzip_bytes'])} |"
        )
    lines += ["", "### Targets", "", "| target | met |", "|---|---|"]
    for target, met in result["targets"].items():
        lines.append(f"| {target} | {'yes' if met else '**no**'} |")
    return "\n".join(lines) + "\n"
