"""Load test: many browser sessions over Streamlit's websocket, each with its own pages and filters.

A simulated user opens the dashboard at an address of its own (language, boundary set, region or
province, year: the sidebar's URL parameters) and then moves through pages as a visitor does: each run
goes to another page than the one before (Overview, Regions, Profile, Pillars, Ministries) with that
page's own choices in the address (indicator, population group, province, ministry), so few runs hit a
cached answer. After ``runs_per_visit`` runs it leaves and comes back at a new address (a new session:
a reload, a shared link). Every user starts at the same moment and goes on without pause until its runs
are done: the worst case of a conference hall opening the dashboard at once.

A run is timed from the request (for a visit's first run: from opening the websocket) until the server
reports the script finished; a run that shows an exception, or does not finish, is an error. The
scenario is drawn from a seeded generator: the same seed gives every server under test the same runs.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import random
import statistics
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd

PAGES = ("overview", "regions", "profile", "pillars", "ministries")
RUN_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class Run:
    page: str  # the page's url_path ("" for a one-page app)
    query: str  # the address's query string


@dataclass
class Choices:
    """What a simulated user can choose, read from the dataset's own files."""

    indicators: list[str]
    years: list[int]
    regions: list[str]
    provinces: dict[str, list[str]]  # boundary set -> area ids
    ministries: list[str]
    groups: list[str] = field(default_factory=lambda: ["total"])


def choices_of(data_dir: Path) -> Choices:
    areas = pd.read_parquet(data_dir / "areas.parquet")
    indicators = pd.read_parquet(data_dir / "indicators.parquet")
    years = sorted(int(p.name.split("=")[1]) for p in (data_dir / "results").glob("year=*"))
    provinces = {b: sorted(areas.loc[(areas["level"] == "province") & (areas["boundary_set"] == b), "area_id"]) for b in ("34", "63")}
    ministries = sorted(indicators["ministry_code"].dropna().unique()) if "ministry_code" in indicators else []
    return Choices(
        indicators=list(indicators["indicator_code"]),
        years=years,
        regions=sorted(areas.loc[areas["level"] == "region", "region_code"]),
        provinces=provinces,
        ministries=list(ministries),
    )


def scenario(c: Choices, *, users: int, runs_per_user: int, runs_per_visit: int = 3, seed: int = 161,
             pages: tuple[str, ...] = PAGES) -> list[list[list[Run]]]:  # fmt: skip
    """For each user, its visits; for each visit, its runs (the first opens the session)."""
    rng = random.Random(seed)
    out = []
    for _ in range(users):
        visits, page = [], None
        left = runs_per_user
        while left > 0:
            boundary = rng.choice(("34", "34", "63"))  # most visitors stay on the new provinces
            province = rng.choice(c.provinces[boundary]) if c.provinces.get(boundary) else None
            base = {"lang": rng.choice(("vi", "en")), "boundary": boundary, "year": rng.choice(c.years)}
            if rng.random() < 0.5:
                base["region"] = rng.choice(c.regions)
            runs = []
            for _ in range(min(runs_per_visit, left)):
                page = rng.choice([p for p in pages if p != page] or list(pages))
                own = {"ind": rng.choice(c.indicators)}
                if page == "profile" and province:
                    own = {"area": province, "hist": rng.choice(c.indicators)}
                elif page == "ministries" and c.ministries:
                    own = {"min": rng.choice(c.ministries)}
                elif page == "regions":
                    own["grp"] = rng.choice(c.groups)
                query = {**base, **own} if not runs else own
                runs.append(Run(page, urlencode(query)))
            visits.append(runs)
            left -= len(runs)
        out.append(visits)
    return out


def page_visits(c: Choices, page: str, *, visits: int, seed: int = 7) -> list[list[list[Run]]]:
    """One user opening ``page`` ``visits`` times, each time in a new session with new choices."""
    rng = random.Random(seed)
    plan = []
    for _ in range(visits):
        one = scenario(c, users=1, runs_per_user=1, runs_per_visit=1, seed=rng.randrange(1 << 30), pages=(page,))
        plan.extend(one[0])
    return [plan]


def plain_scenario(c: Choices, *, users: int, runs_per_user: int, seed: int = 161) -> list[list[list[Run]]]:
    """The same load for the one-page reference app: indicator and year vary on every run."""
    rng = random.Random(seed)
    return [[[Run("", urlencode({"ind": rng.choice(c.indicators), "year": rng.choice(c.years)})) for _ in range(runs_per_user)]]
            for _ in range(users)]  # fmt: skip


