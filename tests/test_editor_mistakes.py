"""Bad edits a careless content editor makes, one at a time, in small readable fixtures.

Each gives `make check`'s exit status 1, exactly one `path:line:column: message` line, at the line
of the mistake, in the words of the message catalogue (guide/core/editor_messages.py), and never a
traceback. The fixture is the minimal catalogue (tests/fixtures/minimal) with the small tree
(tests/fixtures/eligibility) and a Swedish translation file (tests/fixtures/editor_mistakes).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from catalogue_fixture import MINIMAL
from guide.core.editor_messages import MESSAGES

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent
# Words of parsers and validators that mean nothing to an editor.
JARGON = (
    "mapping values", "could not find expected", "token", "Value error", "codec", "position", "NoneType",
    "scalar", "libyaml", "pydantic", "Traceback", "expected <block end>", "input_value", "validation error",
    "PoFileError", "dict", "str_type", "0x", "byte",
)  # fmt: skip


@dataclass(frozen=True)
class Edit:
    """One mistake: in `file`, `old` becomes `new` (or the whole file becomes `raw(text)`)."""

    name: str
    file: str
    old: str
    new: str
    needle: str  # the reported line is the first line containing this in the broken file ...
    message: str  # ... and the message is this catalogue entry, or contains these words
    offset: int = 0  # ... plus this many lines
    raw: Callable[[str], bytes] | None = None


S, T, P = "data/services.yaml", "data/eligibility.yaml", "translations/sv.po"
TITLE = "      fi: Ohjaus ja neuvonta"
DESCRIPTION = "      fi: Neuvontaa *kaikille*."
REVIEWED = "    reviewed: 2026-11-28"
SV_TITLE = 'msgstr "Vägledning och rådgivning"'
SV_SUMMARY = 'msgctxt "services/ohjaus-ja-neuvonta/summary"'

EDITS = [
    # data/*.yaml: reading the file
    Edit("tab indentation", S, TITLE, "\tfi: Ohjaus ja neuvonta", "\tfi:", "tab"),
    Edit("non-breaking space indentation", S, TITLE, "\u00a0     fi: Ohjaus ja neuvonta", "\u00a0", "odd_space"),
    Edit("double quote never closed", S, TITLE, '      fi: "Ohjaus ja neuvonta', '"Ohjaus', "unclosed_quote"),
    Edit("single quote never closed", S, TITLE, "      fi: 'Ohjaus ja neuvonta", "'Ohjaus", "unclosed_quote"),
    Edit(
        "quote never closed, the next quote far below",
        S,
        "      fi: Arviointi.",
        '      fi: "Arviointi.',
        '"Arviointi.',
        "unclosed_quote",
    ),
    Edit("text after the closing quote", S, TITLE, '      fi: "Ohjaus" ja neuvonta', '"Ohjaus"', "text_after_quote"),
    Edit("colon and space in a text", S, TITLE, "      fi: Ohjaus: neuvonta", "Ohjaus: neuvonta", "colon_in_text"),
    Edit("' #' cuts the text", S, TITLE, "      fi: Ohjaus #1 neuvonta", "#1 neuvonta", "comment_in_text"),
    Edit("field indented one space too far", S, REVIEWED, "     reviewed: 2026-11-28", "     reviewed:", "indentation"),
    Edit(
        "list item indented wrong", S, "      - fi: Varaa aika.", "   - fi: Varaa aika.", "- fi: Varaa", "indentation"
    ),
    Edit("list never closed", S, "    kotol_sections: [10]", "    kotol_sections: [10", "[10", "flow_unclosed"),
    Edit("backslash in double quotes", S, TITLE, '      fi: "C:\\polku"', "C:\\polku", "backslash"),
    Edit("anchor", S, "    languages: [fi, en]", "    languages: &kielet [fi, en]", "&kielet", "anchors"),
    Edit("saved as Windows-1252", S, "", "", "ä", "windows_1252", raw=lambda text: text.encode("cp1252")),
    Edit("emptied file", S, "", "", "", "file_empty", raw=lambda text: b""),
    Edit("only a comment left", S, "", "", "", "file_empty", raw=lambda text: b"# palvelut\n"),
    # data/*.yaml: values
    Edit(
        "text left without its languages",
        S,
        "    title:\n      fi: Ohjaus ja neuvonta\n      en: Guidance and counselling\n",
        "    title:\n",
        "- id: ohjaus-ja-neuvonta",
        "empty_text",
        offset=3,
    ),
    Edit("list left empty", S, "    languages: [fi, en]", "    languages:", "languages:", "empty_value"),
    Edit(
        "an empty '-' entry",
        S,
        "  - id: palvelutarpeen-arviointi",
        "  -\n  - id: palvelutarpeen-arviointi",
        "- id: palvelutarpeen-arviointi",
        "empty_entry",
        offset=-1,
    ),
    Edit("unquoted no as an answer", T, '      "no": ohjaaja', "      no: ohjaaja", "no: ohjaaja", "yes_no_key"),
    Edit("unquoted no as a value", T, '{id: "no", label', "{id: no, label", "{id: no, label", "yes_no_value"),
    Edit(
        "id with capitals, referred to elsewhere",
        S,
        "  - id: ohjaus-ja-neuvonta",
        "  - id: Ohjaus-ja-neuvonta",
        "Ohjaus-ja-neuvonta",
        "is not a valid id",
    ),
    Edit("review date in the future", S, REVIEWED, "    reviewed: 2030-01-01", "2030-01-01", "reviewed_future"),
    Edit("review date before the programme", S, REVIEWED, "    reviewed: 2024-01-31", "2024-01-31", "reviewed_early"),
    Edit("review date as a number", S, REVIEWED, "    reviewed: 0", "reviewed: 0", "reviewed_not_date"),
    Edit(
        "http link in Markdown",
        S,
        DESCRIPTION,
        "      fi: Katso [sivu](http://www.kuopio.fi/).",
        "http://www",
        "unsafe_link",
    ),
    Edit(
        "javascript link on the second line of a text",
        S,
        DESCRIPTION,
        "      fi: |\n        Neuvontaa.\n        [Avaa](javascript:alert(1))",
        "javascript:",
        "unsafe_link",
    ),
    Edit("invisible direction control", S, TITLE, '      fi: "Ohjaus \\u202e ja neuvonta"', "\\u202e", "invisible"),
    Edit(
        "field given twice", S, "    languages: [fi]", "    languages: [fi]\n    languages: [en]", "[en]", "given twice"
    ),
    Edit("misspelt field", S, REVIEWED, "    reviewd: 2026-11-28", "reviewd:", "did you mean 'reviewed'"),
    Edit(
        "answer leading to its own question",
        T,
        "      employed: te",
        "      employed: tyonhakija",
        "employed: ty",
        "leads back",
    ),
    # translations/*.po
    Edit("msgstr quote never closed", P, SV_TITLE, 'msgstr "Vägledning och rådgivning', "Vägledning", "po_unclosed"),
    Edit("msgstr without quotes", P, SV_TITLE, "msgstr Vägledning och rådgivning", "Vägledning", "po_unquoted"),
    Edit("quote inside a msgstr", P, SV_TITLE, 'msgstr "Vägledning "och" rådgivning"', "Vägledning", "po_after_quote"),
    Edit(
        "same msgctxt twice",
        P,
        SV_SUMMARY,
        'msgctxt "services/ohjaus-ja-neuvonta/title"',
        "ohjaus-ja-neuvonta/title",
        "po_duplicate",
        offset=4,
    ),
    Edit("msgctxt with a typo", P, SV_SUMMARY, SV_SUMMARY.replace("summary", "sumary"), "sumary", "po_orphan"),
    Edit(
        "entries of a removed service",
        P,
        SV_TITLE,
        SV_TITLE + '\n\nmsgctxt "services/poistettu/title"\nmsgid "Poistettu"\nmsgstr "Borttagen"\n\n'
        'msgctxt "services/poistettu/summary"\nmsgid "Poistettu."\nmsgstr "Borttagen."',
        "services/poistettu/title",
        "po_orphan_record",
    ),
    Edit("misspelt keyword", P, SV_SUMMARY, SV_SUMMARY.replace("msgctxt", "msgtxt"), "msgtxt", "po_keyword"),
    Edit("msgstr keyword missing", P, SV_TITLE, '"Vägledning och rådgivning"', "Vägledning", "po_no_msgstr"),
    Edit("msgctxt missing", P, SV_SUMMARY + "\n", "", "kaikille maahan", "po_no_key"),
    Edit("text line without quotes", P, SV_TITLE, SV_TITLE + "\nja mera", "ja mera", "po_stray_line"),
    Edit(
        "javascript link in a translation",
        P,
        'msgstr "Rådgivning för *alla*."',
        'msgstr "Rådgivning för [alla](javascript:alert(1))."',
        "javascript:",
        "unsafe_link",
    ),
    Edit(
        "invisible character in a translation", P, SV_TITLE, 'msgstr "Vägledning \u202eoch"', "Vägledning", "invisible"
    ),
    Edit(
        "translated summary too long",
        P,
        'msgstr "Rådgivning för alla invandrare."',
        f'msgstr "{"Rådgivning för alla invandrare. " * 5}"',
        "Rådgivning för alla invandrare. R",
        "po_too_long",
    ),
    Edit("translation saved as Windows-1252", P, "", "", "ä", "windows_1252", raw=lambda text: text.encode("cp1252")),
]


def project(tmp_path: Path) -> Path:
    """The minimal catalogue with the small eligibility tree and a Swedish translation file."""
    root = tmp_path / "project"
    shutil.copytree(MINIMAL, root)
    shutil.copy(FIXTURES / "eligibility" / "eligibility.yaml", root / "data" / "eligibility.yaml")
    (root / "translations").mkdir()
    shutil.copy(FIXTURES / "editor_mistakes" / "sv.po", root / "translations" / "sv.po")
    return root


def check(root: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "guide.tools.check", str(root)]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def pattern(message: str) -> re.Pattern[str]:
    """A catalogue entry as a pattern (its blanks match anything), or plain words."""
    template = MESSAGES.get(message, message)
    parts = re.split(r"\{[a-z_]+\}", template)
    return re.compile(".+?".join(re.escape(part) for part in parts), re.DOTALL)


def test_the_fixture_is_valid(tmp_path: Path) -> None:
    result = check(project(tmp_path))
    assert result.returncode == 0, result.stderr
    assert not _data_warnings(result.stdout)


def _data_warnings(stdout: str) -> list[str]:
    """Warnings about the texts themselves; the fixture's PTV gaps (no ptv_id) are not mistakes."""
    return [line for line in stdout.splitlines() if ": warning: " in line and "PTV" not in line]


