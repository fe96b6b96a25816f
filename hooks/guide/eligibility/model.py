"""The eligibility decision tree (data/eligibility.yaml) as typed, frozen records, and how to walk it.

The tree asks single-choice questions, each about one fact of the public vocabulary (FACTS, fixed by
docs/contract.md), until it reaches an outcome: who serves the person and what they can get. The
question texts and answer labels are written once per fact (`facts:`); a question node only says
which fact it asks and where each answer leads.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, PrivateAttr, StringConstraints

from guide.core.records import OrganisationId, ProgrammeSection, Record, ServiceId, Text, UiString, Url

# Interface texts the tool's pages and script use; loading the tree checks that each is present.
REQUIRED_STRINGS = (
    "page_title", "page_intro", "notice", "continue", "back", "start_again", "your_answers", "change",
    "change_context", "quick_exit", "print", "choose_one", "result", "provider", "provider_own_municipality",
    "assessment", "assessment_always", "assessment_if_needed", "assessment_on_request",
    "assessment_not_available", "assessment_own_municipality", "partner", "plan_review", "next_steps",
    "services", "contacts", "basis", "basis_programme", "basis_law", "no_script_intro", "one_page_version",
    "diagram_link", "diagram_title", "diagram_intro", "diagram_text", "readings", "question", "outcome",
    "leads_to", "privacy", "quick_exit_help", "error_summary", "error_title", "malformed", "sheet_title",
    "sheet_intro", "sheet_bilingual", "sheet_date", "sheet_finnish",
)  # fmt: skip

# The complete fact vocabulary of docs/contract.md: fact -> its values, in the contract's order.
FACTS: dict[str, tuple[str, ...]] = {
    "residence": ("permit", "eu_registration", "none"),
    "municipality": ("kuopio", "tuusniemi", "lapinlahti", "other_employment_area", "elsewhere"),
    "jobseeker": ("unemployed", "employed", "no"),
    "years_since_first_permit": ("up_to_3", "over_3"),
    "trafficking_victim": ("yes", "no"),
    "refugee_background": ("quota", "asylum", "family_reunification", "temporary_protection", "none"),
    "unaccompanied_minor": ("yes", "no"),
    "under_18": ("yes", "no"),
    "home_care_allowance": ("yes", "no"),
    "prolonged_social_assistance": ("yes", "no"),
    "social_health_needs": ("yes", "unsure", "no"),
    "requested_or_referred": ("yes", "no"),
    "has_plan": ("yes", "no"),
}
OWN_MUNICIPALITY = "own_municipality"
MAX_QUESTIONS = 10  # no path may ask more (issue 3 set 8; the minors rule R13 needs two more)
GUIDANCE_KOTOL_SECTION = 10  # the guidance-and-counselling service is in every outcome

NodeId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
ReadingId = Annotated[str, StringConstraints(pattern=r"^R[0-9]+$")]
Assessment = Literal["always", "if_needed", "on_request", "not_available", "own_municipality"]
Partner = Literal["integration_social_work", "family_centre", "working_age_social_services"]


class FactValue(Record):
    """One answer to a fact's question, as residents read it."""

    id: str
    label: Text


class Fact(Record):
    """A fact of the vocabulary with the question that asks it and the labels of its values."""

    id: str
    question: Text
    help: Text | None = None
    values: tuple[FactValue, ...] = Field(min_length=2)

    def label(self, value: str) -> Text:
        """The label of one of this fact's values (values are checked at load time)."""
        return next(v.label for v in self.values if v.id == value)


class Question(Record):
    """A question node: it asks `fact`; each answer value leads to the node named in `options`."""

    id: NodeId
    fact: str
    options: dict[str, NodeId] = Field(min_length=1, description="answer value -> id of the next node")
    text: Text | None = Field(default=None, description="only when the fact's own question does not fit here")
    help: Text | None = None


class Basis(Record):
    """Why an outcome is what it is: the programme's sections, the law's sections, our readings."""

    programme: tuple[ProgrammeSection, ...] = Field(min_length=1)
    kotol: tuple[int, ...] = Field(min_length=1)
    readings: tuple[ReadingId, ...] = ()


