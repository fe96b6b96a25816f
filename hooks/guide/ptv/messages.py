"""The sentences `make check` prints about the Suomi.fi PTV export, in words for a content editor.

Kept beside guide.core.messages (pydantic's errors) so the two can change apart.
"""

from __future__ import annotations

from guide.core.languages import LANGUAGE_NAMES
from guide.ptv.rules import Refusal

PTV = "Suomi.fi (PTV)"
FIELD_NAMES = {
    ("serviceNames", "Name"): "name",
    ("serviceDescriptions", "Summary"): "summary",
    ("serviceDescriptions", "Description"): "description",
    ("serviceDescriptions", "UserInstruction"): "steps ('how to get it', sent as the user instruction)",
    ("requirements", ""): "audience ('who it is for', sent as the requirements)",
    ("keywords", ""): "keyword",
}
FIELD_HELP = {
    "sourceId": "its id",
    "languages": "its list of service languages",
    "areas": "its municipalities",
    "legislation": "its KotoL sections (the law's name and address)",
    "serviceClasses": "its service classes in data/ptv.yaml",
    "targetGroups": "its target groups in data/ptv.yaml",
    "serviceProducers": "who produces it (Liite 1 and data/ptv.yaml)",
    "organizations": "an organisation's ptv_id",
}


def refusal(service_id: str, problem: Refusal) -> str:
    """Why PTV would refuse the service, naming the field and its limit."""
    what = FIELD_NAMES.get((problem.field, problem.type)) or FIELD_HELP.get(problem.field, problem.field)
    language = f" in {LANGUAGE_NAMES.get(problem.language, problem.language)}" if problem.language else ""
    start = f"{PTV} would refuse service '{service_id}':"
    field = f"(PTV field {problem.field}{'/' + problem.type if problem.type else ''})"
    if problem.kind == "too_long":
        return (
            f"{start} its {what}{language} is {len(problem.value)} characters long; PTV takes at most "
            f"{problem.limit} characters {field}. Shorten the text"
        )
    if problem.kind == "too_many":
        return f"{start} it has more than {problem.limit} service classes; PTV takes at most {problem.limit} {field}"
    if problem.kind == "only_main_classes":
        return f"{start} all its service classes are main classes (no dot, e.g. P4); add a narrower one {field}"
    if problem.kind == "missing":
        return f"{start} {what} is missing; PTV needs it {field}"
    if problem.kind == "duplicate_name":
        return f"{start} service '{problem.value}' of the same organisation has the same name{language} {field}"
    if problem.kind == "service_language":
        return f"{start} '{problem.value}' is not a language code PTV knows {field}; use an ISO 639-1 code"
    if problem.kind == "empty":
        return f"{start} its {what}{language} is empty {field}"
    return f"{start} '{problem.value}' is not allowed in {what} {field}"


def missing_ptv_id(organisation_id: str, placeholder: str, count: int) -> str:
    """An organisation the export names by a placeholder."""
    return (
        f"warning: organisation '{organisation_id}' has no ptv_id; the PTV export names it "
        f"'{placeholder}' in {count} service(s). Add its organisation id (a GUID) from PTV as ptv_id"
    )


def not_a_municipality(municipality_id: str, count: int) -> str:
    """A municipality entry with no code, left out of the export's areas."""
    return (
        f"warning: municipality '{municipality_id}' has no code, so the PTV export leaves it out of the areas "
        f"of {count} service(s); PTV takes areas only as official municipality codes. If it is one municipality, "
        "add its code; if it stands for several, PTV needs each one's code"
    )


def no_service_language(service_id: str) -> str:
    """A service whose languages the data does not state (PTV needs at least one)."""
    return (
        f"warning: service '{service_id}' has no service languages, and PTV needs at least one "
        "(PTV field languages); add them when the languages the service is given in are known"
    )


def unconfirmed_code(code_id: str) -> str:
    """A classification URI that no one has confirmed from PTV's code list."""
    return f"warning: PTV code '{code_id}' has no source; confirm its URI from PTV's code list and add `source`"


def unclassified(service_id: str) -> str:
    """A service that data/ptv.yaml does not classify."""
    return (
        f"warning: service '{service_id}' has no entry in data/ptv.yaml, so the PTV export has no service "
        "classes or target groups for it (PTV needs them to publish)"
    )


def unknown_reference(what: str, value: str, where: str) -> str:
    """A reference in data/ptv.yaml that does not resolve."""
    return f"{what} '{value}' {where} does not exist"


def bad_code(field: str, value: object) -> str:
    """A code notation or URI that is not in PTV's form."""
    if field == "uri":
        return f"'{value}' is not a PTV code-list address (http://uri.suomi.fi/codelist/ptv/.../code/...)"
    return f"'{value}' is not a PTV code (write it as in the code list, e.g. P4.11 or KR1)"


def wrong_kind(code_id: str, expected: str, where: str) -> str:
    """A code used in the wrong list (a target group among service classes, or the reverse)."""
    return f"'{code_id}' {where} is not a {expected.replace('_', ' ')}"
