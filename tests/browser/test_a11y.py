"""Accessibility in a real browser: an axe-core audit of every page in both languages and in presentation
mode (no "serious" or "critical" violation), and one journey done with the keyboard alone."""

from __future__ import annotations

import pytest

from tests.browser.server import wait_idle
from tests.browser.test_journeys import assert_healthy

# Every page of app.py, by its url_path ("" is the default page, the Overview).
PAGES = ["", "regions", "profile", "pillars", "ministries", "methodology", "data", "deck", "report"]
BLOCKING = ("serious", "critical")

# (axe rule, CSS selector) pairs that are Streamlit's own markup, which the app cannot change. Each is
# matched with Element.closest, so it covers exactly that part of the page for exactly that rule; keep
# the list short and say why for each one.
STREAMLIT_OWN: list[tuple[str, str]] = []


def axe_script() -> str:
    """axe-core itself (vendored by the pinned PyPI package axe-playwright-python: no network at test time)."""
    from axe_playwright_python.sync_playwright import Axe

    return Axe().axe_script


def audit(page) -> list[dict]:
    """axe-core's serious and critical violations on the page as it is now (WCAG 2.x A and AA, best practice)."""
    page.evaluate(axe_script())
    return page.evaluate(
        """async ([blocking, own]) => {
          const r = await axe.run(document, {resultTypes: ['violations']});
          const ours = (rule, target) => {
            const el = document.querySelector(target[target.length - 1]);
            return !(el && own.some(([id, sel]) => id === rule && el.closest(sel)));
          };
          return r.violations.filter(v => blocking.includes(v.impact)).map(v => ({
            id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.filter(n => ours(v.id, n.target)).map(n => [n.target.join(' '), n.failureSummary]),
          })).filter(v => v.nodes.length);
        }""",
        [list(BLOCKING), STREAMLIT_OWN],
    )


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['impact']} {v['id']} ({v['help']}): {n[0]}\n    {n[1]}" for v in violations for n in v["nodes"][:5])


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(page, path, lang):
    page.goto(f"{page.base}/{path}?lang={lang}")
    wait_idle(page)
    assert_healthy(page)
    violations = audit(page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_serious_accessibility_violation_in_presentation_mode(page, lang):
    page.goto(f"{page.base}/regions?lang={lang}&ind=POV_MD&present=1")
    page.wait_for_selector(".st-key-present_stage .js-plotly-plot .main-svg", timeout=60_000)
    wait_idle(page)
    violations = audit(page)
    assert not violations, describe(violations)
