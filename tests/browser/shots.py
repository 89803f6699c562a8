"""Take full-page screenshots of every page in both languages:
`python -m tests.browser.shots [OUT] [EXTRA_QUERY] [WIDTHxHEIGHT]` (e.g. `shots out "" 1366x768` for a laptop)."""

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

PAGES = ["overview", "regions", "profile", "pillars", "ministries", "methodology", "data", "deck", "report"]


def main(out: Path, pages=PAGES, extra: str = "", size: str = "1600x1000") -> None:
    width, height = (int(n) for n in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    with streamlit_server() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height})
        for lang in ("vi", "en"):
            for name in pages:
                path = "" if name == "overview" else name  # the default page lives at the root URL
                page.goto(f"{url}/{path}?lang={lang}{extra}")
                wait_idle(page)
                target = out / f"{name}-{lang}-{width}.png"
                full_page_screenshot(page, str(target), width=width)
                page.set_viewport_size({"width": width, "height": height})
                print(target)
        browser.close()


if __name__ == "__main__":
    args = sys.argv[1:]
    main(Path(args[0] if args else "screenshots"), extra=args[1] if len(args) > 1 else "",
         size=args[2] if len(args) > 2 else "1600x1000")
