"""Through the load balancer in a real browser: the Content-Security-Policy lets every part of the app
work (charts, presentation mode's keys), and a browser stays on its replica through reloads."""

from __future__ import annotations

import os
import re
import time

import pytest
from playwright.sync_api import expect

from ascc import serve, settings
from tests.browser.server import ROOT, wait_idle

CSP_PROBE = """
window.__csp = [];
document.addEventListener('securitypolicyviolation',
  e => window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '')));
"""


@pytest.fixture(scope="module")
def balanced_url(browser):
    if serve.nginx_binary() is None:
        pytest.skip("nginx is not installed (python3 tasks.py test installs it)")
    env = {**os.environ, settings.DATA_DIR_ENV: str(ROOT / "data" / "demo")}
    with serve.Balancer(2, serve.free_port(), "127.0.0.1", env=env) as bal:
        yield bal, f"http://127.0.0.1:{bal.port}"


def _stream_upstreams(bal, route: str) -> list[str]:
    out = []
    for line in bal.access_log.read_text().splitlines():
        if "/_stcore/stream" in line and f"route={route} " in line:
            out.append(re.search(r"upstream=(\S+)", line).group(1))
    return out


def test_the_app_works_under_the_csp_and_stays_on_its_replica(browser, balanced_url):
    bal, url = balanced_url
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    context.add_init_script(CSP_PROBE)
    page = context.new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        page.goto(f"{url}/regions?lang=vi")
        wait_idle(page)
        # Charts mount a moment after the run ends (longer on a replica's first visit): wait for one.
        expect(page.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=60_000)
        # Presentation mode runs its own script (arrow keys) through st.html.
        page.goto(f"{url}/overview?lang=vi&present=1")
        page.get_by_text(re.compile(r"^1 / \d+$")).wait_for(timeout=60_000)
        page.wait_for_selector(".st-key-present_stage .js-plotly-plot .main-svg", timeout=60_000)
        page.keyboard.press("ArrowRight")
        page.get_by_text(re.compile(r"^2 / \d+$")).wait_for(timeout=30_000)
        violations = page.evaluate("() => window.__csp")
        assert not violations and not refused, (violations, refused)
        for _ in range(2):
            page.reload()
            wait_idle(page)
        route = next(c["value"] for c in context.cookies() if c["name"] == "ascc_route")
        deadline = time.monotonic() + 10
        # nginx logs a websocket when it closes; the current one is still open.
        while len(_stream_upstreams(bal, route)) < 3 and time.monotonic() < deadline:
            time.sleep(0.3)
    finally:
        context.close()
    deadline = time.monotonic() + 10
    while len(_stream_upstreams(bal, route)) < 4 and time.monotonic() < deadline:
        time.sleep(0.3)
    served = _stream_upstreams(bal, route)
    assert len(served) >= 3 and len(set(served)) == 1, served
