"""Start the app with `streamlit run` on a free loopback port, and open pages in headless chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IDLE = "[data-testid='stApp'][data-test-script-state='notRunning']"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                 "--no-first-run", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(env: dict | None = None, timeout: float = 60, *, port: int | None = None,
                     args: Sequence[str] = ()):
    """Yield the base URL of a running app; stop it afterwards. ``args`` are more `streamlit run` options
    (such as ``--secrets.files``); ``port`` is free when not given."""
    port = port or free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           *args]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if proc.poll() is not None:
                raise RuntimeError("streamlit exited: " + proc.stdout.read().decode(errors="replace"))
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            raise RuntimeError("streamlit did not become healthy in time")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()


def wait_idle(page, timeout_ms: int = 60_000) -> None:
    """Wait until the app's script has finished and Plotly charts have drawn."""
    # NOTE: right after page.goto the app is "notRunning" too, before its websocket has asked for the
    # first run; on a loaded machine that lasted beyond the pause below, and the charts check then passed
    # on an empty page. So wait for drawn content first.
    # (any visible element: in presentation mode the page's own output comes first, hidden)
    page.locator(f"{IDLE} [data-testid='stMain'] [data-testid='stElementContainer'] >> visible=true").first.wait_for(
        timeout=timeout_ms)
    page.wait_for_selector(IDLE, timeout=timeout_ms)
    page.wait_for_timeout(300)
    page.wait_for_selector(IDLE, timeout=timeout_ms)
    with contextlib.suppress(Exception):
        page.wait_for_function(
            "() => [...document.querySelectorAll('.js-plotly-plot')].every(p => p.querySelector('.main-svg'))",
            timeout=15_000,
        )
    page.wait_for_timeout(500)


def full_page_screenshot(page, path: str, width: int = 1600) -> None:
    """Streamlit scrolls inside its main block, not the document: grow the viewport to the content first."""
    height = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]') || document.body;"
        " return Math.max(m.scrollHeight, document.body.scrollHeight); }"
    )
    page.set_viewport_size({"width": width, "height": min(int(height) + 40, 16000)})
    page.wait_for_timeout(600)
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size({"width": width, "height": 1000})
