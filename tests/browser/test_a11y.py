"""Accessibility in a real browser: an axe-core audit of every page in both languages and in presentation
mode (no "serious" or "critical" violation), and one journey done with the keyboard alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.server import wait_idle
from tests.browser.test_journeys import assert_healthy, query_of

# Every page of app.py, by its url_path ("" is the default page, the Overview).
PAGES = ["", "regions", "profile", "pillars", "ministries", "methodology", "data", "deck", "report"]
BLOCKING = ("serious", "critical")

# (axe rule, CSS selector) pairs that are Streamlit's own markup, which the app cannot change. Each is
# matched with Element.closest, so it covers exactly that part of the page for exactly that rule; keep
# the list short and say why for each one.
STREAMLIT_OWN: list[tuple[str, str]] = [
    # st.toast ("3 slides added") renders a role=alertdialog box with no accessible name and no way to give it
    # one (Streamlit 1.67); its text is read as an alert all the same.
    ("aria-dialog-name", ".stToast"),
]


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


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_serious_accessibility_violation_with_slides_in_the_deck(page, lang):
    # the deck page with slides: a row per slide (its title field, move and remove buttons)
    page.goto(f"{page.base}/deck?lang={lang}")
    wait_idle(page)
    page.get_by_role("button", name=re.compile("Bộ tổng quan theo vùng|Regional overview set")).click()
    page.get_by_text(re.compile(r"(Các trang|Slides) \(3\)")).wait_for(timeout=60_000)
    wait_idle(page)
    violations = audit(page)
    assert not violations, describe(violations)


def tab_to(page, condition: str, key: str = "Tab", limit: int = 300) -> int:
    """Press Tab (or Shift+Tab) until the focused element meets ``condition`` (JavaScript on ``e``); the presses."""
    for n in range(1, limit + 1):
        page.keyboard.press(key)
        if page.evaluate(f"() => {{ const e = document.activeElement; return !!e && e !== document.body && ({condition}); }}"):
            return n
    raise AssertionError(f"{condition} not reached with {limit} presses of {key}")


def _luminance(rgb) -> float:
    lin = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _changed_at_3_to_1(before: bytes, after: bytes) -> int:
    """Pixels whose colour changes by a contrast of 3:1 or more between two screenshots of the same box."""
    import io

    from PIL import Image

    a, b = (Image.open(io.BytesIO(x)).convert("RGB").tobytes() for x in (before, after))
    n = 0
    for i in range(0, len(a), 3):
        p, q = a[i : i + 3], b[i : i + 3]
        if p != q:
            hi, lo = sorted((_luminance(p), _luminance(q)), reverse=True)
            n += (hi + 0.05) / (lo + 0.05) >= 3
    return n


def assert_focus_visible(page) -> None:
    """The focused control has a focus indicator that can be seen: between the control focused and unfocused, at
    least as many pixels as its perimeter change colour with a contrast of 3:1 (a 1 px ring all round; after WCAG
    2.4.7, 2.4.13). A faint tint, like Streamlit's on a page link, does not count."""
    box = page.evaluate("""() => {
      const e = document.activeElement;
      const host = e.closest('[data-testid=stRadioOption], [data-baseweb=select], [data-testid=stSidebarNavLink]') || e;
      const b = host.getBoundingClientRect();
      return {x: Math.max(b.left - 8, 0), y: Math.max(b.top - 8, 0), width: b.width + 16, height: b.height + 16}; }""")
    focused = page.screenshot(clip=box, animations="disabled", caret="hide")
    page.evaluate("() => { window.__kbFocus = document.activeElement; window.__kbFocus.blur(); }")
    unfocused = page.screenshot(clip=box, animations="disabled", caret="hide")
    page.evaluate("() => window.__kbFocus.focus({focusVisible: true})")
    perimeter = 2 * (box["width"] + box["height"] - 32)
    changed = _changed_at_3_to_1(focused, unfocused)
    assert changed >= perimeter, (changed, perimeter, page.evaluate("() => document.activeElement.outerHTML.slice(0, 200)"))


def test_keyboard_only_journey(page, shots_dir):
    # Open the app, switch it to English, go to the Regions page, choose another indicator and reach a chart's
    # download button, with Tab, Shift+Tab, Enter and the arrow keys only.
    page.goto(f"{page.base}/?lang=vi")
    wait_idle(page)
    expect(page.get_by_role("heading", name="Tổng quan cả nước")).to_have_count(1, timeout=30_000)

    # the language switch: a radio group (Tab reaches the chosen language, an arrow key chooses the other)
    tab_to(page, "e.type === 'radio' && e.closest('[data-testid=stSidebar]')")
    assert_focus_visible(page)
    page.keyboard.press("ArrowRight")
    page.wait_for_url(lambda url: "lang=en" in url, timeout=30_000)
    wait_idle(page)
    expect(page.get_by_role("heading", name="National overview")).to_have_count(1, timeout=30_000)

    # back up to the page links, to the Regions page
    tab_to(page, "e.matches('[data-testid=stSidebarNavLink]') && /Regions and provinces/.test(e.textContent)",
           key="Shift+Tab")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/regions"), timeout=30_000)
    wait_idle(page)
    expect(page.get_by_role("heading", name="Regions and provinces compared")).to_have_count(1, timeout=30_000)
    first_title = page.locator("[data-testid=stMain] .js-plotly-plot .gtitle").first.text_content()

    # the indicator: a combobox (Down opens the list and moves, Enter chooses)
    tab_to(page, "e.getAttribute('role') === 'combobox' && e.getAttribute('aria-label') === 'Indicator'")
    assert_focus_visible(page)
    page.keyboard.press("ArrowDown")  # opens the list
    page.get_by_role("listbox").first.wait_for(timeout=30_000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "ind=" in url, timeout=30_000)
    wait_idle(page)
    chosen = query_of(page)["ind"]
    page.wait_for_function(
        "t => { const e = document.querySelector('[data-testid=stMain] .js-plotly-plot .gtitle');"
        " return e && e.textContent !== t; }", arg=first_title, timeout=30_000)

    # on to the first chart's download button, and Enter downloads its figures
    tab_to(page, "e.closest('[data-testid=stDownloadButton]') !== null")
    assert_focus_visible(page)
    page.screenshot(path=str(shots_dir / "8-keyboard-download-focused.png"))
    with page.expect_download(timeout=60_000) as dl:
        page.keyboard.press("Enter")
    assert chosen in dl.value.suggested_filename, dl.value.suggested_filename
    assert_healthy(page)


@pytest.mark.parametrize("path", ["?lang=vi", "regions?lang=vi", "profile?lang=vi&area=P34-08"])
def test_button_labels_are_whole_on_a_laptop(browser, app_url, path):
    # 1366 px: "Thêm vào bản trình chiếu" under each half-width chart ended in "…" (it wraps now)
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/{path}")
        wait_idle(page)
        cut = page.evaluate("""() => [...document.querySelectorAll('[data-testid=stMain] button')].filter(b =>
            [b, ...b.querySelectorAll('*')].some(e => { const s = getComputedStyle(e);
              return e.scrollWidth > e.clientWidth + 1 && (s.overflow !== 'visible' || s.textOverflow === 'ellipsis'); })
          ).map(b => b.innerText)""")
        assert not cut, cut
    finally:
        context.close()
