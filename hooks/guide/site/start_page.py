"""The start of each language's home page: the one question residents have, as the main action into
the eligibility tool, and the entrances by life situation, generated from the data's life
situations (data/services.yaml), each to the service directory filtered to that situation.

The panel is rendered from overrides/kuopio/start.html and put right after the home page's
heading (the written page below it stays as it is, in every language).
"""

from __future__ import annotations

from jinja2 import Environment

from guide.site.chrome import TOOL
from guide.site.directory import PARAMETERS
from guide.catalogue.models import Catalogue
from guide.site.pages import PageContext

HOME = "index.md"


def situation_page(situation_id: str) -> str:
    """The pre-built directory page of one life situation (palveluhakemisto/tilanne/<id>/)."""
    return f"palveluhakemisto/{PARAMETERS['situation']}/{situation_id}/index.md"


def start_panel(catalogue: Catalogue, language: str, environment: Environment) -> str:
    """The start panel's HTML for the home page in `language`."""
    page = PageContext(catalogue, language, HOME, environment)
    return environment.get_template("kuopio/start.html").render(
        page=page, catalogue=catalogue, tool=page.link(TOOL), situation_page=situation_page
    )


def with_start_panel(html: str, panel: str) -> str:
    """The home page's content with the start panel right after its first heading."""
    head, found, rest = html.partition("</h1>")
    return f"{head}{found}{panel}{rest}" if found else panel + html
