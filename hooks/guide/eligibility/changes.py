"""Whose eligibility answer changes between two versions of the tree (data/eligibility.yaml).

Every combination of the vocabulary's facts is compared, without listing the 172 800 combinations:
both trees are followed together (`EligibilityTree.follow`, the same walk the site's pages make),
and a fact is split into its values only when one of the trees asks it. Each group of combinations
that both trees treat alike is compared once, and reported with only the answers that decide it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from guide.eligibility.model import FACTS, EligibilityTree, Outcome

# What an outcome decides for a resident; a change in any of these changes their answer.
DECIDING_FIELDS = ("provider", "assessment", "multisectoral_partner", "plan_review_months", "services")


@dataclass(frozen=True)
class OutcomeSummary:
    """An outcome as a reviewer reads it: its id, its Finnish title and what it decides."""

    id: str
    title: str
    decides: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class OutcomeChange:
    """A group of people (the answers that define it) whose outcome differs between the versions."""

    answers: tuple[tuple[str, str], ...]
    before: OutcomeSummary | None
    after: OutcomeSummary | None

    @property
    def changed_fields(self) -> tuple[str, ...]:
        """The deciding fields that differ (all of them when one side has no tree or no outcome)."""
        if self.before is None or self.after is None:
            return DECIDING_FIELDS
        old, new = dict(self.before.decides), dict(self.after.decides)
        return tuple(field for field in DECIDING_FIELDS if old.get(field) != new.get(field))


class _UnaskedError(Exception):
    """Raised when a tree asks a fact the combination being followed has not fixed yet."""

    def __init__(self, fact: str) -> None:
        super().__init__(fact)
        self.fact = fact


class _Answers(dict[str, str]):
    """Known facts; looking up an unknown one stops the walk so the caller can split on it."""

    def __missing__(self, fact: str) -> str:
        raise _UnaskedError(fact)


def outcome_changes(before: EligibilityTree | None, after: EligibilityTree | None) -> tuple[OutcomeChange, ...]:
    """Every group of fact combinations whose outcome differs, in the order the trees ask."""
    if before is None and after is None:
        return ()
    trees = [tree for tree in (before, after) if tree is not None]
    changes = []
    for answers in _groups(trees, {}):
        old = summarise(_outcome(before, answers))
        new = summarise(_outcome(after, answers))
        if old is None or new is None or old.id != new.id or old.decides != new.decides:
            changes.append(OutcomeChange(tuple(answers.items()), old, new))
    return tuple(changes)


def summarise(outcome: Outcome | None) -> OutcomeSummary | None:
    """The parts of an outcome a reviewer compares."""
    if outcome is None:
        return None
    decides = tuple((field, _value(getattr(outcome, field))) for field in DECIDING_FIELDS)
    return OutcomeSummary(outcome.id, outcome.title.fi, decides)


def _groups(trees: list[EligibilityTree], answers: dict[str, str]) -> Iterator[dict[str, str]]:
    """Partial combinations of facts, each enough for every tree to reach an outcome."""
    for tree in trees:
        try:
            tree.follow(_Answers(answers))
        except _UnaskedError as unasked:
            for value in FACTS[unasked.fact]:
                yield from _groups(trees, {**answers, unasked.fact: value})
            return
        except KeyError:
            continue  # this tree has no answer for a value (it failed its checks); _outcome says so
    yield answers


def _outcome(tree: EligibilityTree | None, answers: dict[str, str]) -> Outcome | None:
    if tree is None:
        return None
    try:
        outcome, _ = tree.follow(_Answers(answers))
    except KeyError:
        return None
    return outcome


def _value(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, tuple | list):
        return ", ".join(str(item) for item in value)
    return str(value)
