"""The eligibility tree's pages, rendered through templates in overrides/kuopio/eligibility*.html.

- `kuka-saa-palvelua/`: the interactive page. Without JavaScript it shows the first question as
  links; content/javascripts/eligibility.js turns it into one question at a time.
- `kuka-saa-palvelua/<node-id>/`: one static page per question and outcome, so the whole tree works
  without JavaScript (and for crawlers and screen readers).
- `kuka-saa-palvelua/kaavio/`: the diagram for staff, inline SVG laid out here, with its text.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from guide.core import urls
from guide.core.languages import direction
from guide.eligibility.model import EligibilityTree, Outcome, Question, Step, paths
from guide.catalogue.models import Catalogue
from guide.core.languages import DEFAULT_LANGUAGE
from guide.core.records import Text
from guide.core.urls import TREE_PAGE
from guide.eligibility.model import REQUIRED_STRINGS
from guide.site.pages import GeneratedPage, PageContext

DIAGRAM_PAGE = "kuka-saa-palvelua/kaavio.md"
SCRIPT = "javascripts/eligibility.js"
STYLESHEET = "stylesheets/eligibility.css"


def node_source(node_id: str) -> str:
    """The (virtual) Markdown source of a node's static page."""
    return f"kuka-saa-palvelua/{node_id}.md"


