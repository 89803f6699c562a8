"""Fixtures of the browser tests: one app server per session, a fresh page per test, screenshots kept."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.browser.server import CHROMIUM_ARGS, ROOT, chromium_path, streamlit_server

SHOTS = Path(os.environ.get("ASCC_SCREENSHOTS") or ROOT / "screenshots" / dt.datetime.now().strftime("%Y%m%d-%H%M%S"))


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def shots_dir() -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


@pytest.fixture(scope="session")
def app_url():
    if not chromium_path():
        pytest.skip("chromium is not installed (python3 tasks.py test installs it where apt-get is allowed)")
    # The bundled demo dataset (the journeys use its communes and breakdowns), whatever the environment says.
    env = {k: v for k, v in os.environ.items() if k != "ASCC_DATA_DIR"}
    with streamlit_server(env={**env, "ASCC_DATA_DIR": str(ROOT / "data" / "demo")}) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not chromium_path():
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    pg.console_errors = []
    pg.on("console", lambda m: pg.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.console_errors.append(str(e)))
    pg.base = app_url
    yield pg
    context.close()


def pytest_terminal_summary(terminalreporter):
    if SHOTS.exists() and any(SHOTS.iterdir()):
        terminalreporter.write_line(f"browser screenshots: {SHOTS}")
