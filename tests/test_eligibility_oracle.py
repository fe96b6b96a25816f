"""The rules of docs/domain.md written a second time, as a plain function, and compared with the tree
in data/eligibility.yaml on every combination of the vocabulary's fact values (about 173,000).

The function below is deliberately written without looking at the tree's question order: it is the
law, the programme and the readings (R1-R12 in data/eligibility.yaml) stated directly. A
disagreement fails the test and names the facts of the first combinations that disagree.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from guide.eligibility.model import FACTS, MAX_QUESTIONS, EligibilityTree, Outcome
from guide.translations.loader import load_catalogue

REPO = Path(__file__).resolve().parent.parent
PROGRAMME = {"kuopio", "tuusniemi", "lapinlahti"}  # the counsellor serves all three (R2)
REFUGEE = {"quota", "asylum", "family_reunification", "temporary_protection"}  # R1, R2
Expected = tuple[str | None, str, str | None, int | None]  # provider, assessment, partner, review


def expected(f: dict[str, str]) -> Expected:
    """Who serves a person with facts `f`, and what they can get, by the rules of docs/domain.md."""
    jobseeker = f["jobseeker"] != "no"
    # R7: outside the three municipalities, non-job-seekers belong to their own municipality.
    if f["municipality"] == "elsewhere" or (f["municipality"] not in PROGRAMME and not jobseeker):
        return "own_municipality", "own_municipality", None, None
    # KotoL 2 §: the services need a permit or registration; KotoL 10 §: guidance for everyone, a task
    # of the municipality (KotoL 3 § moves only §§ 12-32 to the employment authority), so the city's
    # guidance service in the three municipalities, and one's own municipality elsewhere (R11). The
    # residence question comes first, so a refugee background is asked only of permit holders.
    if f["residence"] == "none":
        if f["municipality"] in PROGRAMME:
            return "international_house", "not_available", None, None
        return "own_municipality", "own_municipality", None, None
    refugee = f["refugee_background"] in REFUGEE
    # KotoL 3 §, programme 2.4 and Liite 1: job seekers -> employment authority, reviews every 3 months;
    # others -> the city's immigration counsellor, reviews at least every 6 months.
    provider = "employment_authority" if jobseeker else "immigration_counsellor"
    review = 3 if jobseeker else 6
    partner = None if jobseeker else multisectoral_partner(f)
    if f["years_since_first_permit"] == "over_3":
        if f["trafficking_victim"] == "yes":  # KotoL 15 § 4: the limit can be waived (R9)
            return provider, "if_needed", partner, review
        if f["has_plan"] == "yes":  # R6: an existing plan continues
            return provider, "not_available", None, review
        return ("employment_authority" if jobseeker else "international_house"), "not_available", None, None
    # KotoL 14 §: refugee background (R1), child home care allowance; programme 2.1: prolonged social
    # assistance (R3); unemployed job seekers (14 § 1, R5).
    always = refugee or f["home_care_allowance"] == "yes" or f["prolonged_social_assistance"] == "yes"
    if jobseeker:
        return provider, ("always" if always or f["jobseeker"] == "unemployed" else "if_needed"), None, review
    if always:
        return provider, "always", partner, review
    if f["requested_or_referred"] == "yes":  # KotoL 14 § 4: asked or referred, made if needed
        return provider, "if_needed", partner, review
    return provider, "on_request", partner, review


def multisectoral_partner(f: dict[str, str]) -> str:
    """Liite 1: who joins the counsellor's multisectoral assessment (R4, R12, R13).

    The minors rule (programme 2.2, R13): for everyone under 18 and everyone who came as an
    unaccompanied minor the counsellor always invites the wellbeing county, and working-age social
    services are never the partner for a child.
    """
    refugee = f["refugee_background"] in REFUGEE
    if f["under_18"] == "yes":
        if f["unaccompanied_minor"] == "yes":
            return "family_centre"  # Liite 1: unaccompanied minors, the family centre's social worker
        return "integration_social_work" if refugee else "family_centre"  # a refugee-background family
    if f["unaccompanied_minor"] == "yes":
        return "integration_social_work"  # Liite 1: aftercare youth
    if f["refugee_background"] in ("quota", "asylum"):
        return "integration_social_work"
    return "working_age_social_services"  # R4: adults only


@pytest.fixture(scope="module")
def tree() -> EligibilityTree:
    loaded = load_catalogue(REPO).eligibility
    assert loaded is not None
    return loaded


def every_combination() -> list[dict[str, str]]:
    return [dict(zip(FACTS, values, strict=True)) for values in itertools.product(*FACTS.values())]


@pytest.fixture(scope="module")
def walked(tree: EligibilityTree) -> list[tuple[dict[str, str], Outcome, int]]:
    """Every combination with the tree's outcome for it and the number of questions asked."""
    result = []
    for facts in every_combination():
        outcome, asked = tree.follow(facts)
        result.append((facts, outcome, len(asked)))
    return result