@dataclass(frozen=True)
class TreeContext(PageContext):
    """A PageContext that also speaks the tree's own interface texts and links to its nodes."""

    tree: EligibilityTree | None = None

    @property
    def eligibility(self) -> EligibilityTree:
        """The tree (always given for the tree's pages)."""
        assert self.tree is not None
        return self.tree

    def u(self, string_id: str) -> Markup:
        """An interface text of the tree in the page language (or Finnish, marked as such)."""
        return self.say(self.eligibility.string(string_id))

    def u_plain(self, string_id: str) -> str:
        """An interface text as plain text, for data-* attributes the script reads."""
        return self.eligibility.string(string_id).best(self.language)[0]

    def u_format(self, string_id: str, **values: object) -> Markup:
        """An interface text with its {placeholders} filled in (values are escaped)."""
        text = self.eligibility.string(string_id)
        return self.say_filled(text, f"eligibility/strings/{string_id}/text", **values)

    def question_text(self, question: Question) -> Markup:
        """The question as residents read it."""
        return self.say(self.eligibility.question_text(question))

    def question_help(self, question: Question) -> Markup | None:
        """The explanation under a question, if any."""
        text = self.eligibility.question_help(question)
        return self.say(text) if text else None

    def label(self, question: Question, value: str) -> Markup:
        """The label of one answer to a question."""
        return self.say(self.eligibility.fact(question.fact).label(value))

    def plain(self, text: Text) -> str:
        """A text as plain text in the best language (for titles in front matter)."""
        return text.best(self.language)[0]

    def node_link(self, node_id: str) -> str:
        """A relative link to a node's static page."""
        return self.link(node_source(node_id))

    def script_link(self) -> str:
        """A relative link to the tree's script, served from the site itself."""
        return urls.relative(SCRIPT, urls.page_path(self.src_uri, self.language))

    def stylesheet_link(self) -> str:
        """A relative link to the tree's stylesheet (question pages, results and the printed sheet)."""
        return urls.relative(STYLESHEET, urls.page_path(self.src_uri, self.language))

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr': the reader's half of the printed sheet carries it."""
        return direction(self.language)

    @property
    def finnish(self) -> TreeContext:
        """The same page spoken in Finnish: the Finnish half of the printed sheet (no links in it)."""
        return TreeContext(
            catalogue=self.catalogue,
            language=DEFAULT_LANGUAGE,
            src_uri=self.src_uri,
            environment=self.environment,
            tree=self.tree,
        )

    def back_link(self, previous: str | None) -> str | None:
        """The page of the previous question when only one question leads here, else None."""
        if previous is None:
            return None
        return self.link(TREE_PAGE) if previous == self.eligibility.start else self.node_link(previous)

    def provider_name(self, outcome: Outcome) -> Markup | None:
        """Who serves the person, or None when nobody in particular does."""
        if outcome.provider is None:
            return None
        if outcome.provider == "own_municipality":
            return self.u("provider_own_municipality")
        return self.say(self.catalogue.organisation(outcome.provider).name)


@dataclass(frozen=True)
class Box:
    """A node of the diagram: its place and its two lines of text."""

    node_id: str
    kind: str
    x: int
    y: int
    line1: str
    line2: str


@dataclass(frozen=True)
class Edge:
    """An answer in the diagram: a curve from a question to the next node, labelled with the value."""

    path: str
    label: str
    label_x: int
    label_y: int


@dataclass(frozen=True)
class Diagram:
    """The laid-out diagram: boxes in rows by depth, and the answers between them."""

    width: int
    height: int
    box_width: int
    box_height: int
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]


BOX_WIDTH, BOX_HEIGHT, GAP_X, GAP_Y, MARGIN = 168, 40, 14, 84, 10


def diagram(tree: EligibilityTree) -> Diagram:
    """Lay the tree out in rows: a node's row is the longest number of answers leading to it."""
    depth: dict[str, int] = {}
    order: list[str] = []

    def visit(node_id: str, level: int) -> None:
        if node_id not in depth:
            order.append(node_id)
        if depth.get(node_id, -1) >= level:
            return
        depth[node_id] = level
        node = tree.node(node_id)
        if isinstance(node, Question):
            for next_id in dict.fromkeys(node.options.values()):
                visit(next_id, level + 1)

    visit(tree.start, 0)
    rows: dict[int, list[str]] = {}
    for node_id in order:
        rows.setdefault(depth[node_id], []).append(node_id)
    width = max(len(row) for row in rows.values()) * (BOX_WIDTH + GAP_X) - GAP_X + 2 * MARGIN
    place: dict[str, tuple[int, int]] = {}
    for level, row in sorted(rows.items()):
        row_width = len(row) * (BOX_WIDTH + GAP_X) - GAP_X
        left = (width - row_width) // 2
        for index, node_id in enumerate(row):
            place[node_id] = (left + index * (BOX_WIDTH + GAP_X), MARGIN + level * (BOX_HEIGHT + GAP_Y))
    boxes = tuple(_box(tree, node_id, place[node_id]) for node_id in order)
    edges = []
    for question in tree.questions:
        x0, y0 = place[question.id]
        targets: dict[str, list[str]] = {}
        for value, next_id in question.options.items():
            targets.setdefault(next_id, []).append(value)
        for next_id, values in targets.items():
            x1, y1 = place[next_id]
            start = (x0 + BOX_WIDTH // 2, y0 + BOX_HEIGHT)
            end = (x1 + BOX_WIDTH // 2, y1)
            bend = (end[1] - start[1]) // 2
            path = f"M{start[0]},{start[1]} C{start[0]},{start[1] + bend} {end[0]},{end[1] - bend} {end[0]},{end[1]}"
            label_x = start[0] + (end[0] - start[0]) // 3
            label_y = start[1] + min(bend // 2, 30) + 4
            edges.append(Edge(path, ", ".join(values), label_x, label_y))
    height = MARGIN * 2 + (max(rows) + 1) * (BOX_HEIGHT + GAP_Y) - GAP_Y
    return Diagram(width, height, BOX_WIDTH, BOX_HEIGHT, boxes, tuple(edges))


def _box(tree: EligibilityTree, node_id: str, at: tuple[int, int]) -> Box:
    node = tree.node(node_id)
    if isinstance(node, Question):
        return Box(node_id, "question", at[0], at[1], node_id, node.fact)
    return Box(node_id, "outcome", at[0], at[1], node_id, f"{node.provider or '-'} · {node.assessment}")


def unique_paths(tree: EligibilityTree) -> dict[str, tuple[Step, ...] | None]:
    """For each node, the answers that lead to it when only one way does; None when several do."""
    found: dict[str, set[tuple[Step, ...]]] = {}
    for path in paths(tree):
        for index in range(len(path.steps) + 1):
            node_id = path.steps[index].question if index < len(path.steps) else path.outcome
            found.setdefault(node_id, set()).add(path.steps[:index])
    return {node_id: next(iter(ways)) if len(ways) == 1 else None for node_id, ways in found.items()}


def previous_questions(tree: EligibilityTree) -> dict[str, str]:
    """For each node whose every way in comes from one question, that question (the back link)."""
    found: dict[str, set[str]] = {}
    for question in tree.questions:
        for next_id in question.options.values():
            found.setdefault(next_id, set()).add(question.id)
    return {node_id: next(iter(ids)) for node_id, ids in found.items() if len(ids) == 1}


def eligibility_pages(catalogue: Catalogue, language: str, environment: Environment) -> list[GeneratedPage]:
    """The tree's pages in `language`: the interactive page, a page per node, and the diagram."""
    tree = catalogue.eligibility
    if tree is None:
        return []
    pages: list[tuple[str, str, dict[str, object]]] = [
        (TREE_PAGE, "kuopio/eligibility.html", {}),
        (DIAGRAM_PAGE, "kuopio/eligibility_diagram.html", {}),
    ]
    pages += [
        (node_source(n.id), "kuopio/eligibility_node.html", {"node": n, "is_question": True}) for n in tree.questions
    ]
    pages += [
        (node_source(n.id), "kuopio/eligibility_node.html", {"node": n, "is_question": False}) for n in tree.outcomes
    ]
    ways = unique_paths(tree)
    previous = previous_questions(tree)
    result = []
    for src_uri, template, extra in pages:
        page = TreeContext(catalogue=catalogue, language=language, src_uri=src_uri, environment=environment, tree=tree)
        if src_uri == DIAGRAM_PAGE:
            extra = {"diagram": diagram(tree)}
        elif isinstance(node := extra.get("node"), Question | Outcome):
            extra = extra | {"way": ways.get(node.id), "previous": previous.get(node.id)}
        source = environment.get_template(template).render(
            page=page,
            catalogue=catalogue,
            tree=tree,
            lang=language,
            default_language=DEFAULT_LANGUAGE,
            **extra,
        )
        result.append(GeneratedPage(src_uri, source))
    return result
