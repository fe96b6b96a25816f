"""data/ptv.yaml: how each service is classified in Suomi.fi PTV, and what the programme says about who produces it.

The file maps our services onto PTV's code lists (service classes, "palveluluokat", and target
groups, "kohderyhmät"), each code with the source its URI was read from; a code without a source is
a gap that `make check` lists until someone confirms it. It also records, per client group of
Liite 1, the services the programme says are bought (ProcuredServices), with the passage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError

from guide.core.messages import describe
from guide.core.problems import DataError, Problem
from guide.core.records import ClientGroup, OrganisationId, Record, ServiceId, Url
from guide.core.yaml_source import SourceDocument, read_yaml
from guide.ptv.messages import bad_code

PTV_FILE = "data/ptv.yaml"
ProvisionType = Literal["SelfProducedServices", "ProcuredServices", "Other"]


class PtvCode(Record):
    """One code of PTV's classifications, by its notation (e.g. 'P4.11', 'KR1')."""

    id: str = Field(pattern=r"^(P|KR)[0-9]+(\.[0-9]+)*$")
    kind: Literal["service_class", "target_group"]
    uri: str = Field(pattern=r"^http://uri\.suomi\.fi/codelist/ptv/(ptvserclass2|ptvkohderyhmat)/code/")
    label: str = Field(description="the code's Finnish label in the source")
    source: str | None = Field(default=None, description="where the URI was read; leave out while unconfirmed")


class PtvProvision(Record):
    """How one client group's service (a cell of Liite 1) is produced, when it is not the provider's own work."""

    provision_type: ProvisionType
    source: str = Field(min_length=1, description="the programme's passage that says so")


class PtvService(Record):
    """One service's PTV classification; the service's id is the PTV sourceId."""

    id: ServiceId
    service_classes: tuple[str, ...] = Field(min_length=1, description="ids of `codes` (service_class)")
    target_groups: tuple[str, ...] = Field(min_length=1, description="ids of `codes` (target_group)")
    provision: dict[ClientGroup, PtvProvision] = Field(
        default_factory=dict, description="by client group; a group not listed is SelfProducedServices"
    )
    main_responsible: OrganisationId | None = Field(default=None, description="default: the first provider")


class PtvFile(Record):
    """The whole of data/ptv.yaml."""

    law_url: Url | None = Field(
        default=None, description="the public web page of the Act on the Promotion of Integration"
    )
    law_url_source: str | None = None
    codes: tuple[PtvCode, ...] = ()
    services: tuple[PtvService, ...] = ()

    def code(self, code_id: str) -> PtvCode | None:
        """The code with this notation, or None."""
        return next((code for code in self.codes if code.id == code_id), None)

    def service(self, service_id: str) -> PtvService | None:
        """The classification of one service, or None when the file has none for it."""
        return next((service for service in self.services if service.id == service_id), None)


def read_ptv(root: Path) -> tuple[PtvFile | None, SourceDocument, list[Problem]]:
    """data/ptv.yaml validated, its document (for positions), and its problems in the editor's words.

    The file is optional (a new instance starts without it): then no service is classified, and
    `make check` says so for each.
    """
    if not (root / PTV_FILE).is_file():
        return PtvFile(), SourceDocument(PTV_FILE), []
    document = read_yaml(root / PTV_FILE, PTV_FILE)
    if document.problems:
        return None, document, list(document.problems)
    try:
        return PtvFile.model_validate(document.data), document, []
    except ValidationError as error:
        problems = []
        for detail in error.errors():
            loc = tuple(detail["loc"])
            where = f"in {PTV_FILE}"
            if len(loc) > 1 and loc[0] in ("codes", "services") and isinstance(loc[1], int):
                item = document.data[loc[0]][loc[1]]
                where = f"in PTV {loc[0][:-1]} '{item.get('id')}'" if isinstance(item, dict) else where
            position = document.position(loc[:-1] if detail["type"] == "missing" else loc)
            if detail["type"] == "string_pattern_mismatch" and loc[0] == "codes":
                message = f"{bad_code(str(loc[-1]), detail['input'])} {where}"
            else:
                message = describe(detail, PtvFile, where)
            problems.append(Problem(position, message))
        return None, document, problems


def load_ptv(root: Path) -> PtvFile:
    """data/ptv.yaml, or DataError with its problems (the build stops on them, like on data/)."""
    ptv, _, problems = read_ptv(root)
    if ptv is None:
        raise DataError(problems)
    return ptv
