"""The building blocks every record is made of: texts in the site's languages, ids, links' addresses.

`Text` has one field per language of the registry (guide.core.languages): Finnish, the source
language, is required; the others are filled in by translation. The fields are made from the
registry, so adding a language adds its field here without an edit.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol, get_args

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    PrivateAttr,
    StringConstraints,
    create_model,
    field_validator,
)

from guide.core.languages import DEFAULT_LANGUAGE, LANGUAGES

SUMMARY_MAX_CHARS = 150  # the national service catalogue (Suomi.fi) limit for a summary
PROGRAMME_DATE = datetime.date(2024, 11, 18)  # the date of the programme document (its title page)

ServiceId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
OrganisationId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_-]*$")]
ProgrammeSection = Literal["2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "3", "4", "5", "6"]
Delivery = Literal["in_person", "remote", "hybrid", "web_form", "outreach"]
ClientGroup = Literal["jobseekers", "others"]
# The client groups of Liite 1, in its column order: the one list of them (templates: `client_groups`).
CLIENT_GROUPS: tuple[ClientGroup, ...] = get_args(ClientGroup)
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")]
PtvId = Annotated[str, StringConstraints(pattern=r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")]
MunicipalityCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{3}$")]


def _allowed_url(url: str) -> str:
    if not url.startswith(("https://", "mailto:", "tel:")):
        raise ValueError("url_scheme")
    if any(character.isspace() for character in url):
        raise ValueError("url_space")
    return url


Url = Annotated[str, AfterValidator(_allowed_url)]
# Invisible characters that hide or reorder text (a reversed phone number or address looks right
# and is wrong): zero-width space, word joiner, byte order mark, and the bidirectional embedding,
# override and isolate controls. ZWNJ and ZWJ (needed in Persian and Arabic words) and the
# LRM/RLM marks stay allowed; `dir` and `lang` on the elements handle direction.
_INVISIBLE_CONTROLS = re.compile("[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")


def _visible_text(text: str) -> str:
    if found := _INVISIBLE_CONTROLS.search(text):
        raise ValueError(f"invisible_character U+{ord(found.group()):04X}")
    return text


NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Record(BaseModel):
    """Base of every record: immutable, and unknown keys are errors rather than ignored."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Identified(Protocol):
    """Any record with an id (a service, an organisation, a path step...): what id checks read."""

    @property
    def id(self) -> str: ...


class TextBase(Record):
    """What every per-language text can do; `Text` and `Summary` add one field per language."""

    @field_validator("*")
    @classmethod
    def _no_invisible_controls(cls, value: object) -> object:
        """Refuse zero-width and text-direction controls in every language (see _visible_text)."""
        return _visible_text(value) if isinstance(value, str) else value

    # Languages whose translation was made from an older Finnish text; set when translations are
    # merged in (guide.translations.store), never written in YAML.
    _outdated: frozenset[str] = PrivateAttr(default=frozenset())

    def get(self, language: str) -> str | None:
        """The text in `language`, or None when it has not been translated."""
        return getattr(self, language, None)

    def is_outdated(self, language: str) -> bool:
        """True when the `language` text was translated from an older version of the Finnish text."""
        return language in self._outdated

    def best(self, language: str) -> tuple[str, str]:
        """The text in `language`, or the Finnish source, with the language it is really in."""
        text = self.get(language)
        return (text, language) if text else (getattr(self, DEFAULT_LANGUAGE), DEFAULT_LANGUAGE)

    def as_dict(self) -> dict[str, str]:
        """The languages that have a text, in the site's language order."""
        return {language: text for language in LANGUAGES if (text := self.get(language))}


def _per_language(name: str, doc: str, base: type[TextBase], value: Any) -> Any:
    """A text model with a field per registry language: the source language required, the others optional."""
    fields: dict[str, Any] = {DEFAULT_LANGUAGE: (value, ...)}
    fields |= {language: (value | None, None) for language in LANGUAGES if language != DEFAULT_LANGUAGE}
    return create_model(name, __base__=base, __doc__=doc, __module__=__name__, **fields)


_Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=SUMMARY_MAX_CHARS)]

if TYPE_CHECKING:  # the type checker sees the source language's field; the others are read with get()

    class Text(TextBase):
        """One text in the site's languages; Finnish (fi) is required."""

        fi: str

    class Summary(Text):
        """A summary: at most SUMMARY_MAX_CHARS characters in every language."""

else:
    Text = _per_language("Text", "One text in the site's languages; Finnish (fi) is required.", TextBase, NonEmpty)
    Summary = _per_language(
        "Summary", "A summary: at most SUMMARY_MAX_CHARS characters in every language.", Text, _Short
    )


class UiString(Record):
    """A text of the site's own interface (headings, labels), per language."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    text: Text
