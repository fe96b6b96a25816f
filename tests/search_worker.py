"""Material's own search worker, run in the browser on a search index of the built site."""

from __future__ import annotations

from playwright.sync_api import Page

WORKER = "assets/javascripts/workers/search.a7633da7.min.js"  # Material 9.8.2's search worker


def worker_search(
    page: Page, site_url: str, config: dict, docs: list[dict], queries: list[str], start: str = "api/services.json"
) -> list[list[str]]:
    """Run Material's own search worker on `docs` with `config`; the locations each query finds.

    From `start`: by default a page of the site's origin without the theme's scripts; a page of the
    site sends the queries as the search dialog does (kg-theme.js plainQuery)."""
    page.goto(site_url + start)
    return page.evaluate(
        """async ([url, index, queries]) => {
            const worker = new Worker(url);
            const ask = message => new Promise(resolve => {
                worker.onmessage = event => resolve(event.data);
                worker.postMessage(message);
            });
            await ask({type: 0, data: index});            // setup: builds the lunr index
            const found = [];
            for (const query of queries) {
                const result = await ask({type: 2, data: query});
                found.push(result.data.items.map(group => group[0].location));
            }
            worker.terminate();
            return found;
        }""",
        [site_url + WORKER, {"config": config, "docs": docs, "options": {"suggest": False}}, queries],
    )
