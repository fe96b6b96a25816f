"""Lighthouse (mobile) on the home page, a service page and the eligibility page in fi and ar:
accessibility, best practices and SEO at 1.0. About 20 s a page, so `make test` leaves it out
(marker `lighthouse`); `make lighthouse` runs the same audit and prints every score."""

from __future__ import annotations

import pytest

from lighthouse_audit import LIGHTHOUSE, REQUIRED, audit_site, table


@pytest.mark.lighthouse
def test_lighthouse_accessibility_best_practices_and_seo_are_perfect(tmp_path):
    if not LIGHTHOUSE.is_file():
        pytest.fail("Lighthouse is missing: run `make tools`")
    results = audit_site(tmp_path)
    print(table(results))
    assert len(results) >= 4  # home and a service page in both languages, the eligibility page where built
    below = [
        f"{page}: {name} {scores[name]}" for page, scores in results.items() for name in REQUIRED if scores[name] < 1
    ]
    assert below == [], table(results)