def test_the_product_is_the_whole_vocabulary(walked):
    assert len(walked) == 172_800


def disagreements(walked: list[tuple[dict[str, str], Outcome, int]]) -> list[str]:
    """Every combination on which the tree's outcome differs from the rules, in words."""
    found = []
    for facts, outcome, _ in walked:
        got = (outcome.provider, outcome.assessment, outcome.multisectoral_partner, outcome.plan_review_months)
        want = expected(facts)
        if got != want:
            found.append(f"{facts}: tree says {got} (outcome '{outcome.id}'), the rules say {want}")
    return found


def test_tree_agrees_with_the_rules_on_every_combination(walked):
    found = disagreements(walked)
    assert not found, f"{len(found)} combinations disagree, e.g.:\n" + "\n".join(found[:5])


def test_services_follow_the_readings_on_every_combination(walked):
    catalogue = load_catalogue(REPO)
    guidance = {s.id for s in catalogue.services if 10 in s.kotol_sections}
    youth = {"nuorten-ryhma", "tuva-s2", "perusopetukseen-valmistava-opetus"}
    wrong = []
    for facts, outcome, _ in walked:
        services = set(outcome.services)
        if not services & guidance:
            wrong.append(f"{facts}: '{outcome.id}' lacks guidance and counselling (KotoL 10 §)")
        if "kotoutumiskoulutus" in services and facts["under_18"] == "yes":
            wrong.append(f"{facts}: '{outcome.id}' offers integration training to an under-18 (R8)")
        if services & youth and facts["under_18"] == "no":
            wrong.append(f"{facts}: '{outcome.id}' offers youth education to an adult (R8)")
        if outcome.assessment == "always" and not (services & youth or "kotoutumiskoulutus" in services):
            wrong.append(f"{facts}: '{outcome.id}' names neither integration training nor youth education (R8)")
    assert not wrong, f"{len(wrong)} combinations are wrong, e.g.:\n" + "\n".join(wrong[:5])


def test_no_path_asks_more_than_eight_questions(walked):
    assert max(asked for _, _, asked in walked) <= MAX_QUESTIONS


def test_the_oracle_finds_a_deliberately_wrong_tree(tmp_path):
    # R2: the counsellor serves Tuusniemi as Kuopio. A tree that sends Tuusniemi's residents down the
    # branch of the rest of the employment area sends those who are not job seekers to their own
    # municipality; the oracle must name exactly those combinations.
    for part in ("data", "translations"):
        shutil.copytree(REPO / part, tmp_path / part)
    tree_file = tmp_path / "data" / "eligibility.yaml"
    right = "      tuusniemi: tyonhakija   # R2"
    text = tree_file.read_text(encoding="utf-8")
    assert text.count(right) == 1
    tree_file.write_text(text.replace(right, "      tuusniemi: tyonhakija-muu-kunta  # wrong:"), encoding="utf-8")
    wrong = load_catalogue(tmp_path).eligibility
    assert wrong is not None
    found = disagreements([(facts, wrong.follow(facts)[0], 0) for facts in every_combination()])
    affected = [
        facts
        for facts in every_combination()
        if facts["municipality"] == "tuusniemi" and facts["residence"] != "none" and facts["jobseeker"] == "no"
    ]
    assert len(found) == len(affected) > 0
    assert all("'municipality': 'tuusniemi'" in line and "tree says ('own_municipality'" in line for line in found)


def test_no_child_gets_working_age_social_services(walked):
    # Programme 2.2 (R13): the wellbeing county is always invited for minors, never its working-age services.
    wrong = [
        f"{facts}: '{outcome.id}'"
        for facts, outcome, _ in walked
        if outcome.multisectoral_partner == "working_age_social_services"
        and "yes" in (facts["under_18"], facts["unaccompanied_minor"])
    ]
    assert not wrong, f"{len(wrong)} combinations name working-age services for a minor, e.g.:\n" + "\n".join(wrong[:5])


def test_every_minor_served_by_the_counsellor_has_the_wellbeing_county(walked):
    wrong = [
        f"{facts}: '{outcome.id}'"
        for facts, outcome, _ in walked
        if outcome.provider == "immigration_counsellor"
        and outcome.assessment != "not_available"
        and "yes" in (facts["under_18"], facts["unaccompanied_minor"])
        and outcome.multisectoral_partner not in ("family_centre", "integration_social_work")
    ]
    assert not wrong, f"{len(wrong)} combinations, e.g.:\n" + "\n".join(wrong[:5])


def test_without_a_permit_at_most_two_questions(walked):
    asked = {count for facts, _, count in walked if facts["residence"] == "none"}
    assert max(asked) <= 2, asked
