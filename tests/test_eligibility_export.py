"""site/api/eligibility.json, from the real build, has exactly the shape docs/contract.md fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from guide.core.languages import LANGUAGES
from guide.eligibility.model import FACTS
from po_files import translated

ASSESSMENTS = {"always", "if_needed", "on_request", "not_available", "own_municipality"}
PARTNERS = {"integration_social_work", "family_centre", "working_age_social_services", None}


@pytest.fixture(scope="module")
def exported(built_site: Path) -> dict:
    return json.loads((built_site / "api" / "eligibility.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(built_site: Path) -> dict:
    return json.loads((built_site / "api" / "services.json").read_text(encoding="utf-8"))


def test_start_and_page_per_language(exported, built_site):
    assert exported["start"] == "oleskelu"  # residence first (issue 15); the start id may change
    assert exported["page"]["fi"] == "/kuka-saa-palvelua/"
    assert exported["page"]["en"] == "/en/kuka-saa-palvelua/"
    for language, url in exported["page"].items():
        assert (built_site / url.strip("/") / "index.html").is_file(), language
    assert exported["nodes"][exported["start"]]["kind"] == "question"


def test_questions_ask_one_fact_of_the_vocabulary(exported):
    nodes = exported["nodes"]
    questions = {k: v for k, v in nodes.items() if v["kind"] == "question"}
    assert questions
    for node_id, question in questions.items():
        assert set(question) <= {"kind", "fact", "text", "options", "help"}, node_id
        assert question["fact"] in FACTS
        assert question["text"]["fi"] and question["text"]["en"]
        for option in question["options"]:
            assert set(option) == {"value", "label", "next"}
            assert option["value"] in FACTS[question["fact"]], node_id
            assert option["label"]["fi"]
            assert option["next"] in nodes


def test_outcomes_have_the_contract_fields(exported, services):
    organisations = {o["id"] for o in services["organisations"]}
    service_ids = {s["id"] for s in services["services"]}
    guidance = {s["id"] for s in services["services"] if 10 in s["kotol_sections"]}
    outcomes = {k: v for k, v in exported["nodes"].items() if v["kind"] == "outcome"}
    assert len(outcomes) >= 10
    for node_id, outcome in outcomes.items():
        assert {
            "provider",
            "assessment",
            "multisectoral_partner",
            "plan_review_months",
            "services",
            "title",
            "text",
        } <= set(outcome), node_id
        assert outcome["provider"] in organisations | {"own_municipality", None}
        assert outcome["assessment"] in ASSESSMENTS
        assert outcome["multisectoral_partner"] in PARTNERS
        assert outcome["plan_review_months"] in (3, 6, None)
        assert set(outcome["services"]) <= service_ids
        assert set(outcome["services"]) & guidance, f"{node_id} lacks guidance and counselling"
        assert outcome["title"]["fi"] and outcome["text"]["fi"] and outcome["text"]["en"]


def test_the_contract_example_reads_the_same(exported):
    # The contract's example node: asuinpaikka asks the municipality; Kuopio leads on to the job-seeker question.
    start = exported["nodes"]["asuinpaikka"]
    assert start["fact"] == "municipality"
    assert start["text"]["fi"] == "Missä kunnassa asut?"
    kuopio = next(o for o in start["options"] if o["value"] == "kuopio")
    key = "eligibility/facts/municipality/values/kuopio/label"
    translations = {language: translated(language).get(key, ("", "")) for language in LANGUAGES if language != "fi"}
    assert kuopio["label"] == {"fi": "Kuopio"} | {
        language: msgstr for language, (msgid, msgstr) in translations.items() if msgstr and msgid == "Kuopio"
    }
    assert kuopio["label"]["en"] == "Kuopio"  # the contract's example
    assert exported["nodes"][kuopio["next"]]["fact"] == "jobseeker"


def test_deterministic_text(built_site):
    text = (built_site / "api" / "eligibility.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def test_paths_table_is_up_to_date():
    from guide.eligibility.export import PATHS_FILE, paths_markdown
    from guide.translations.loader import load_catalogue

    repo = Path(__file__).resolve().parent.parent
    tree = load_catalogue(repo).eligibility
    assert tree is not None
    committed = (repo / PATHS_FILE).read_text(encoding="utf-8")
    assert committed == paths_markdown(tree), "docs/eligibility-paths.md is stale: run `make paths`"
