"""What Suomi.fi PTV's Open API v11 refuses in a service (POST /api/v11/Service), read from its source.

Every rule below was read from the published source, vrk-kpa/ptv-releases, branch `ptv-release-3_4`
(commit 27723498de3f920d53276d63963f1e71b43777c3, the newest release branch, which has
`src/PTV.Application.OpenApi/Controllers/V11ServiceController.cs`, route `api/v11/Service`), and
checked against the client generated from PTV's swagger, Tampere/ptv-php-client-v11
(commit 963ab00a2fbd3e9590b94f917834e396536d4a6d, `docs/Model/V9VmOpenApiServiceIn.md`). Paths are
under `src/` of ptv-releases:

- `PTV.Domain.Model/Models/OpenApi/V9/V9VmOpenApiServiceIn.cs`: required fundingType, areaType,
  serviceDescriptions, languages, serviceProducers, publishingStatus (Draft or Published),
  mainResponsibleOrganization; serviceNames must hold a `Name`.
- `PTV.Domain.Model/Models/OpenApi/V9/V9VmOpenApiServiceInBase.cs`: the enums of type, areaType,
  areas[].type and serviceProducers[].provisionType; the description types, a required `Summary`,
  and the limits Summary 150, Description and UserInstruction 2500, the other five types 500.
- `PTV.Domain.Model/Models/OpenApi/VmOpenApiServiceBase.cs`: sourceId pattern, serviceNames at most
  100, keywords at most 150, requirements at most 2500, languages pattern.
- `PTV.Domain.Model/Models/OpenApi/VmOpenApiServiceInVersionBase.cs`: serviceClasses and
  targetGroups patterns, mainResponsibleOrganization a GUID.
- `PTV.Domain.Model/Models/OpenApi/V4/V4VmOpenApiLaw.cs`, `VmOpenApiWebPageVersionBase.cs`: law
  names at most 500, web pages required, url at most 500, web page name at most 100.
- `PTV.Domain.Model/Models/OpenApi/V9/V9VmOpenApiServiceProducerIn.cs`: organizations required for
  SelfProducedServices (a list of GUIDs).
- `PTV.Domain.Model/Enums/*.cs`: ServiceTypeEnum, ServiceFundingTypeEnum, AreaInformationTypeEnum,
  AreaTypeEnum, ProvisionTypeEnum, NameTypeEnum (the `EnumOpenApiValue` names are the API's).
- `PTV.Framework/Attributes/ValidationConsts.cs`: the regular expressions.
- `PTV.Application.OpenApi/DataValidators/ServiceValidator.cs` and `ServiceClassListValidator.cs`:
  from v9 on, at most 4 service classes and not all of them main classes;
  `ServiceNamesDuplicityValidator.cs`: no two services of one main organisation with the same name.
- Languages of texts (`VmOpenApiLocalizedListItem.Language`, `[ValidLanguage]`): the languages
  marked IsForData, `PTV.DataImport.Console/SqlMigrations/PTV_2_0/2UpdateContentLanguageForData.sql`
  (fi, sv, en, se, smn, sms). Service languages (`LanguageListValidator`): the codes of
  `PTV.DataImport.Console/Generated/LanguageCodes.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

SERVICE_TYPES = ("Service", "PermitOrObligation", "ProfessionalQualification")
FUNDING_TYPES = ("PubliclyFunded", "MarketFunded")
AREA_INFORMATION_TYPES = ("Nationwide", "NationwideExceptAlandIslands", "LimitedType")
AREA_TYPES = ("Municipality", "Region", "BusinessSubRegion", "HospitalDistrict")
PROVISION_TYPES = ("SelfProducedServices", "ProcuredServices", "Other")
NAME_TYPES = ("Name", "AlternativeName")
PUBLISHING_STATUSES = ("Draft", "Published")
NAME_MAX = 100
DESCRIPTION_MAX = {
    "Summary": 150,
    "Description": 2500,
    "UserInstruction": 2500,
    "ValidityTime": 500,
    "ProcessingTime": 500,
    "DeadLine": 500,
    "ChargeTypeAdditionalInfo": 500,
    "ServiceType": 500,
}
REQUIREMENTS_MAX = 2500
KEYWORD_MAX = 150
LAW_NAME_MAX = 500
WEB_PAGE_URL_MAX = 500
WEB_PAGE_NAME_MAX = 100
SERVICE_CLASSES_MAX = 4
TEXT_LANGUAGES = ("fi", "sv", "en", "se", "smn", "sms")
SERVICE_LANGUAGES = frozenset({
    "fi", "sv", "en", "rom", "bn", "bs", "cs", "da", "de", "el", "az", "es", "et", "fa", "am", "fr",
    "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka", "kg", "kk", "km", "ko", "ku", "ky",
    "ln", "lo", "lt", "lv", "mk", "ms", "my", "ne", "nl", "no", "pl", "ps", "pt", "rn", "ro", "ru",
    "rw", "se", "sh", "sk", "sl", "so", "sq", "sr", "ar", "sw", "ta", "th", "tk", "tl", "tr", "ug",
    "uk", "ur", "uz", "vi", "wo", "zh", "sgn-fi", "smn", "sms", "bg",
})  # fmt: skip
SOURCE_ID = re.compile(r"^[A-Za-z0-9-.]*$")
MUNICIPALITY_CODE = re.compile(r"^[0-9]{1,3}$")
SERVICE_CLASS = re.compile(
    r"^http:\/\/(urn.fi\/URN:NBN:fi:au:ptvl:v[0-9]+$|uri.suomi.fi\/codelist\/ptv\/ptvserclass[2]{0,1}\/code\/"
    r"P[0-9]{1,2}((.[0-9]{1,2}){0,1})*$)"
)
TARGET_GROUP = re.compile(
    r"^http:\/\/(urn.fi\/URN:NBN:fi:au:ptvl:v[0-9]+$|uri.suomi.fi\/codelist\/ptv\/ptvkohderyhmat\/code\/KR[1-3](.[0-9])*$)"
)
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
# What the export writes where an organisation has no ptv_id yet; `make check` lists each as a warning.
PLACEHOLDER_PREFIX = "PTV-ID-PUUTTUU:"


@dataclass(frozen=True)
class Refusal:
    """One thing PTV would refuse: the field, the text's type and language where it is a text, and why."""

    field: str
    kind: str  # a message of guide.ptv.messages
    type: str = ""
    language: str = ""
    value: str = ""
    limit: int = 0


