"""Sign-in for real: st.login against a local OpenID Connect provider, in headless chromium.

One mock provider (PyPI ``oidc-provider-mock``, on a loopback port in this process) and one app server per
module. The app reads its own secrets file (``--secrets.files``, nothing written under .streamlit/) and a
temporary official dataset (never data/ in the repository). The provider's authorize page asks for a
subject; an unknown subject gets the claims ``{"email": subject}``, so typing an address signs in as it.
"""

from __future__ import annotations

import contextlib
import re
import secrets
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Locator, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from ascc import batches, db, ingest, settings
from tests.browser.server import IDLE, chromium_path, free_port, streamlit_server, wait_idle

# The provider runs in this process on Authlib's older interfaces: its deprecation warnings are not ours.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:authlib")

MANAGER = "officer@example.org"
VIEWER = "viewer@example.org"
SEED_WHO = "seed.manager@example.org"
SEED_FILE = "seed_internet_2023.csv"
# The role is written with capitals on purpose: the lookup is case-insensitive.
SECRETS = """\
[auth]
redirect_uri = "{app}/oauth2callback"
cookie_secret = "{cookie}"
client_id = "ascc-dashboard"
client_secret = "not-a-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"

[ascc.roles]
"Officer@Example.org" = "data_manager"
"""


def csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