@pytest.mark.parametrize("edit", EDITS, ids=[edit.name for edit in EDITS])
def test_one_plain_message_at_the_line_of_the_mistake(tmp_path: Path, edit: Edit) -> None:
    root = project(tmp_path)
    path = root / edit.file
    text = path.read_text(encoding="utf-8")
    if edit.raw is not None:
        path.write_bytes(edit.raw(text))
    else:
        assert edit.old in text, f"fixture text {edit.old!r} not found in {edit.file}"
        path.write_text(text.replace(edit.old, edit.new, 1), encoding="utf-8")
    broken = path.read_bytes().decode("utf-8", errors="replace").replace("\ufffd", "ä").splitlines()
    line = next((n for n, content in enumerate(broken, start=1) if edit.needle in content), 1) + edit.offset

    result = check(root)

    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr + result.stdout
    *problems, summary = result.stderr.strip().splitlines()
    assert summary == "1 problem found in data/; fix them and run 'make check' again."
    [problem] = problems
    where, message = re.fullmatch(r"(\S+?:\d+:\d+): (.*)", problem).groups()
    assert where.rsplit(":", 2)[0] == edit.file
    assert int(where.rsplit(":", 2)[1]) == line, problem
    assert pattern(edit.message).search(message), problem
    assert not [word for word in JARGON if word.lower() in message.lower()], problem