def refusals(service: dict[str, Any]) -> list[Refusal]:
    """Every rule of PTV's v11 service input that `service` (one item of the export) breaks."""
    found: list[Refusal] = []
    if not SOURCE_ID.match(str(service.get("sourceId", ""))):
        found.append(Refusal("sourceId", "pattern", value=str(service.get("sourceId"))))
    for field, allowed in (
        ("type", SERVICE_TYPES),
        ("fundingType", FUNDING_TYPES),
        ("areaType", AREA_INFORMATION_TYPES),
        ("publishingStatus", PUBLISHING_STATUSES),
    ):
        if service.get(field) not in allowed:
            found.append(Refusal(field, "enum", value=str(service.get(field))))
    found += _texts(service.get("serviceNames", []), "serviceNames", NAME_TYPES, lambda _: NAME_MAX, "Name")
    found += _texts(
        service.get("serviceDescriptions", []),
        "serviceDescriptions",
        tuple(DESCRIPTION_MAX),
        DESCRIPTION_MAX.get,
        "Summary",
    )
    found += _texts(service.get("requirements", []), "requirements", ("",), lambda _: REQUIREMENTS_MAX, "")
    found += _keyword_lengths(service.get("keywords", []))
    found += _languages(service.get("languages", []))
    found += _areas(service)
    found += _legislation(service.get("legislation", []))
    found += _classes(service.get("serviceClasses", []), "serviceClasses", SERVICE_CLASS)
    found += _classes(service.get("targetGroups", []), "targetGroups", TARGET_GROUP)
    if len(service.get("serviceClasses", [])) > SERVICE_CLASSES_MAX:
        found.append(Refusal("serviceClasses", "too_many", limit=SERVICE_CLASSES_MAX))
    if service.get("serviceClasses") and all("." not in uri.rsplit("/", 1)[-1] for uri in service["serviceClasses"]):
        found.append(Refusal("serviceClasses", "only_main_classes"))
    found += _producers(service)
    return found