@contextlib.contextmanager
def oidc_provider() -> Iterator[str]:
    """A mock OpenID Connect provider on a free loopback port; yields its base URL."""
    # Authlib, imported by the provider, turns its own deprecation warnings on for good (a filter "always"
    # put first) and then raises two: record and drop them here, where the filter is undone on leaving.
    with warnings.catch_warnings(record=True):
        oidc_provider_mock = pytest.importorskip(
            "oidc_provider_mock", reason="oidc-provider-mock is not installed (pip install -r requirements-dev.txt)")
    from werkzeug.serving import make_server

    # Nonces required, as a careful provider would; any client id and secret are accepted.
    server = make_server("127.0.0.1", 0, oidc_provider_mock.app(require_nonce=True), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextlib.contextmanager
def reading(folder: Path) -> Iterator[None]:
    """This process reads and writes ``folder`` until the block ends (with its own aggregate cache, beside it)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(settings.DATA_DIR_ENV, str(folder))
        mp.setenv(settings.CACHE_DIR_ENV, str(folder.parent / "cache-test-process"))
        db.clear_cache()
        try:
            yield
        finally:
            db.clear_cache()


def seed_batch(folder: Path) -> str:
    """Import one batch as another data manager, so a committed batch is there for every journey."""
    with reading(folder):
        report = ingest.run_import(csv("indicator,area,year,value", "INTERNET,Hà Nội,2023,80.5"), SEED_FILE,
                                   ingest.Options(dry_run=False), who=SEED_WHO, lang="en")
    assert report.outcome == "committed", report.to_text("en")
    return report.batch_id


@pytest.fixture(scope="module")
def signin_app(tmp_path_factory) -> Iterator[dict]:
    """The app with sign-in through the mock provider, on a temporary official dataset."""
    if not chromium_path():
        pytest.skip("chromium is not installed (python3 tasks.py test installs it where apt-get is allowed)")
    tmp = tmp_path_factory.mktemp("signin")
    folder = tmp / "official"
    batches.init_dataset(folder)
    seed = seed_batch(folder)
    with oidc_provider() as provider:
        port = free_port()
        app = f"http://127.0.0.1:{port}"
        secrets_file = tmp / "secrets.toml"
        secrets_file.write_text(SECRETS.format(app=app, provider=provider, cookie=secrets.token_hex(16)),
                                encoding="utf-8")
        env = {settings.DATA_DIR_ENV: str(folder), settings.CACHE_DIR_ENV: str(tmp / "cache")}
        with streamlit_server(env=env, port=port, args=["--secrets.files", str(secrets_file)]) as url:
            yield {"url": url, "folder": folder, "seed": seed, "provider": provider}


@pytest.fixture()
def page(browser, signin_app):
    """A fresh browser context (no cookies: signed out) per test."""
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    pg = context.new_page()
    pg.base = signin_app["url"]
    yield pg
    context.close()


def open_data(page, tab: str | None = None) -> None:
    page.goto(f"{page.base}/data?lang=en")
    wait_idle(page)
    if tab:
        open_tab(page, tab)


def open_tab(page, name: str) -> None:
    """Switch tabs (in the browser only: the script does not run again)."""
    tab = page.get_by_role("tab", name=name, exact=True)
    tab.click()
    expect(tab).to_have_attribute("aria-selected", "true")


def sign_in(page, email: str) -> None:
    """Through the Data page's button and the provider's own form, back to the app."""
    open_data(page, "Import")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/oauth2/authorize"), timeout=30_000)
    page.locator("input[name='sub']").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(re.escape(page.base) + r"/(\?.*)?$"), timeout=30_000)
    page.wait_for_selector(IDLE, timeout=60_000)


def grid(page) -> Locator:
    """The accessible table that Streamlit's data grid draws beside its canvas, on the open tab."""
    return page.locator("[data-testid='stDataFrame']:visible table[role='grid']").first


_READ_GRID = """t => Object.fromEntries([...t.querySelectorAll('tbody tr')].map(r => [r.getAttribute('aria-rowindex'),
    Object.fromEntries([...r.querySelectorAll('td')].map(c => [
        t.querySelector(`thead th[aria-colindex="${c.getAttribute('aria-colindex')}"]`).textContent, c.textContent]))]))"""


def grid_rows(page, last_column: str | None = None) -> list[dict[str, str]]:
    """The grid's rows as {header: text}. The grid renders only the columns in view: with ``last_column``
    (a wide table), it is also scrolled to its right end and the two halves are joined by row."""
    rows = grid(page).evaluate(_READ_GRID)
    if last_column is not None and not any(last_column in r for r in rows.values()):
        page.locator("[data-testid='stDataFrame']:visible .dvn-scroller").first.evaluate(
            "e => e.scrollLeft = e.scrollWidth")
        expect(grid(page).locator("thead th", has_text=last_column)).to_have_count(1)
        for key, row in grid(page).evaluate(_READ_GRID).items():
            rows.setdefault(key, {}).update(row)
    return list(rows.values())


def catalogue_row(page, code: str) -> dict[str, str]:
    open_tab(page, "Indicator catalogue")
    expect(grid(page)).to_contain_text(code)
    return next(r for r in grid_rows(page, last_column="Latest batch") if r["Code"] == code)


def current_values(folder: Path, code: str, year: int) -> dict[str, float]:
    """The values in force in the dataset on disk, by area (read by this process, not through the app)."""
    with reading(folder):
        df = db.run_query("ingest_current_values", codes=[code], years=[year])
    return dict(zip(df["area_id"], df["value"], strict=True))


def pick_option(page, combobox, name: str) -> None:
    """Choose an option of a selectbox. A rerun that lands while the list is open redraws the box and closes
    the list (seen once under CI load): then open it again, at most three times."""
    for attempt in range(3):
        wait_idle(page)
        combobox.click()
        try:
            page.get_by_role("option", name=name).click(timeout=15_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            if attempt == 2:
                raise
    wait_idle(page)


def test_data_manager_signs_in_imports_and_withdraws(page, signin_app, shots_dir):
    folder = signin_app["folder"]
    sign_in(page, MANAGER)
    open_data(page, "Import")
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text(f"Signed in: {MANAGER} (data_manager)")).to_be_visible()
    assert current_values(folder, "POV_MD", 2024) == {}

    # 1/ Upload a small CSV of results: checked first, then imported.
    data = csv("indicator,area,year,value", "POV_MD,Hà Nội,2024,1.25", "POV_MD,Vinh Phuc,2024,2.5")
    main.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files(
        files=[{"name": "poverty_2024.csv", "mimeType": "text/csv", "buffer": data}])
    expect(main.get_by_text("CHECKED: 2 values can be imported")).to_be_visible(timeout=60_000)
    wait_idle(page)
    main.get_by_role("button", name="Import 2 values").click()
    done = main.get_by_text(re.compile(r"IMPORTED 2 values as batch (b\S+)\."))
    expect(done).to_be_visible(timeout=60_000)
    batch = re.search(r"batch (b\S+)\.", done.inner_text()).group(1)
    wait_idle(page)
    # The message above the tabs did not send the browser back to the first tab.
    expect(page.get_by_role("tab", name="Import", exact=True)).to_have_attribute("aria-selected", "true")
    assert current_values(folder, "POV_MD", 2024) == {"P63-01": 1.25, "P63-26": 2.5}
    pov = catalogue_row(page, "POV_MD")
    assert pov["Years"] == "2024 (1)" and pov["Latest batch"] == batch, pov

    # 2/ The batch list shows the new batch, with who imported which file (a data manager may see that).
    open_tab(page, "Import batches")
    expect(grid(page)).to_contain_text(batch)
    rows = {r["Batch"]: r for r in grid_rows(page)}
    assert rows[batch]["Status"] == "in use" and rows[batch]["By"] == MANAGER
    assert rows[batch]["File"] == "poverty_2024.csv" and rows[batch]["Indicators"] == "POV_MD"
    assert rows[signin_app["seed"]]["By"] == SEED_WHO
    page.screenshot(path=str(shots_dir / "8-signin-manager-batches.png"), full_page=True)

    # 3/ Withdraw it: the values go away, the batch stays in the list as withdrawn. Picking the batch reruns
    # the page without the import's message: the tab and the form stay open all the same.
    main.get_by_text("Withdraw a batch").click()
    pick_option(page, main.get_by_role("combobox", name="Batch to withdraw"), batch)
    main.get_by_label("Reason").fill("browser test")
    main.get_by_label("Reason").press("Enter")
    wait_idle(page)
    main.get_by_text("I confirm withdrawing this batch").click()
    withdraw = main.get_by_role("button", name="Withdraw", exact=True)
    expect(withdraw).to_be_enabled()  # after the run that saw the box ticked
    wait_idle(page)
    withdraw.click()
    expect(main.get_by_text(f"Batch {batch} withdrawn.")).to_be_visible(timeout=60_000)
    wait_idle(page)
    assert current_values(folder, "POV_MD", 2024) == {}
    open_tab(page, "Import batches")
    expect(grid(page)).to_contain_text("withdrawn")
    rows = {r["Batch"]: r for r in grid_rows(page)}
    assert rows[batch]["Status"] == "withdrawn" and rows[signin_app["seed"]]["Status"] == "in use"
    pov = catalogue_row(page, "POV_MD")
    assert pov["Years"] == "none yet" and pov["Latest batch"] == "–", pov
    assert page.locator("[data-testid='stException']").count() == 0

    # 4/ Sign out, through the provider's end-session page: the Data page offers sign-in again.
    open_tab(page, "Import")
    main.get_by_role("button", name="Sign out").click()
    page.wait_for_url(re.compile(r"/oauth2/end_session"), timeout=30_000)
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(re.compile(re.escape(page.base) + r"/(\?.*)?$"), timeout=30_000)
    open_data(page, "Import")
    expect(main.get_by_role("button", name="Sign in")).to_be_visible()
    assert main.get_by_text("Signed in:").count() == 0


def assert_no_import_and_no_withdraw(page, signin_app) -> None:
    """No upload control and no withdraw form on any tab; the batch list without who and which file."""
    main = page.locator("[data-testid='stMain']")
    open_tab(page, "Import batches")
    expect(grid(page)).to_contain_text(signin_app["seed"])
    rows = grid_rows(page, last_column="Note")
    assert {"Batch", "Status", "Rows", "Indicators", "Years", "Note"} <= set(rows[0]), rows[0]
    assert not {"By", "File"} & {k for r in rows for k in r}, rows
    assert main.get_by_text("Withdraw a batch").count() == 0
    assert main.get_by_role("button", name="Withdraw").count() == 0
    for tab in ("Indicator catalogue", "Data quality", "Import batches", "Import"):
        open_tab(page, tab)
        assert main.locator("[data-testid='stFileUploader']").count() == 0
        assert main.get_by_role("button", name=re.compile(r"^Import \d+ values")).count() == 0
    # Nowhere on the page (every tab, the grids' text included) an e-mail or a file name of an import.
    text = main.text_content()
    assert SEED_WHO not in text and SEED_FILE not in text
    assert MANAGER not in text and "poverty_2024.csv" not in text
    assert page.locator("[data-testid='stException']").count() == 0


def test_signed_in_viewer_without_a_role_cannot_import_or_withdraw(page, signin_app):
    sign_in(page, VIEWER)
    open_data(page, "Import")
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text(f"The account {VIEWER} has no data-manager role")).to_be_visible()
    expect(main.get_by_text(f"Signed in: {VIEWER} (–)")).to_be_visible()
    assert main.get_by_role("button", name="Sign out").count() == 1
    assert_no_import_and_no_withdraw(page, signin_app)


def test_signed_out_visitor_sees_no_import_no_withdraw_and_not_who_imported_what(page, signin_app):
    open_data(page, "Import")
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text("Only signed-in data managers can import figures.")).to_be_visible()
    expect(main.get_by_role("button", name="Sign in")).to_be_visible()
    assert_no_import_and_no_withdraw(page, signin_app)
