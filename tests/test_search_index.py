"""The per-language search indexes: split from what Material wrote, with each service's keywords."""

from __future__ import annotations

import json
from pathlib import Path

import material

from catalogue_fixture import MINIMAL
from guide.catalogue.models import Catalogue
from guide.core.languages import LANGUAGES
from guide.core.records import Text
from guide.mkdocs.search_index import LUNR, index_path, language_index, search_base
from guide.translations.loader import load_catalogue

ROOT = "fi"
BUILT = list(LANGUAGES)


def _catalogue_with_keywords() -> Catalogue:
    catalogue = load_catalogue(MINIMAL)
    first, *rest = catalogue.services
    keywords = Text(fi="Kela, TE-palvelut, kielikurssi", en="job centre, Kela, language course")
    return catalogue.model_copy(update={"services": (first.model_copy(update={"keywords": keywords}), *rest)})


def _merged(*locations: str) -> dict:
    """An index as Material and i18n write it: every language, locations from the site root."""
    fields = {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}
    docs = [{"location": location, "title": location or "home", "text": "x"} for location in locations]
    return {"config": {"lang": ["fi", "en"], "separator": "[\\s\\-]+", "pipeline": [], "fields": fields}, "docs": docs}


MERGED = _merged("", "palvelut/ohjaus-ja-neuvonta/", "en/", "en/palvelut/ohjaus-ja-neuvonta/#who-for", "fa/", "sv/")


def test_root_language_keeps_only_its_own_pages():
    index = language_index(MERGED, load_catalogue(MINIMAL), ROOT, ROOT, BUILT)
    assert [doc["location"] for doc in index["docs"]] == ["", "palvelut/ohjaus-ja-neuvonta/"]


def test_other_language_keeps_its_pages_with_locations_from_its_own_root():
    index = language_index(MERGED, load_catalogue(MINIMAL), "en", ROOT, BUILT)
    assert [doc["location"] for doc in index["docs"]] == ["", "palvelut/ohjaus-ja-neuvonta/#who-for"]


def test_an_entry_collected_twice_keeps_its_latest_text():
    merged = _merged("en/", "en/")
    merged["docs"][1]["text"] = "newer"
    index = language_index(merged, load_catalogue(MINIMAL), "en", ROOT, BUILT)
    assert [(doc["location"], doc["text"]) for doc in index["docs"]] == [("", "newer")]


def test_service_page_carries_the_readers_keywords_then_the_finnish_ones():
    catalogue = _catalogue_with_keywords()
    en = language_index(MERGED, catalogue, "en", ROOT, BUILT)
    fi = language_index(MERGED, catalogue, ROOT, ROOT, BUILT)
    assert [doc.get("keywords") for doc in en["docs"]] == [None, None]  # a section, not the page
    page = next(doc for doc in fi["docs"] if doc["location"] == "palvelut/ohjaus-ja-neuvonta/")
    service = catalogue.service("ohjaus-ja-neuvonta")
    providers = [catalogue.organisation(row.provider).name for row in service.responsibility.values()]
    # its own name, the reader's keywords, the Finnish ones, then who provides it (Liite 1)
    assert page["keywords"][:4] == [service.title.fi, "Kela", "TE-palvelut", "kielikurssi"]
    assert page["keywords"][4:] == list(dict.fromkeys(name.fi for name in providers))
    en_page = language_index(_merged("en/palvelut/ohjaus-ja-neuvonta/"), catalogue, "en", ROOT, BUILT)["docs"][0]
    en_title = service.title.best("en")[0]
    assert en_page["keywords"][:6] == [en_title, "job centre", "Kela", "language course", "TE-palvelut", "kielikurssi"]
    assert providers[0].best("en")[0] in en_page["keywords"][6:]
    assert en["config"]["fields"]["keywords"]["boost"] > en["config"]["fields"]["text"]["boost"]
    assert en_page["boost"] > 1  # the service's own page outranks pages that only mention it


def test_each_language_gets_lunr_settings_its_worker_can_load():
    lunr_dir = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
    shipped = {path.name.split(".")[1] for path in lunr_dir.glob("lunr.*.min.js")}
    for language in LANGUAGES:
        config = language_index(MERGED, load_catalogue(MINIMAL), language, ROOT, BUILT)["config"]
        assert config["lang"] == LUNR[language][0]
        assert all(lang == "en" or lang in shipped for lang in config["lang"]), language
        assert "stemmer" not in config["pipeline"] and "trimmer" not in config["pipeline"]


def test_search_base_is_the_pages_language_root():
    assert search_base("../..", ROOT, ROOT) == "../.."
    assert search_base("../../..", "ru", ROOT) == "../../../ru/"
    assert search_base("/", "fa", ROOT) == "/fa/"
    assert index_path("ru", ROOT) == "ru/search/search_index.json"
    assert index_path(ROOT, ROOT) == "search/search_index.json"


def test_built_site_has_one_index_per_language_whose_results_lead_to_its_own_pages(built_site: Path):
    for language in LANGUAGES:
        root = built_site if language == ROOT else built_site / language
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        pages = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert len(pages) > 10, language
        missing = [page for page in pages if not (root / page / "index.html").is_file()]
        assert missing == [], language
        if language == ROOT:
            assert not any(page.startswith(tuple(f"{other}/" for other in LANGUAGES)) for page in pages)