def _texts(
    items: list[dict[str, str]], field: str, types: tuple[str, ...], limit_of: Any, required: str
) -> list[Refusal]:
    found = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        kind, language, value = item.get("type", ""), item.get("language", ""), item.get("value", "")
        if kind not in types:
            found.append(Refusal(field, "enum", type=kind, value=kind))
        if language not in TEXT_LANGUAGES:
            found.append(Refusal(field, "text_language", type=kind, language=language))
        if not value.strip():
            found.append(Refusal(field, "empty", type=kind, language=language))
        limit = limit_of(kind)
        if limit and len(value) > limit:
            found.append(Refusal(field, "too_long", type=kind, language=language, value=value, limit=limit))
        if (kind, language) in seen:
            found.append(Refusal(field, "duplicate", type=kind, language=language))
        seen.add((kind, language))
    if required and not any(item.get("type") == required for item in items):
        found.append(Refusal(field, "missing", type=required))
    return found


def _keyword_lengths(keywords: list[dict[str, str]]) -> list[Refusal]:
    return [
        Refusal("keywords", "too_long", language=k["language"], value=k["value"], limit=KEYWORD_MAX)
        for k in keywords
        if len(k["value"]) > KEYWORD_MAX
    ]


def _languages(languages: list[str]) -> list[Refusal]:
    if not languages:
        return [Refusal("languages", "missing")]
    return [Refusal("languages", "service_language", value=code) for code in languages if code not in SERVICE_LANGUAGES]


def _areas(service: dict[str, Any]) -> list[Refusal]:
    areas = service.get("areas", [])
    if service.get("areaType") == "LimitedType" and not any(area.get("areaCodes") for area in areas):
        return [Refusal("areas", "missing")]
    found = []
    for area in areas:
        if area.get("type") not in AREA_TYPES:
            found.append(Refusal("areas", "enum", value=str(area.get("type"))))
        bad = [
            c
            for c in area.get("areaCodes", [])
            if area.get("type") == "Municipality" and not MUNICIPALITY_CODE.match(c)
        ]
        found += [Refusal("areas", "pattern", value=code) for code in bad]
    return found


def _legislation(laws: list[dict[str, Any]]) -> list[Refusal]:
    found = []
    for law in laws:
        for name in law.get("names", []):
            if len(name["value"]) > LAW_NAME_MAX:
                found.append(Refusal("legislation", "too_long", language=name["language"], limit=LAW_NAME_MAX))
        if not law.get("webPages"):
            found.append(Refusal("legislation", "missing"))
        for page in law.get("webPages", []):
            if len(page.get("url", "")) > WEB_PAGE_URL_MAX or len(page.get("value", "")) > WEB_PAGE_NAME_MAX:
                found.append(Refusal("legislation", "too_long", language=page["language"], limit=WEB_PAGE_NAME_MAX))
    return found


def _classes(uris: list[str], field: str, pattern: re.Pattern[str]) -> list[Refusal]:
    return [Refusal(field, "pattern", value=uri) for uri in uris if not pattern.match(uri)]


def _producers(service: dict[str, Any]) -> list[Refusal]:
    producers = service.get("serviceProducers", [])
    found = [] if producers else [Refusal("serviceProducers", "missing")]
    for producer in producers:
        if producer.get("provisionType") not in PROVISION_TYPES:
            found.append(Refusal("serviceProducers", "enum", value=str(producer.get("provisionType"))))
        if producer.get("provisionType") == "SelfProducedServices" and not producer.get("organizations"):
            found.append(Refusal("serviceProducers", "missing", type="SelfProducedServices"))
    ids = [o for p in producers for o in p.get("organizations", [])] + [service.get("mainResponsibleOrganization", "")]
    found += [Refusal("organizations", "guid", value=o) for o in ids if not is_organisation_id(o)]
    return found


def duplicate_names(services: list[dict[str, Any]]) -> dict[str, list[Refusal]]:
    """By sourceId: names another service of the same main organisation already has (PTV refuses those)."""
    seen: dict[tuple[str, str, str], str] = {}
    found: dict[str, list[Refusal]] = {}
    for service in services:
        for name in service.get("serviceNames", []):
            key = (service.get("mainResponsibleOrganization", ""), name["language"], name["value"].casefold())
            if key in seen:
                refusal = Refusal("serviceNames", "duplicate_name", "Name", name["language"], seen[key])
                found.setdefault(service["sourceId"], []).append(refusal)
            else:
                seen[key] = service["sourceId"]
    return found


def is_organisation_id(value: str) -> bool:
    """A GUID, or the export's named placeholder (reported separately, as a warning)."""
    return bool(GUID.match(value)) or value.startswith(PLACEHOLDER_PREFIX)
