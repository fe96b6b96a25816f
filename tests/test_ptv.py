"""The Suomi.fi PTV export (site/api/ptv/services.json), its checks in `make check`, and `make ptv`.

The limits and enumerations below are written out here from PTV's published source, not imported
from guide.ptv.rules, so the export is checked against the source and not against itself. Read from
vrk-kpa/ptv-releases, branch ptv-release-3_4 (commit 27723498de3f920d53276d63963f1e71b43777c3),
under src/:

- PTV.Domain.Model/Models/OpenApi/V9/V9VmOpenApiServiceIn.cs (required fields, publishingStatus);
- PTV.Domain.Model/Models/OpenApi/V9/V9VmOpenApiServiceInBase.cs (description types and limits,
  Summary required, the enums' attributes);
- PTV.Domain.Model/Models/OpenApi/VmOpenApiServiceBase.cs (sourceId pattern, names at most 100,
  keywords at most 150, requirements at most 2500);
- PTV.Domain.Model/Models/OpenApi/VmOpenApiServiceInVersionBase.cs (classification patterns,
  mainResponsibleOrganization a GUID);
- PTV.Domain.Model/Models/OpenApi/VmOpenApiLocalizedListItem.cs (language and type of a text);
- PTV.Domain.Model/Models/OpenApi/V4/V4VmOpenApiLaw.cs, VmOpenApiWebPageVersionBase.cs (laws);
- PTV.Domain.Model/Models/OpenApi/V9/V9VmOpenApiServiceProducerIn.cs (producers);
- PTV.Domain.Model/Enums/{ServiceTypeEnum,ServiceFundingTypeEnum,AreaInformationTypeEnum,
  AreaTypeEnum,ProvisionTypeEnum,NameTypeEnum}.cs;
- PTV.Framework/Attributes/ValidationConsts.cs (patterns);
- PTV.Application.OpenApi/DataValidators/ServiceValidator.cs (v9+: at most 4 service classes);
- PTV.DataImport.Console/SqlMigrations/PTV_2_0/2UpdateContentLanguageForData.sql (text languages);
- PTV.ExternalSources/Resources/Municipality.json (Kuopio 297, Lapinlahti 402, Tuusniemi 857);
- PTV.ExternalSources/Resources/Finto/ServiceClasses.json, TargetGroups.json (the URIs used).
The field names are those of Tampere/ptv-php-client-v11 (commit 963ab00a2fbd3e9590b94f917834e396536d4a6d),
docs/Model/V9VmOpenApiServiceIn.md.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from catalogue_fixture import MINIMAL, line_of
from guide.catalogue.loader import load_source_catalogue
from guide.ptv.export import plain_text
from guide.tools.ptv import main as ptv_main
from guide.translations.files import new_catalog, render_po
from guide.translations.loader import load_catalogue
from site_build import REPO

INPUT_FIELDS = {  # V9VmOpenApiServiceIn's properties (ptv-php-client-v11)
    "sourceId", "legislation", "keywords", "requirements", "serviceVouchersInUse", "serviceVouchers", "id",
    "generalDescriptionId", "lifeEvents", "industrialClasses", "otherResponsibleOrganizations", "validFrom",
    "validTo", "serviceChargeType", "areas", "serviceClasses", "ontologyTerms", "targetGroups", "type",
    "fundingType", "serviceNames", "areaType", "serviceDescriptions", "languages", "serviceProducers",
    "publishingStatus", "serviceChannels", "mainResponsibleOrganization",
}  # fmt: skip
REQUIRED = {"fundingType", "areaType", "serviceDescriptions", "languages", "serviceProducers",
            "publishingStatus", "mainResponsibleOrganization", "type", "serviceNames"}  # fmt: skip
DESCRIPTION_LIMITS = {
    "Summary": 150, "Description": 2500, "UserInstruction": 2500, "ValidityTime": 500,
    "ProcessingTime": 500, "DeadLine": 500, "ChargeTypeAdditionalInfo": 500, "ServiceType": 500,
}  # fmt: skip
TEXT_LANGUAGES = {"fi", "sv", "en", "se", "smn", "sms"}
GUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
ORGANISATION = re.compile(rf"^({GUID}|PTV-ID-PUUTTUU:[a-z][a-z0-9_]*)$")
SERVICE_CLASS = re.compile(r"^http://uri\.suomi\.fi/codelist/ptv/ptvserclass2/code/P[0-9]{1,2}(\.[0-9]{1,2})*$")
TARGET_GROUP = re.compile(r"^http://uri\.suomi\.fi/codelist/ptv/ptvkohderyhmat/code/KR[1-3](\.[0-9])*$")
MUNICIPALITY_CODES = {"kuopio": "297", "lapinlahti": "402", "tuusniemi": "857"}


@pytest.fixture(scope="module")
def export(built_site: Path) -> dict[str, Any]:
    return json.loads((built_site / "api" / "ptv" / "services.json").read_text(encoding="utf-8"))


def test_the_export_has_every_service_once_in_data_order(built_site: Path, export: dict[str, Any]) -> None:
    services = json.loads((built_site / "api" / "services.json").read_text(encoding="utf-8"))["services"]
    assert set(export) == {"services"}
    assert [s["sourceId"] for s in export["services"]] == [s["id"] for s in services]
    assert len(services) == len(load_catalogue(REPO).services) > 0


def test_every_field_is_within_ptvs_limits_and_enumerations(export: dict[str, Any]) -> None:
    catalogue = load_catalogue(REPO)
    for item in export["services"]:
        service = catalogue.service(item["sourceId"])
        assert set(item) <= INPUT_FIELDS and set(item) >= REQUIRED, item["sourceId"]
        assert re.match(r"^[A-Za-z0-9-.]*$", item["sourceId"])
        assert item["type"] in {"Service", "PermitOrObligation", "ProfessionalQualification"}
        assert item["fundingType"] in {"PubliclyFunded", "MarketFunded"}
        assert item["publishingStatus"] == "Draft"
        names = {n["language"]: n for n in item["serviceNames"]}
        assert names["fi"]["value"] == service.title.fi
        for name in item["serviceNames"]:
            assert name["type"] in {"Name", "AlternativeName"} and name["language"] in TEXT_LANGUAGES
            assert 0 < len(name["value"]) <= 100, (item["sourceId"], name)
        descriptions = {(d["type"], d["language"]): d["value"] for d in item["serviceDescriptions"]}
        assert len(descriptions) == len(item["serviceDescriptions"])  # no type twice in one language
        for (kind, language), value in descriptions.items():
            assert language in TEXT_LANGUAGES and 0 < len(value) <= DESCRIPTION_LIMITS[kind], (item["sourceId"], kind)
        for language in names:  # PTV wants the name and the summary in each language it gets
            assert ("Summary", language) in descriptions and ("Description", language) in descriptions
        assert descriptions[("Summary", "fi")] == service.summary.fi
        assert descriptions[("UserInstruction", "fi")].startswith(f"1. {service.steps[0].fi}")
        assert all(len(r["value"]) <= 2500 and r["language"] in TEXT_LANGUAGES for r in item["requirements"])
        assert all(0 < len(k["value"]) <= 150 and k["language"] in TEXT_LANGUAGES for k in item["keywords"])
        assert item["languages"] == list(service.languages or ())  # only what the data states
        assert item["areaType"] == "LimitedType"
        assert item["areas"] == [
            {
                "type": "Municipality",
                "areaCodes": [MUNICIPALITY_CODES[m] for m in service.municipalities if m in MUNICIPALITY_CODES],
            }
        ]
        for law in item["legislation"]:
            assert all(len(n["value"]) <= 500 for n in law["names"]) and law["webPages"]
            assert law["webPages"] == [
                {"language": "fi", "url": "https://www.finlex.fi/fi/laki/ajantasa/2023/20230681",
                 "value": "Laki kotoutumisen edistämisestä (681/2023)"}
            ]  # fmt: skip
        assert bool(item["legislation"]) == bool(service.kotol_sections)
        assert 1 <= len(item["serviceClasses"]) <= 4 and all(SERVICE_CLASS.match(u) for u in item["serviceClasses"])
        assert any("." in uri.rsplit("/", 1)[1] for uri in item["serviceClasses"])  # not only main classes
        assert item["targetGroups"] and all(TARGET_GROUP.match(u) for u in item["targetGroups"])
        for producer in item["serviceProducers"]:
            assert producer["provisionType"] in {"SelfProducedServices", "ProcuredServices", "Other"}
            assert producer["organizations"] or producer["provisionType"] != "SelfProducedServices"
            assert all(ORGANISATION.match(o) for o in producer["organizations"])
        assert ORGANISATION.match(item["mainResponsibleOrganization"])


def test_liite_1_decides_who_produces_a_service(export: dict[str, Any]) -> None:
    by_id = {item["sourceId"]: item for item in export["services"]}
    orientation = by_id["yhteiskuntaorientaatio"]["serviceProducers"]
    assert orientation == [{"provisionType": "ProcuredServices", "organizations": []}]  # "Alkuvaiheessa ostopalveluna"
    assessment = by_id["palvelutarpeen-arviointi"]["serviceProducers"]
    assert assessment == [
        {
            "provisionType": "SelfProducedServices",
            "organizations": ["PTV-ID-PUUTTUU:employment_authority", "PTV-ID-PUUTTUU:immigration_counsellor"],
        }
    ]


def test_the_export_is_deterministic(built_site: Path, export: dict[str, Any]) -> None:
    text = (built_site / "api" / "ptv" / "services.json").read_text(encoding="utf-8")
    assert text == json.dumps(export, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _minimal_copy(tmp_path: Path) -> Path:
    root = tmp_path / "catalogue"
    shutil.copytree(MINIMAL, root)
    return root


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "guide.tools.check", str(root)], env=env, capture_output=True, text=True, check=False
    )


def test_make_check_reports_a_name_ptv_would_refuse_at_its_line(tmp_path: Path) -> None:
    root = _minimal_copy(tmp_path)
    assert _check(root).returncode == 0
    services = root / "data" / "services.yaml"
    long_name = "Ohjaus ja neuvonta kaikille maahan muuttaneille " * 3  # 144 characters
    services.write_text(
        services.read_text(encoding="utf-8").replace("fi: Ohjaus ja neuvonta", f"fi: {long_name.strip()}", 1)
    )
    result = _check(root)
    assert result.returncode == 1
    line = line_of(root, "services.yaml", long_name.strip())
    assert (
        f"data/services.yaml:{line}:11: Suomi.fi (PTV) would refuse service 'ohjaus-ja-neuvonta': its name in Finnish "
        f"is {len(long_name.strip())} characters long; PTV takes at most 100 characters (PTV field serviceNames/Name)"
    ) in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_make_check_points_at_the_po_line_of_a_translation_ptv_would_refuse(tmp_path: Path) -> None:
    root = _minimal_copy(tmp_path)
    service = load_source_catalogue(root).service("ohjaus-ja-neuvonta")
    catalog = new_catalog("sv")
    long_summary = "Rådgivning för alla som har flyttat till Finland, " * 2  # 102 characters, under 150
    catalog.add(
        service.title.fi, ("Handledning och rådgivning " * 4).strip(), context="services/ohjaus-ja-neuvonta/title"
    )
    catalog.add(service.summary.fi, long_summary.strip(), context="services/ohjaus-ja-neuvonta/summary")
    catalog.add(service.description.fi, "Rådgivning för *alla*.", context="services/ohjaus-ja-neuvonta/description")
    (root / "translations").mkdir()
    (root / "translations" / "sv.po").write_bytes(render_po(catalog))
    result = _check(root)
    assert result.returncode == 1
    po_lines = (root / "translations" / "sv.po").read_text(encoding="utf-8").splitlines()
    title_line = po_lines.index('msgctxt "services/ohjaus-ja-neuvonta/title"') + 3  # the msgstr's line
    assert (
        f"translations/sv.po:{title_line}:1: Suomi.fi (PTV) would refuse service 'ohjaus-ja-neuvonta': its name in "
        "Swedish is 107 characters long; PTV takes at most 100 characters (PTV field serviceNames/Name)"
    ) in result.stderr
    assert "summary" not in result.stderr  # 102 characters fit PTV's 150


def test_make_check_lists_what_the_city_must_fill_in_as_warnings() -> None:
    env = {"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "guide.tools.check"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    line = line_of(REPO, "organisations.yaml", "- id: employment_authority")
    assert (
        f"data/organisations.yaml:{line}:9: warning: organisation 'employment_authority' has no ptv_id; the PTV "
        "export names it 'PTV-ID-PUUTTUU:employment_authority'"
    ) in result.stdout
    line = line_of(REPO, "organisations.yaml", "- id: other_employment_area")
    assert (
        f"data/organisations.yaml:{line}:9: warning: municipality 'other_employment_area' has no code" in result.stdout
    )
    assert "PTV code" not in result.stdout  # every URI in data/ptv.yaml has its source


def test_an_unconfirmed_or_unknown_code_in_data_ptv_yaml_is_reported(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    for part in ("data", "translations"):
        shutil.copytree(REPO / part, root / part)
    ptv = root / "data" / "ptv.yaml"
    text = ptv.read_text(encoding="utf-8")
    source_line = next(line for line in text.splitlines() if "source: vrk-kpa" in line)
    text = text.replace(source_line + "\n", "", 1).replace(
        "service_classes: [P4.11, P9.6]", "service_classes: [P4.11, P99.1]"
    )
    ptv.write_text(text, encoding="utf-8")
    result = _check(root)
    assert result.returncode == 1
    line = line_of(root, "ptv.yaml", "P99.1")
    assert (
        f"data/ptv.yaml:{line}:" in result.stderr
        and "code 'P99.1' in PTV service 'ohjaus-ja-neuvonta' does not exist" in result.stderr
    )
    ptv.write_text(text.replace("P99.1", "P9.6"), encoding="utf-8")
    result = _check(root)
    assert result.returncode == 0, result.stderr
    assert (
        f"data/ptv.yaml:{line_of(root, 'ptv.yaml', '- id: P4.11')}:9: warning: PTV code 'P4.11' has no source"
        in result.stdout
    )


def test_make_ptv_tells_new_changed_and_unchanged_services(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _minimal_copy(tmp_path)
    assert ptv_main([str(root)]) == 0
    first = capsys.readouterr().out
    count = len(load_catalogue(root).services)
    assert f"{count} new, 0 changed, 0 unchanged, 0 removed." in first
    assert re.search(r"new +ohjaus-ja-neuvonta +POST /api/v11/Service\n", first)
    assert ptv_main([str(root), "--update"]) == 0
    snapshot = json.loads((root / "ptv" / "snapshot.json").read_text(encoding="utf-8"))
    assert [s["sourceId"] for s in snapshot["services"]] == [s.id for s in load_catalogue(root).services]
    services = root / "data" / "services.yaml"
    services.write_text(
        services.read_text(encoding="utf-8").replace("fi: Ohjaus ja neuvonta", "fi: Ohjausta ja neuvontaa", 1)
    )
    capsys.readouterr()
    assert ptv_main([str(root)]) == 0
    out = capsys.readouterr().out
    assert re.search(
        r"changed +ohjaus-ja-neuvonta +PUT /api/v11/Service/sourceId/ohjaus-ja-neuvonta \(changed: serviceNames\)", out
    )
    assert re.search(r"unchanged +palvelutarpeen-arviointi", out)
    assert f"0 new, 1 changed, {count - 1} unchanged, 0 removed." in out


def test_two_services_of_one_organisation_may_not_share_a_name(tmp_path: Path) -> None:
    root = _minimal_copy(tmp_path)
    services = root / "data" / "services.yaml"
    text = services.read_text(encoding="utf-8").replace(
        "providers: [employment_authority]", "providers: [immigration_counsellor]"
    )
    services.write_text(text.replace("fi: Palvelutarpeen arviointi", "fi: Ohjaus ja neuvonta", 1), encoding="utf-8")
    result = _check(root)
    assert result.returncode == 1
    line = line_of(root, "services.yaml", "fi: Ohjaus ja neuvonta", occurrence=2)
    assert (
        f"data/services.yaml:{line}:11: Suomi.fi (PTV) would refuse service 'palvelutarpeen-arviointi': service "
        "'ohjaus-ja-neuvonta' of the same organisation has the same name in Finnish"
    ) in result.stderr


def test_markdown_goes_to_ptv_as_plain_text() -> None:
    markdown = "Apua *kaikille*, **maksutta**: [Kela](https://www.kela.fi/) ja <https://www.kuopio.fi/>.\n\n- 2*3 = 6"
    assert (
        plain_text(markdown)
        == "Apua kaikille, maksutta: Kela (https://www.kela.fi/) ja https://www.kuopio.fi/.\n\n- 2*3 = 6"
    )
