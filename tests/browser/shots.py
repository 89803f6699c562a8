"""Take full-page screenshots of every page in both languages: `python -m tests.browser.shots [OUT]`."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.server import (
    CHROMIUM_ARGS,
    chromium_path,
    full_page_screenshot,
    streamlit_server,
    wait_idle,
)

PAGES = ["overview", "regions", "profile", "pillars", "ministries", "methodology"]


def main(out: Path, pages=PAGES, extra: str = "") -> None:
    out.mkdir(parents=True, exist_ok=True)
    with streamlit_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        for lang in ("vi", "en"):
            for name in pages:
                path = "" if name == "overview" else name  # the default page lives at the root URL
                page.goto(f"{url}/{path}?lang={lang}{extra}")
                wait_idle(page)
                target = out / f"{name}-{lang}.png"
                full_page_screenshot(page, str(target))
                print(target)
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"), extra=sys.argv[2] if len(sys.argv) > 2 else "")