def test_no_message_of_the_catalogue_uses_parser_words() -> None:
    for key, template in MESSAGES.items():
        assert not [word for word in JARGON if word.lower() in template.lower()], key


def test_markup_in_a_translation_is_a_warning_at_its_msgstr(tmp_path: Path) -> None:
    root = project(tmp_path)
    po = root / P
    po.write_text(po.read_text(encoding="utf-8").replace(SV_TITLE, 'msgstr "<b>Vägledning</b> och rådgivning"'))
    result = check(root)
    assert result.returncode == 0, result.stderr
    line = po.read_text(encoding="utf-8").splitlines().index('msgstr "<b>Vägledning</b> och rådgivning"') + 1
    assert (
        f"{P}:{line}:1: warning: the Swedish translation of 'services/ohjaus-ja-neuvonta/title' contains HTML, "
        "which the Finnish text has not" in result.stdout
    )


def test_markdown_the_finnish_text_has_too_is_no_warning(tmp_path: Path) -> None:
    result = check(project(tmp_path))  # the description is *emphasised* in both languages
    assert not _data_warnings(result.stdout)


def test_a_translators_file_is_read_as_strictly_on_import(tmp_path: Path) -> None:
    root = project(tmp_path)
    before = (root / P).read_text(encoding="utf-8")
    incoming = tmp_path / "sv-from-translator.po"
    incoming.write_text(before.replace(SV_TITLE, 'msgstr "Vägledning och rådgivning'), encoding="utf-8")
    env = {"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "guide.tools.translations", "import", "sv", str(incoming)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    line = incoming.read_text(encoding="utf-8").splitlines().index('msgstr "Vägledning och rådgivning') + 1
    assert result.stderr.splitlines()[0] == f"{incoming}:{line}:1: " + MESSAGES["po_unclosed"].format(line=line)
    assert (root / P).read_text(encoding="utf-8") == before, "nothing taken from a broken file"