async def _visit(url: str, runs: list[Run], route: str, go: asyncio.Event) -> list[dict]:
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    out = []
    await go.wait()
    begun = time.perf_counter()
    # The route cookie keeps the session on one replica behind the balancer (deploy/nginx/ascc-maps.conf).
    async with websockets.connect(url, subprotocols=["streamlit"], max_size=None, open_timeout=RUN_TIMEOUT_S,
                                  additional_headers={"Cookie": f"ascc_route={route}"}) as ws:  # fmt: skip
        for run in runs:
            msg = BackMsg()
            msg.rerun_script.query_string = run.query
            msg.rerun_script.page_name = run.page
            await ws.send(msg.SerializeToString())
            errors, received = [], 0
            while True:
                raw = await asyncio.wait_for(ws.recv(), timeout=RUN_TIMEOUT_S)
                received += len(raw)
                fwd = ForwardMsg()
                fwd.ParseFromString(raw)
                kind = fwd.WhichOneof("type")
                element = fwd.delta.new_element if kind == "delta" and fwd.delta.WhichOneof("type") == "new_element" else None
                if element is not None and element.WhichOneof("type") == "exception":
                    errors.append(element.exception.message[:200])
                # A run that ends early for a rerun (st.rerun) is followed by the rerun: wait for it.
                if kind == "script_finished" and fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    break
            now = time.perf_counter()
            out.append({"page": run.page or "plain", "s": now - begun, "errors": errors, "bytes": received})
            begun = now
    return out


def run_once(port: int, page: str, query: str, route: str | None = None, host: str = "127.0.0.1") -> bytes:
    """Every byte the server sends for one run of a page in a new session (protobuf messages, in which
    texts and chart specs are plain UTF-8): for tests that look for a value on a page."""

    async def one() -> bytes:
        import websockets
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        headers = {"Cookie": f"ascc_route={route}"} if route else {}
        async with websockets.connect(f"ws://{host}:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None,
                                      open_timeout=RUN_TIMEOUT_S, additional_headers=headers) as ws:  # fmt: skip
            msg = BackMsg()
            msg.rerun_script.query_string = query
            msg.rerun_script.page_name = page
            await ws.send(msg.SerializeToString())
            received = b""
            while True:
                raw = await asyncio.wait_for(ws.recv(), timeout=RUN_TIMEOUT_S)
                received += raw
                fwd = ForwardMsg()
                fwd.ParseFromString(raw)
                if fwd.WhichOneof("type") == "script_finished" and fwd.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return received

    return _run(one())


@contextlib.contextmanager
def tab_left_open(port: int, host: str = "127.0.0.1"):
    """A browser tab left open on the dashboard while the body runs. Streamlit forgets its compiled page
    scripts whenever no session is connected; a server in use always has one, so measurements of single
    visits one after another keep this one open."""
    stop = threading.Event()
    ready = threading.Event()

    async def hold():
        import websockets
        from streamlit.proto.BackMsg_pb2 import BackMsg

        async with websockets.connect(f"ws://{host}:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None) as ws:
            msg = BackMsg()
            msg.rerun_script.page_name = "methodology"
            await ws.send(msg.SerializeToString())
            ready.set()
            while not stop.is_set():
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(ws.recv(), timeout=0.2)

    thread = threading.Thread(target=asyncio.run, args=(hold(),), daemon=True)
    thread.start()
    ready.wait(timeout=60)
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


async def _user(url: str, visits: list[list[Run]], go: asyncio.Event) -> list[dict]:
    out = []
    for runs in visits:
        try:
            out.extend(await _visit(url, runs, uuid.uuid4().hex, go))
        except Exception as exc:
            out.append({"page": runs[0].page or "plain", "s": float("nan"), "errors": [f"{type(exc).__name__}: {exc}"[:200]], "bytes": 0})
    return out


def _run(coro):
    # In a thread of its own: the caller may already run an event loop (pytest after Playwright).
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run_load(port: int, plan: list[list[list[Run]]], host: str = "127.0.0.1") -> dict:
    """Play ``plan`` (one list of visits per user) against a server; all users start together."""
    url = f"ws://{host}:{port}/_stcore/stream"

    async def everyone():
        go = asyncio.Event()
        tasks = [asyncio.create_task(_user(url, visits, go)) for visits in plan]
        await asyncio.sleep(0.2)
        begun = time.perf_counter()
        go.set()
        done = await asyncio.gather(*tasks)
        return done, time.perf_counter() - begun

    done, wall = _run(everyone())
    runs = [r for user in done for r in user]
    ok = [r["s"] for r in runs if not r["errors"] and r["s"] == r["s"]]
    errors = [e for r in runs for e in r["errors"]]
    by_page = {}
    for r in runs:
        if not r["errors"]:
            by_page.setdefault(r["page"], []).append(r["s"])
    return {
        "users": len(plan),
        "runs": len(runs),
        "errors": errors,
        "median_s": statistics.median(ok) if ok else float("nan"),
        "p95_s": _pct(ok, 0.95),
        "max_s": max(ok, default=float("nan")),
        "wall_s": wall,
        "throughput": len(ok) / wall if wall else float("nan"),
        "kb_per_run": statistics.median([r["bytes"] for r in runs if r["bytes"]] or [0]) / 1024,
        "p95_by_page": {p: _pct(v, 0.95) for p, v in sorted(by_page.items())},
    }
