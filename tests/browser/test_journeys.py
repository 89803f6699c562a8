"""Main journeys in a real browser (Debian chromium via Playwright), in both languages, with screenshots."""

from __future__ import annotations

import contextlib
import re
import urllib.parse

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.server import full_page_screenshot, wait_idle

# Console noise that is not the app's fault: the closed network refuses Streamlit's and the
# browser's own outbound requests.
IGNORED_CONSOLE = re.compile(r"net::ERR_|Failed to load resource|favicon|webhooks|segment|intercom", re.I)


def open_page(page, path: str) -> None:
    page.goto(f"{page.base}/{path}")
    wait_idle(page)


def assert_healthy(page) -> None:
    """No exception box and no console error from the app."""
    assert page.locator("[data-testid='stException']").count() == 0, "an exception box is shown"
    errors = [e for e in page.console_errors if not IGNORED_CONSOLE.search(e)]
    assert not errors, errors


def assert_charts_drawn(page, minimum: int = 1) -> int:
    """Every Plotly chart on the page has drawn traces (SVG paths or WebGL), not an empty frame."""
    plots = page.locator(".js-plotly-plot")
    # Charts below the fold mount a moment after the script run ends: wait for them (bounded), then check.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function("n => document.querySelectorAll('.js-plotly-plot').length >= n", arg=minimum,
                               timeout=15_000)
    n = plots.count()
    assert n >= minimum, f"expected at least {minimum} charts, found {n}"
    for i in range(n):
        # Traces drawn; or, for a chart drawn only with shapes and text (the headline cards slide), its
        # shapes and annotations drawn.
        drawn = plots.nth(i).evaluate(
            "p => ((p.data || []).length > 0 && p.querySelectorAll('.trace, .cartesianlayer path.point, "
            ".heatmaplayer image, .barlayer .point, .scatterlayer path').length > 0)"
            " || ((p.data || []).length === 0 && p.querySelectorAll('.shapelayer path').length > 0"
            " && p.querySelectorAll('.annotation-text').length > 0)"
        )
        assert drawn, f"chart {i} has no rendered traces"
    return n


def query_of(page) -> dict[str, str]:
    return {k: v[0] for k, v in urllib.parse.parse_qs(urllib.parse.urlparse(page.url).query).items()}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_overview_draws_every_chart(page, shots_dir, lang):
    open_page(page, f"?lang={lang}")
    full_page_screenshot(page, str(shots_dir / f"1-overview-{lang}.png"))
    assert_healthy(page)
    assert assert_charts_drawn(page, minimum=4) >= 4
    title = "Tổng quan cả nước" if lang == "vi" else "National overview"
    expect(page.get_by_role("heading", name=title)).to_have_count(1, timeout=30_000)
    notice = "DỮ LIỆU MÔ PHỎNG" if lang == "vi" else "DEMO DATA"
    assert page.get_by_text(notice, exact=False).first.is_visible()


