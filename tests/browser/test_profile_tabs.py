"""The Profile draws only its open tab: a click on another tab draws it, and the URL and a reload keep it."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.server import full_page_screenshot, wait_idle


def test_commune_tab_is_drawn_when_opened_and_kept_through_a_reload(page, shots_dir):
    page.goto(f"{page.base}/profile?lang=en&area=P34-38")
    wait_idle(page)
    main = page.locator("[data-testid='stMain']")
    communes_chart = main.locator(".stElementContainer[class*='st-key-commune_'] .js-plotly-plot")
    assert communes_chart.count() == 0  # not drawn before the tab is opened
    page.get_by_role("tab", name=re.compile("Communes", re.I)).click()
    expect(communes_chart.first).to_be_visible(timeout=60_000)
    page.wait_for_url(re.compile(r"tab=communes"), timeout=30_000)
    page.reload()
    wait_idle(page)
    expect(communes_chart.first).to_be_visible(timeout=60_000)
    expect(page.get_by_role("tab", name=re.compile("Communes", re.I))).to_have_attribute("aria-selected", "true")
    full_page_screenshot(page, str(shots_dir / "profile-communes-tab-en.png"))
