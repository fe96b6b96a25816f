"""The tree's open data (site/api/eligibility.json, shape fixed by docs/contract.md) and the table of
every path -> outcome (docs/eligibility-paths.md, committed so a pull request's diff shows which
answers now lead elsewhere; `make paths` writes it, a test fails when it is stale).
"""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

from guide.core import urls
from guide.core.urls import TREE_PAGE
from guide.eligibility.model import FACTS, EligibilityTree, Outcome, Question, paths

ELIGIBILITY_JSON = "api/eligibility.json"
PATHS_FILE = "docs/eligibility-paths.md"
SHORT_PATH = 5  # "most paths ask 5 questions or fewer" (issue 3)


def eligibility_document(tree: EligibilityTree, base_path: str, languages: list[str]) -> dict[str, Any]:
    """The content of eligibility.json: the start, the page per language, and every node."""
    nodes: dict[str, Any] = {q.id: _question(tree, q) for q in tree.questions}
    nodes.update({o.id: _outcome(o) for o in tree.outcomes})
    return {
        "start": tree.start,
        "page": {language: urls.site_absolute(base_path, TREE_PAGE, language) for language in languages},
        "nodes": nodes,
        "readings": {reading.id: reading.text.as_dict() for reading in tree.readings},
    }


def _question(tree: EligibilityTree, question: Question) -> dict[str, Any]:
    fact = tree.fact(question.fact)
    record: dict[str, Any] = {
        "kind": "question",
        "fact": question.fact,
        "text": tree.question_text(question).as_dict(),
        "options": [
            {"value": value, "label": fact.label(value).as_dict(), "next": next_id}
            for value, next_id in question.options.items()
        ],
    }
    if help_text := tree.question_help(question):
        record["help"] = help_text.as_dict()
    return record


def _outcome(outcome: Outcome) -> dict[str, Any]:
    return {
        "kind": "outcome",
        "provider": outcome.provider,
        "assessment": outcome.assessment,
        "multisectoral_partner": outcome.multisectoral_partner,
        "plan_review_months": outcome.plan_review_months,
        "services": list(outcome.services),
        "contacts": list(outcome.contacts),
        "title": outcome.title.as_dict(),
        "text": outcome.text.as_dict(),
        "steps": [step.as_dict() for step in outcome.steps],
        "basis": {
            "programme_sections": list(outcome.basis.programme),
            "kotol_sections": list(outcome.basis.kotol),
            "readings": list(outcome.basis.readings),
        },
    }


def figures(tree: EligibilityTree) -> dict[str, Any]:
    """The tree's size and path lengths, as the paths table and the report give them."""
    lengths = [len(path.steps) for path in paths(tree)]
    combinations = Counter(
        len(tree.follow(dict(zip(FACTS, values, strict=True)))[1]) for values in itertools.product(*FACTS.values())
    )
    return {
        "questions": len(tree.questions),
        "outcomes": len(tree.outcomes),
        "paths": len(lengths),
        "max_questions": max(lengths),
        "distribution": dict(sorted(Counter(lengths).items())),
        "short_paths": sum(1 for n in lengths if n <= SHORT_PATH),
        "combinations": sum(combinations.values()),
        "short_combinations": sum(count for n, count in combinations.items() if n <= SHORT_PATH),
    }


def paths_markdown(tree: EligibilityTree) -> str:
    """docs/eligibility-paths.md: the figures, then one row per path from the start to an outcome."""
    numbers = figures(tree)
    distribution = ", ".join(f"{n}: {count}" for n, count in numbers["distribution"].items())
    share = 100 * numbers["short_combinations"] / numbers["combinations"]
    lines = [
        "# Eligibility tree: every path and its outcome",
        "",
        "Generated from `data/eligibility.yaml` by `make paths`; do not edit by hand. A test fails when",
        "this file is stale, so a change to the tree shows here, in the pull request's diff.",
        "",
        f"- Nodes: {numbers['questions'] + numbers['outcomes']} ({numbers['questions']} questions, "
        f"{numbers['outcomes']} outcomes)",
        f"- Paths: {numbers['paths']}; at most {numbers['max_questions']} questions on a path",
        f"- Questions per path (questions: paths): {distribution}",
        f"- Paths with at most {SHORT_PATH} questions: {numbers['short_paths']} of {numbers['paths']}",
        f"- Combinations of the vocabulary's facts answered with at most {SHORT_PATH} questions: "
        f"{numbers['short_combinations']} of {numbers['combinations']} ({share:.1f} %)",
        "",
        "| # | Answers | Questions | Outcome | Provider | Assessment | Partner | Review (months) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for number, path in enumerate(paths(tree), start=1):
        outcome = tree.node(path.outcome)
        assert isinstance(outcome, Outcome)
        answers = " → ".join(f"{step.fact}={step.value}" for step in path.steps)
        lines.append(
            f"| {number} | {answers} | {len(path.steps)} | `{outcome.id}` | {outcome.provider or '-'} | "
            f"{outcome.assessment} | {outcome.multisectoral_partner or '-'} | {outcome.plan_review_months or '-'} |"
        )
    return "\n".join(lines) + "\n"