def test_language_and_boundary_in_the_url_survive_a_reload(page, shots_dir):
    open_page(page, "")
    page.get_by_text("English", exact=True).click()
    wait_idle(page)
    expect(page.get_by_role("heading", name="National overview")).to_have_count(1, timeout=30_000)
    page.get_by_text("63 provinces (before 1 July 2025)").click()
    page.wait_for_url(lambda url: "boundary=63" in url, timeout=30_000)
    wait_idle(page)
    q = query_of(page)
    assert q.get("lang") == "en" and q.get("boundary") == "63"
    page.reload()
    wait_idle(page)
    expect(page.get_by_role("heading", name="National overview")).to_have_count(1, timeout=30_000)
    expect(page.get_by_role("radio", name="63 provinces (before 1 July 2025)")).to_be_checked(timeout=30_000)
    assert query_of(page).get("boundary") == "63"
    full_page_screenshot(page, str(shots_dir / "2-reloaded-en-63.png"))
    assert_healthy(page)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_regions_pick_indicator_and_click_a_province(page, shots_dir, lang):
    open_page(page, f"regions?lang={lang}&ind=POV_MD")
    assert_healthy(page)
    assert_charts_drawn(page, minimum=3)
    full_page_screenshot(page, str(shots_dir / f"3-regions-{lang}.png"))
    # Click a bar of the ranking (the first province); the shared filter and the URL follow.
    bars = page.locator(".js-plotly-plot").nth(1).locator(".barlayer .point path")
    expect(bars.nth(29)).to_be_attached(timeout=30_000)  # at least 30, once drawn
    bars.first.click(force=True)
    page.wait_for_url(lambda url: "prov=" in url, timeout=30_000)  # the selection reaches the URL after a rerun
    wait_idle(page)
    q = query_of(page)
    assert "prov" in q and q["prov"].startswith("P34-"), q
    link = page.get_by_role("link", name=re.compile("Xem hồ sơ|Open the profile"))
    expect(link).to_have_count(1, timeout=30_000)
    link.click()
    page.wait_for_url(re.compile(r"/profile"), timeout=30_000)
    wait_idle(page)
    assert query_of(page).get("area") == q["prov"].split(",")[0]
    assert_healthy(page)
    heading = "Hồ sơ tỉnh, thành phố" if lang == "vi" else "Province profile"
    expect(page.get_by_role("heading", name=heading)).to_have_count(1, timeout=30_000)  # still in the chosen language
    full_page_screenshot(page, str(shots_dir / f"3-regions-to-profile-{lang}.png"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_merged_province_profile_lists_former_provinces(page, shots_dir, lang):
    open_page(page, f"profile?lang={lang}&area=P34-08")
    assert_healthy(page)
    text = page.locator("[data-testid='stMain']").inner_text()
    formers = ("Hà Giang", "Tuyên Quang") if lang == "vi" else ("Ha Giang", "Tuyen Quang")
    assert all(f in text for f in formers)
    assert_charts_drawn(page, minimum=1)
    full_page_screenshot(page, str(shots_dir / f"4-profile-merged-{lang}.png"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_presentation_mode_hides_sidebar_and_pages_through(page, shots_dir, lang):
    open_page(page, f"?lang={lang}&present=1")
    assert_healthy(page)
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert_charts_drawn(page, minimum=1)
    first = page.locator(".js-plotly-plot .gtitle").first.text_content()
    page.screenshot(path=str(shots_dir / f"6-present-1-{lang}.png"))
    page.get_by_role("button", name=re.compile("Sau|Next")).click()
    page.get_by_text(re.compile(r"^2 / \d+$")).wait_for(timeout=20_000)
    wait_idle(page)
    second = page.locator(".js-plotly-plot .gtitle").first.text_content()
    assert second != first
    page.wait_for_url(lambda url: "slide=2" in url, timeout=30_000)
    page.screenshot(path=str(shots_dir / f"6-present-2-{lang}.png"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_add_three_charts_to_a_deck_and_download_it(page, shots_dir, lang, tmp_path):
    from pptx import Presentation

    open_page(page, f"regions?lang={lang}&ind=POV_MD")
    add = page.get_by_role("button", name=re.compile("Thêm vào bản trình chiếu|Add to deck"))
    expect(add.nth(2)).to_be_attached(timeout=30_000)  # buttons under charts below the fold mount last
    for i in range(3):
        add.nth(i).click()
        page.wait_for_timeout(500)
        wait_idle(page)
    # Through the sidebar link, so the session (and its deck) is kept.
    page.get_by_role("link", name=re.compile("Bản trình chiếu|Slide deck|Deck")).first.click()
    page.wait_for_url(re.compile(r"/deck"), timeout=30_000)  # the navigation may take a moment under load
    wait_idle(page)
    expect(page.get_by_text(re.compile(r"(Các trang|Slides) \(3\)"))).to_have_count(1, timeout=30_000)
    full_page_screenshot(page, str(shots_dir / f"5-deck-{lang}.png"))
    with page.expect_download(timeout=120_000) as dl:
        page.get_by_role("button", name=re.compile("Tải bản trình chiếu|Download the deck")).click()
    path = tmp_path / "deck.pptx"
    dl.value.save_as(path)
    deck = Presentation(str(path))
    charts = [sh for slide in deck.slides for sh in slide.shapes if sh.has_chart]
    assert len(deck.slides) == 4  # the title slide and three charts
    assert len(charts) >= 2  # native charts (a map may become a picture when a browser is available)
    assert_healthy(page)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_data_page_catalogue_and_no_upload_without_sign_in(page, shots_dir, lang):
    open_page(page, f"data?lang={lang}")
    assert_healthy(page)
    heading = "Dữ liệu: danh mục" if lang == "vi" else "Data: catalogue"
    expect(page.get_by_role("heading", name=re.compile(heading))).to_have_count(1, timeout=30_000)
    # The catalogue lists every indicator of the dataset (20 in the demo data).
    assert page.locator("[data-testid='stDataFrame']").first.is_visible()
    full_page_screenshot(page, str(shots_dir / f"7-data-{lang}.png"))
    # No upload control anywhere, on any tab, without sign-in.
    for tab in page.get_by_role("tab").all():
        tab.click()
        page.wait_for_timeout(300)
        assert page.locator("[data-testid='stFileUploader']").count() == 0
    assert_healthy(page)


@pytest.mark.parametrize("width, height", [(1920, 1080), (1366, 768)])
def test_presentation_slides_fit_the_screen_and_follow_the_arrow_keys(browser, app_url, shots_dir, width, height):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/regions?lang=vi&present=1&slide=2")
        page.get_by_text(re.compile(r"^2 / \d+$")).wait_for(timeout=60_000)
        page.wait_for_selector(".st-key-present_stage .js-plotly-plot .main-svg", timeout=60_000)

        def boxes() -> dict:
            return page.evaluate("""() => {
              const r = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
              const stage = document.querySelector('.st-key-present_stage');
              const buttons = [...stage.querySelectorAll('[data-testid="stButton"] button')].map(r);
              return {plot: r(stage.querySelector('.js-plotly-plot')), title: r(stage.querySelector('.gtitle')),
                      source: r([...stage.querySelectorAll('.annotation')].find(a => a.textContent.startsWith('Nguồn'))),
                      xticks: r(stage.querySelector('.xtick') || stage.querySelector('.xaxislayer-above')),
                      buttons_bottom: Math.max(...buttons.map(b => b[3])),
                      title_px: parseFloat(getComputedStyle(stage.querySelector('.gtitle')).fontSize)};
            }""")

        b = boxes()
        page.screenshot(path=str(shots_dir / f"6-present-fit-{width}.png"))
        # the whole slide on the screen: title under the buttons, axis and source above the bottom edge
        assert b["title"][1] >= b["buttons_bottom"] - 1, b
        for part in ("plot", "title", "source", "xticks"):
            assert b[part][2] <= width + 1 and b[part][3] <= height + 1, (part, b)
        # the title is drawn at 28 px or more on the 1920 design, scaled with the screen
        assert b["title_px"] >= 28
        first = page.locator(".st-key-present_stage .gtitle").text_content()
        page.keyboard.press("ArrowRight")
        page.get_by_text(re.compile(r"^3 / \d+$")).wait_for(timeout=30_000)
        page.wait_for_function("t => { const e = document.querySelector('.st-key-present_stage .gtitle');"
                               " return e && e.textContent !== t; }", arg=first, timeout=30_000)
        page.keyboard.press("ArrowLeft")
        page.get_by_text(re.compile(r"^2 / \d+$")).wait_for(timeout=30_000)
        page.wait_for_function("t => { const e = document.querySelector('.st-key-present_stage .gtitle');"
                               " return e && e.textContent === t; }", arg=first, timeout=30_000)
    finally:
        context.close()


def test_cards_show_whole_titles_and_changes_on_a_laptop(browser, app_url):
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/?lang=vi")
        page.locator("[data-testid='stMetricLabel']").first.wait_for(timeout=60_000)
        wait_idle(page)
        # a text is cut when it, or a box between it and its card, is narrower than its content and clips
        cut = page.evaluate("""() => [...document.querySelectorAll(
              '[data-testid=stMetricLabel] p, [data-testid=stMetricDelta] p')].filter(e => {
                for (let n = e; n && n.getAttribute('data-testid') !== 'stMetric'; n = n.parentElement) {
                  const s = getComputedStyle(n);
                  if (n.scrollWidth > n.clientWidth + 1 && (s.overflow !== 'visible' || s.textOverflow === 'ellipsis'))
                    return true;
                }
                return false; }).map(e => e.textContent)""")
        assert not cut, cut
    finally:
        context.close()
