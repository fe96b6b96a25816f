"""Each rule of the eligibility tree's validation, broken once in a small fixture tree, gives one
`data/eligibility.yaml:line:column: message` line a content editor can act on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from catalogue_fixture import MINIMAL, line_of
from guide.core.problems import DataError
from guide.eligibility.model import MAX_QUESTIONS
from guide.translations.loader import load_catalogue

TREE = Path(__file__).parent / "fixtures" / "eligibility" / "eligibility.yaml"
REPO = Path(__file__).resolve().parent.parent
FILE = "eligibility.yaml"


def tree_copy(tmp_path: Path, old: str = "", new: str = "") -> Path:
    """The minimal catalogue with the fixture tree, `old` replaced by `new` (once) in the tree."""
    root = tmp_path / "catalogue"
    shutil.copytree(MINIMAL, root)
    text = TREE.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found"
    (root / "data" / FILE).write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(root)
    return [str(problem) for problem in caught.value.problems]


def test_fixture_tree_is_valid_and_loaded_with_the_catalogue(tmp_path):
    tree = load_catalogue(tree_copy(tmp_path)).eligibility
    assert tree is not None
    assert [o.id for o in tree.outcomes] == ["te", "ohjaaja", "muualla"]


def test_repository_tree_is_valid():
    tree = load_catalogue(REPO).eligibility
    assert tree is not None and tree.start == "oleskelu"  # residence first (issue 15)


def test_start_must_exist(tmp_path):
    root = tree_copy(tmp_path, "start: asuinpaikka", "start: asuinpaika")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'start: asuinpaika')}:8: the start 'asuinpaika' is not the id "
        "of a question or outcome in this file; did you mean 'asuinpaikka'?"
    ]


def test_every_node_must_be_reachable(tmp_path):
    root = tree_copy(tmp_path, '      "no": ohjaaja', '      "no": te')
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, '- id: ohjaaja')}:9: 'ohjaaja' cannot be reached from the "
        "start 'asuinpaikka'; link an answer to it or remove it"
    ]


def test_no_cycles(tmp_path):
    root = tree_copy(tmp_path, "      employed: te", "      employed: asuinpaikka")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'employed: asuinpaikka')}:17: answer 'employed' of question "
        "'tyonhakija' leads back round (asuinpaikka → tyonhakija → asuinpaikka); every path must end in an outcome"
    ]


def test_every_answer_leads_to_a_node_so_every_path_ends_in_an_outcome(tmp_path):
    root = tree_copy(tmp_path, "      employed: te", "      employed: tee")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'employed: tee')}:17: answer 'employed' of question "
        "'tyonhakija' leads to 'tee', which is not a question or outcome; did you mean 'te'?"
    ]


def test_question_must_cover_every_value_that_can_reach_it(tmp_path):
    root = tree_copy(tmp_path, "      lapinlahti: tyonhakija\n", "")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'kuopio: tyonhakija')}:7: question 'asuinpaikka' has no "
        "answer for 'lapinlahti' (municipality), which can reach it (after the start)"
    ]


def test_values_ruled_out_on_every_path_need_no_answer(tmp_path):
    # Asking the municipality again after it is known: only the known value can reach the question.
    root = tree_copy(
        tmp_path,
        "      other_employment_area: muualla\n      elsewhere: muualla\n",
        "      other_employment_area: uudelleen\n      elsewhere: muualla\n"
        "  - id: uudelleen\n    fact: municipality\n    options:\n      other_employment_area: muualla\n",
    )
    assert load_catalogue(root).eligibility is not None


def test_coverage_names_the_answers_on_the_way(tmp_path):
    root = tree_copy(
        tmp_path,
        "      other_employment_area: muualla\n      elsewhere: muualla\n",
        "      other_employment_area: uudelleen\n      elsewhere: uudelleen\n"
        "  - id: uudelleen\n    fact: municipality\n    options:\n      other_employment_area: muualla\n",
    )
    line = line_of(root, FILE, "other_employment_area: muualla")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line}:7: question 'uudelleen' has no answer for 'elsewhere' (municipality), "
        "which can reach it (after municipality=elsewhere)"
    ]


def test_facts_only_from_the_vocabulary(tmp_path):
    root = tree_copy(tmp_path, "    fact: jobseeker", "    fact: job_seeker")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'fact: job_seeker')}:11: 'job_seeker' in question 'tyonhakija' "
        "is not a fact of the vocabulary (docs/contract.md); did you mean 'jobseeker'?"
    ]


def test_values_only_from_the_vocabulary(tmp_path):
    root = tree_copy(tmp_path, "      unemployed: te", "      unemployd: te")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'unemployd: te')}:7: 'unemployd' is not a value of fact "
        "'jobseeker'; its values are: unemployed, employed, no (in question 'tyonhakija')"
    ]


def test_outcome_services_must_exist(tmp_path):
    old = "    services: [ohjaus-ja-neuvonta, palvelutarpeen-arviointi]\n    contacts"
    root = tree_copy(tmp_path, old, old.replace("arviointi]", "arvionti]"))
    line = line_of(root, FILE, "palvelutarpeen-arvionti]")
    column = old.index("palvelutarpeen") + 1
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line}:{column}: 'palvelutarpeen-arvionti' is not a service id in data/services.yaml; "
        "did you mean 'palvelutarpeen-arviointi'?"
    ]


def test_every_outcome_lists_guidance_and_counselling(tmp_path):
    root = tree_copy(tmp_path, "    services: [ohjaus-ja-neuvonta]", "    services: [palvelutarpeen-arviointi]")
    line = line_of(root, FILE, "services: [palvelutarpeen-arviointi]")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line}:15: outcome 'muualla' must list the guidance and counselling service "
        "'ohjaus-ja-neuvonta' (KotoL 10 §), which everyone can get"
    ]


def test_texts_must_be_present_in_finnish(tmp_path):
    root = tree_copy(tmp_path, "      fi: Työvoimaviranomainen palvelee sinua\n", "")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'en: The employment authority serves you')}:7: the Finnish "
        "text (fi) of 'title' is missing in outcome 'te'"
    ]


def test_provider_must_be_an_organisation(tmp_path):
    root = tree_copy(tmp_path, "    provider: employment_authority", "    provider: employment")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'provider: employment')}:15: 'employment' in outcome 'te' is "
        "not an organisation id in data/organisations.yaml nor 'own_municipality'; did you mean 'employment_authority'?"
    ]


def test_tree_problems_are_reported_with_the_catalogues(tmp_path):
    root = tree_copy(tmp_path, "start: asuinpaikka", "start: asuinpaika")
    services = root / "data" / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace("kotol_sections: [14]", "kotol_section: [14]"))
    problems = problems_of(root)
    assert any(p.startswith("data/eligibility.yaml:3:8: the start 'asuinpaika'") for p in problems)
    assert any(p.startswith("data/services.yaml:") and "'kotol_section'" in p for p in problems)


def test_an_answer_leading_to_its_own_question_is_a_cycle_not_a_crash(tmp_path):
    root = tree_copy(tmp_path, "      employed: te", "      employed: tyonhakija")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'employed: tyonhakija')}:17: answer 'employed' of question "
        "'tyonhakija' leads back round (tyonhakija → tyonhakija); every path must end in an outcome"
    ]


def test_ids_are_unique_across_questions_and_outcomes(tmp_path):
    question = '  - id: te\n    fact: jobseeker\n    options: {unemployed: te, employed: te, "no": te}\n'
    root = tree_copy(tmp_path, "\noutcomes:\n", f"{question}\noutcomes:\n")
    [problem] = problems_of(root)
    assert problem == (
        f"data/eligibility.yaml:{line_of(root, FILE, '- id: te', 2)}:9: the id 'te' is already used on line "
        f"{line_of(root, FILE, '- id: te')}; every id must be unique"
    )


def test_reserved_id_is_refused(tmp_path):
    root = tree_copy(tmp_path, "  - id: muualla\n", "  - id: kaavio\n")
    problems = problems_of(root)
    line = line_of(root, FILE, "- id: kaavio")
    assert f"data/eligibility.yaml:{line}:9: the id 'kaavio' is reserved for a page of the site; choose another" in (
        problems
    )


def test_unknown_section_is_named(tmp_path):
    root = tree_copy(tmp_path, "readings:\n", "reading_list: []\nreadings:\n")
    [problem] = problems_of(root)
    assert problem.startswith(f"data/eligibility.yaml:{line_of(root, FILE, 'reading_list')}:1: unknown section")


def test_outcome_contacts_must_be_organisations(tmp_path):
    root = tree_copy(tmp_path, "    contacts: [employment_authority]", "    contacts: [employment_authorty]")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'employment_authorty')}:16: 'employment_authorty' is not an "
        "organisation id in data/organisations.yaml; did you mean 'employment_authority'?"
    ]


def test_outcome_readings_must_exist(tmp_path):
    root = tree_copy(tmp_path, "      readings: [R7]", "      readings: [R8]")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'readings: [R8]')}:18: 'R8' is not a reading under 'readings:'"
    ]


def test_every_interface_text_of_the_page_is_present(tmp_path):
    root = tree_copy(tmp_path, "  - {id: print, text: {fi: teksti print}}\n", "")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'strings:') + 1}:3: "
        "interface text 'print' is missing under 'strings:'"
    ]


def test_every_value_of_a_fact_has_a_label(tmp_path):
    root = tree_copy(tmp_path, "      - {id: employed, label: {fi: Olen töissä}}\n", "")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, '- {id: unemployed')}:7: "
        "fact 'jobseeker' has no label for: employed"
    ]


def test_a_question_needs_the_texts_of_its_fact(tmp_path):
    text = TREE.read_text(encoding="utf-8")
    start, end = text.index("  - id: jobseeker\n"), text.index("questions:")
    root = tree_copy(tmp_path, text[start:end], "\n")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'fact: jobseeker')}:11: fact 'jobseeker' of question "
        "'tyonhakija' has no texts under 'facts:'"
    ]


def test_quick_exit_must_be_an_https_address(tmp_path):
    root = tree_copy(tmp_path, "quick_exit_url: https://", "quick_exit_url: http://")
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, 'quick_exit_url:')}:17: the address "
        "'http://www.ilmatieteenlaitos.fi/' in 'quick_exit_url' in the tree must start with https://, mailto: or tel:"
    ]


def test_no_path_asks_more_than_the_maximum_of_questions(tmp_path):
    # One question too many in a row: the municipality asked again and again on the way to 'muualla'.
    chain = "".join(
        f"  - id: kysymys-{n}\n    fact: municipality\n    options:\n      elsewhere: "
        f"{'muualla' if n == MAX_QUESTIONS else f'kysymys-{n + 1}'}\n"
        for n in range(1, MAX_QUESTIONS + 1)
    )
    root = tree_copy(tmp_path, "      elsewhere: muualla\n", "      elsewhere: kysymys-1\n" + chain)
    assert problems_of(root) == [
        f"data/eligibility.yaml:{line_of(root, FILE, '- id: muualla')}:9: a path to outcome 'muualla' asks "
        f"{MAX_QUESTIONS + 1} questions; at most {MAX_QUESTIONS} are allowed"
    ]