class Outcome(Record):
    """An end of the tree: who serves the person, what they can get, and what happens next."""

    id: NodeId
    provider: str | None = Field(description="an organisation id, 'own_municipality' or null")
    assessment: Assessment
    multisectoral_partner: Partner | None = None
    plan_review_months: Literal[3, 6] | None = None
    services: tuple[ServiceId, ...] = Field(min_length=1)
    contacts: tuple[OrganisationId, ...] = ()
    title: Text
    text: Text
    steps: tuple[Text, ...] = Field(min_length=1, description="what happens next, in order")
    basis: Basis


class Reading(Record):
    """A reading the city takes where the programme is ambiguous (docs/domain.md)."""

    id: ReadingId
    text: Text
    basis: Basis | None = Field(default=None, description="the programme's and the law's sections it rests on")


class EligibilityTree(Record):
    """The whole tree with its interface texts; built only from data that passed every check."""

    start: NodeId
    quick_exit_url: Url
    strings: tuple[UiString, ...]
    readings: tuple[Reading, ...]
    facts: tuple[Fact, ...]
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]

    # (questions, outcomes, index by id); rebuilt when a copy (e.g. with translations) has new nodes.
    _index: tuple[object, object, dict[str, Question | Outcome]] | None = PrivateAttr(default=None)

    def node(self, node_id: str) -> Question | Outcome:
        """The question or outcome with this id (ids are checked to resolve at load time)."""
        index = self._index
        if index is None or index[0] is not self.questions or index[1] is not self.outcomes:
            nodes: tuple[Question | Outcome, ...] = (*self.outcomes, *self.questions)
            index = (self.questions, self.outcomes, {n.id: n for n in nodes})
            self._index = index
        return index[2][node_id]

    def fact(self, fact_id: str) -> Fact:
        """The texts of a fact (every fact a question asks has them, checked at load time)."""
        return next(f for f in self.facts if f.id == fact_id)

    def question_text(self, question: Question) -> Text:
        """The question as residents read it: the node's own text, or its fact's question."""
        return question.text or self.fact(question.fact).question

    def question_help(self, question: Question) -> Text | None:
        """An explanation under the question, if any."""
        return question.help or self.fact(question.fact).help

    def string(self, string_id: str) -> Text:
        """An interface text of the tree; a missing id is a template bug, so it raises."""
        for entry in self.strings:
            if entry.id == string_id:
                return entry.text
        raise KeyError(f"no interface text '{string_id}' in data/eligibility.yaml")

    def reading(self, reading_id: str) -> Reading:
        """A reading by id (checked to exist at load time)."""
        return next(r for r in self.readings if r.id == reading_id)

    def follow(self, facts: Mapping[str, str]) -> tuple[Outcome, tuple[Question, ...]]:
        """The outcome for a person with these facts, and the questions asked on the way."""
        asked: list[Question] = []
        node = self.node(self.start)
        while isinstance(node, Question):
            asked.append(node)
            node = self.node(node.options[facts[node.fact]])
        return node, tuple(asked)


@dataclass(frozen=True)
class Step:
    """One answer on a path: the question, the fact it asks and the value chosen."""

    question: str
    fact: str
    value: str


@dataclass(frozen=True)
class TreePath:
    """A route from the start to an outcome, as a person answering it would walk it."""

    steps: tuple[Step, ...]
    outcome: str


def paths(tree: EligibilityTree) -> Iterator[TreePath]:
    """Every path from the start to an outcome, in the order the options are written.

    A fact already answered on the way is not asked again with a different value, so only the
    option for the known value is followed (the other options cannot be reached on that path).
    """

    def walk(node_id: str, steps: tuple[Step, ...]) -> Iterator[TreePath]:
        node = tree.node(node_id)
        if isinstance(node, Outcome):
            yield TreePath(steps, node.id)
            return
        known = {step.fact: step.value for step in steps}
        for value, next_id in node.options.items():
            if node.fact in known and known[node.fact] != value:
                continue
            yield from walk(next_id, (*steps, Step(node.id, node.fact, value)))

    yield from walk(tree.start, ())
