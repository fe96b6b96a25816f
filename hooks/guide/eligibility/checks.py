"""Check the eligibility tree's structure, reporting `path:line:column: message`.

Checked, besides the field types: the start exists; every node can be reached; no answer leads back
round (no cycles); every answer leads to a node, so every path ends in an outcome; every question
covers each value of its fact that can still reach it; only the vocabulary's facts and values;
the outcomes' services, providers and contacts exist; texts are present in Finnish; no path asks
more than MAX_QUESTIONS questions.
"""

from __future__ import annotations

from guide.core.editor_messages import did_you_mean
from guide.core.instance import municipality_values
from guide.core.problems import Problem, duplicate_ids
from guide.core.yaml_source import SourceDocument
from guide.eligibility.model import (
    FACTS,
    MAX_QUESTIONS,
    OWN_MUNICIPALITY,
    REQUIRED_STRINGS,
    EligibilityTree,
    Outcome,
    Question,
)

RESERVED_IDS = {"kaavio"}  # the diagram page lives next to the node pages


def check_tree(tree: EligibilityTree, document: SourceDocument, known: dict[str, set[str]]) -> list[Problem]:
    """Every structural problem of a tree whose records are each valid."""
    checker = _Checker(tree, document, known)
    checker.run()
    return checker.problems


