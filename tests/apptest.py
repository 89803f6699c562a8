"""AppTest helpers: start the real app.py at a page with query parameters.

NOTE: AppTest 1.67 resets ``PagesManager.uses_pages_directory`` before every run and sets it to True
when a ``pages/`` folder sits beside app.py; reruns then execute the page file alone (the legacy
multipage mode), skipping app.py's sidebar. The real server turns that flag off for good at the
first ``st.navigation`` call. We pin it off here so reruns behave as they do in the browser.
"""

from __future__ import annotations

import json
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")

_original_init = PagesManager.__init__


def _init_without_pages_dir(self, *args, **kwargs):
    _original_init(self, *args, **kwargs)
    PagesManager.uses_pages_directory = False


PagesManager.__init__ = _init_without_pages_dir


def new_app(page: str | None = None, timeout: float = 60, **query: str) -> AppTest:
    """An AppTest of app.py, run once, optionally switched to a page (e.g. "pages/regions.py")."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def plotly_figures(at: AppTest) -> list[dict]:
    """The Plotly figures a run produced, as dicts."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def texts(at: AppTest) -> str:
    """All visible text of a run (markdown, captions, titles, metrics), for content checks."""
    parts = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [str(e.value) for e in getattr(at, kind)]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(parts)


def values(v) -> list:
    """A Plotly array from a figure dict as a list: plain lists, or typed arrays ({"dtype", "bdata"})."""
    import base64

    import numpy as np

    if isinstance(v, dict) and "bdata" in v:
        arr = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]))
        if "shape" in v:
            arr = arr.reshape([int(x) for x in str(v["shape"]).split(",")])
        return arr.tolist()
    return list(v) if v is not None else []