class _Checker:
    """Runs the checks one after another, collecting problems with their positions."""

    def __init__(self, tree: EligibilityTree, document: SourceDocument, known: dict[str, set[str]]) -> None:
        self.tree = tree
        self.document = document
        self.known = known
        # the vocabulary, with the instance's municipalities as the values of `municipality`
        municipalities = known.get("municipalities")
        self.facts = (
            FACTS if municipalities is None else {**FACTS, "municipality": municipality_values([*municipalities])}
        )
        self.problems: list[Problem] = []
        self.questions = {q.id: i for i, q in enumerate(tree.questions)}
        self.outcomes = {o.id: i for i, o in enumerate(tree.outcomes)}

    def add(self, loc: tuple[str | int, ...], message: str, *, key: bool = False) -> None:
        self.problems.append(Problem(self.document.position(loc, key=key), message))

    def node_loc(self, node_id: str) -> tuple[str | int, ...]:
        if node_id in self.questions:
            return ("questions", self.questions[node_id])
        return ("outcomes", self.outcomes[node_id])

    def run(self) -> None:
        self.check_ids()
        self.check_facts()
        self.check_questions()
        self.check_outcomes()
        self.check_strings()
        if self.problems:
            return  # the graph checks below need every id and value to resolve
        self.check_graph()

    def check_ids(self) -> None:
        uses = [
            (node.id, self.document.position((key, index, "id")))
            for key in ("questions", "outcomes")
            for index, node in enumerate(getattr(self.tree, key))
        ]
        self.problems += duplicate_ids(uses)
        first = {node_id for node_id, _ in uses}
        for key in ("questions", "outcomes"):
            for index, node in enumerate(getattr(self.tree, key)):
                if node.id in RESERVED_IDS:
                    self.add(
                        (key, index, "id"), f"the id '{node.id}' is reserved for a page of the site; choose another"
                    )
        if self.tree.start not in first:
            self.add(
                ("start",),
                f"the start '{self.tree.start}' is not the id of a question or outcome in this file"
                + did_you_mean(self.tree.start, first),
            )

    def check_facts(self) -> None:
        for index, fact in enumerate(self.tree.facts):
            if fact.id not in self.facts:
                self.add(
                    ("facts", index, "id"),
                    f"'{fact.id}' is not a fact of the vocabulary (docs/contract.md)"
                    + did_you_mean(fact.id, self.facts),
                )
                continue
            for j, value in enumerate(fact.values):
                if value.id not in self.facts[fact.id]:
                    self.add(("facts", index, "values", j, "id"), _not_a_value(value.id, fact.id, self.facts))
            missing = [v for v in self.facts[fact.id] if v not in {value.id for value in fact.values}]
            if missing:
                self.add(("facts", index, "values"), f"fact '{fact.id}' has no label for: {', '.join(missing)}")

    def check_questions(self) -> None:
        described = {fact.id for fact in self.tree.facts}
        nodes = {**self.questions, **self.outcomes}
        for index, question in enumerate(self.tree.questions):
            here = ("questions", index)
            if question.fact not in self.facts:
                self.add(
                    (*here, "fact"),
                    f"'{question.fact}' in question '{question.id}' is not a fact of the "
                    "vocabulary (docs/contract.md)" + did_you_mean(question.fact, self.facts),
                )
                continue
            if question.fact not in described:
                self.add(
                    (*here, "fact"), f"fact '{question.fact}' of question '{question.id}' has no texts under 'facts:'"
                )
            for value, next_id in question.options.items():
                if value not in self.facts[question.fact]:
                    self.add(
                        (*here, "options", value),
                        f"{_not_a_value(value, question.fact, self.facts)} (in question '{question.id}')",
                        key=True,
                    )
                if next_id not in nodes:
                    self.add(
                        (*here, "options", value),
                        f"answer '{value}' of question '{question.id}' leads to "
                        f"'{next_id}', which is not a question or outcome" + did_you_mean(next_id, nodes),
                    )

    def check_outcomes(self) -> None:
        organisations = self.known.get("organisations", set())
        services = self.known.get("services", set())
        readings = {reading.id for reading in self.tree.readings}
        for index, outcome in enumerate(self.tree.outcomes):
            here = ("outcomes", index)
            if outcome.provider not in (None, OWN_MUNICIPALITY) and outcome.provider not in organisations:
                self.add(
                    (*here, "provider"),
                    f"'{outcome.provider}' in outcome '{outcome.id}' is not an organisation "
                    "id in data/organisations.yaml nor 'own_municipality'"
                    + did_you_mean(outcome.provider, organisations),
                )
            for j, organisation in enumerate(outcome.contacts):
                if organisation not in organisations:
                    self.add(
                        (*here, "contacts", j),
                        f"'{organisation}' is not an organisation id in "
                        "data/organisations.yaml" + did_you_mean(organisation, organisations),
                    )
            for j, service in enumerate(outcome.services):
                if service not in services:
                    self.add(
                        (*here, "services", j),
                        f"'{service}' is not a service id in data/services.yaml" + did_you_mean(service, services),
                    )
            guidance = sorted(self.known.get("guidance", set()))
            if guidance and not set(guidance) & set(outcome.services):
                self.add(
                    (*here, "services"),
                    f"outcome '{outcome.id}' must list the guidance and counselling "
                    f"service '{guidance[0]}' (KotoL 10 §), which everyone can get",
                )
            for j, reading in enumerate(outcome.basis.readings):
                if reading not in readings:
                    self.add((*here, "basis", "readings", j), f"'{reading}' is not a reading under 'readings:'")

    def check_strings(self) -> None:
        present = {entry.id for entry in self.tree.strings}
        for string_id in REQUIRED_STRINGS:
            if string_id not in present:
                self.add(("strings",), f"interface text '{string_id}' is missing under 'strings:'")

    def check_graph(self) -> None:
        reachable = self._reachable()
        for node_id in {**self.questions, **self.outcomes}:
            if node_id not in reachable:
                self.add(
                    (*self.node_loc(node_id), "id"),
                    f"'{node_id}' cannot be reached from the start "
                    f"'{self.tree.start}'; link an answer to it or remove it",
                )
        if self._cycles():
            return
        self._coverage_and_depth()

    def _reachable(self) -> set[str]:
        seen: set[str] = set()
        stack = [self.tree.start]
        while stack:
            node_id = stack.pop()
            if node_id in seen:
                continue
            seen.add(node_id)
            node = self.tree.node(node_id)
            if isinstance(node, Question):
                stack.extend(node.options.values())
        return seen

    def _cycles(self) -> bool:
        state: dict[str, str] = {}  # node -> "open" while on the current path, "done" after
        found = False

        def visit(node_id: str, trail: list[str]) -> None:
            nonlocal found
            state[node_id] = "open"
            node = self.tree.node(node_id)
            if isinstance(node, Question):
                for value, next_id in node.options.items():
                    if state.get(next_id) == "open":
                        path = [*trail, node_id]  # a self-loop (next_id == node_id) is on it too
                        loop = [*path[path.index(next_id) :], next_id]
                        self.add(
                            (*self.node_loc(node_id), "options", value),
                            f"answer '{value}' of question "
                            f"'{node_id}' leads back round ({' → '.join(loop)}); every path must end in an outcome",
                        )
                        found = True
                    elif next_id not in state:
                        visit(next_id, [*trail, node_id])
            state[node_id] = "done"

        visit(self.tree.start, [])
        return found

    def _coverage_and_depth(self) -> None:
        reported: set[tuple[str, str]] = set()
        longest: dict[str, int] = {}

        def walk(node_id: str, known: dict[str, str], depth: int) -> None:
            node = self.tree.node(node_id)
            if isinstance(node, Outcome):
                if depth > MAX_QUESTIONS and depth > longest.get(node_id, 0):
                    longest[node_id] = depth
                return
            possible = [known[node.fact]] if node.fact in known else list(self.facts[node.fact])
            for value in possible:
                if value in node.options:
                    walk(node.options[value], {**known, node.fact: value}, depth + 1)
                elif (node.id, value) not in reported:
                    reported.add((node.id, value))
                    after = ", ".join(f"{fact}={v}" for fact, v in known.items()) or "the start"
                    self.add(
                        (*self.node_loc(node.id), "options"),
                        f"question '{node.id}' has no answer for "
                        f"'{value}' ({node.fact}), which can reach it (after {after})",
                    )

        walk(self.tree.start, {}, 0)
        for outcome_id, depth in longest.items():
            self.add(
                (*self.node_loc(outcome_id), "id"),
                f"a path to outcome '{outcome_id}' asks {depth} questions; at most {MAX_QUESTIONS} are allowed",
            )


def _not_a_value(value: str, fact: str, facts: dict[str, tuple[str, ...]]) -> str:
    return f"'{value}' is not a value of fact '{fact}'; its values are: {', '.join(facts[fact])}"
