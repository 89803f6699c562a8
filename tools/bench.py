"""Performance benchmark: page runs, queries, payload and memory at province, commune and 10x scale.

``python -m ascc bench [--quick] [--out docs/benchmark.md]`` builds three datasets in a temporary folder
(the bundled one; commune values for every indicator; the commune set delivered ten times over), then
for each dataset and page starts a fresh Python process that runs the page once under AppTest (the cold
run, imports included) and then reruns it (warm runs), timing every query through a wrapper around
``ascc.db.run_query``. It runs the load test of many users with varied pages and filters (tools/loadtest.py)
against one app process, replicas behind nginx (ascc.serve) and a plain pandas + plotly express page,
and compares three heavy computations with a plain-pandas version that reloads the Parquet files on
every run. It prints a table and writes it, with the machine it ran on, to a Markdown file.

``--quick`` is the smoke mode of the test suite: tiny datasets, two pages, two or three runs.
``--load`` runs the load test only (``--users 20,50 --replicas N``) and replaces its section of ``--out``.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ascc import settings

APP = settings.PROJECT_ROOT / "app.py"
MARK = "BENCH_RESULT "
PLAIN_PAGE = settings.PROJECT_ROOT / "tools" / "plain_regions.py"

# The targets of issue #7 (2-core machine).
TARGET_WARM_MS = {"bundled": 150, "communes": 400, "x10": 1000}
TARGET_COLD_S = 3.0
TARGET_MEMORY_MB = 1024  # at commune level
# Many users (issue 16): mixed pages with varied filters.
TARGET_BALANCER_P95_S = {20: 1.0, 50: 2.0}
TARGET_ONE_PROCESS_P95_S = {20: 2.0}
TARGET_PLAIN_RATIO = 5.0  # throughput through the balancer / the plain page's
TARGET_PANDAS_RATIO = 5.0  # at commune level
TARGET_POINTS = 5000
TARGET_PAYLOAD_MB = 2.0

# The province shown by the Profile page: Thanh Hóa has the most communes on both sets (166 and 547).
PROFILE_AREA = {"34": "P34-38", "63": "P63-38"}
COMPARE_INDICATOR = "POV_MD"  # a ratio indicator with commune values, for the pandas comparison


@dataclass(frozen=True)
class PageCase:
    """One page as the benchmark opens it: its file, a label and the URL query parameters."""

    page: str
    label: str
    query: dict = field(default_factory=dict)


@dataclass
class Options:
    """How much work one benchmark does."""

    quick: bool
    warm_runs: int
    users: tuple[int, ...]  # simulated users of the load test, one measurement each
    runs_per_user: int
    replicas: int
    pandas_runs: int
    revisions: int  # the stress set holds each commune-level row this many times (batches)
    commune_codes: tuple[str, ...] | None  # indicators given commune values (None = all)


def options(quick: bool) -> Options:
    """The full benchmark, or the tiny smoke version run by the test suite."""
    if quick:
        return Options(True, warm_runs=2, users=(2,), runs_per_user=3, replicas=2, pandas_runs=1, revisions=2,
                       commune_codes=("SIPAS", "CULTURED_FAM"))  # fmt: skip
    return Options(False, warm_runs=20, users=(20, 50), runs_per_user=6, replicas=os.cpu_count() or 2, pandas_runs=3,
                   revisions=10, commune_codes=None)  # fmt: skip


def page_cases(quick: bool) -> list[PageCase]:
    """Every page listed in app.py (the Profile page on both boundary sets), or two pages in quick mode."""
    pages = re.findall(r'st\.Page\(\s*"(pages/[a-z_]+\.py)"', APP.read_text(encoding="utf-8"))
    cases = []
    for page in pages:
        name = Path(page).stem
        if name == "profile":
            # On its communes tab, the heaviest (the tabs are drawn when opened).
            cases.append(PageCase(page, "profile (34)", {"area": PROFILE_AREA["34"], "tab": "communes"}))
            cases.append(PageCase(page, "profile (63)", {"area": PROFILE_AREA["63"], "boundary": "63", "tab": "communes"}))
        else:
            cases.append(PageCase(page, name))
    if quick:
        cases = [c for c in cases if c.label in ("overview", "profile (34)")]
    return cases


# ---------------------------------------------------------------------------------------------------
# Datasets
# ---------------------------------------------------------------------------------------------------


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _result_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(f).metadata.num_rows for f in (path / "results").glob("year=*/*.parquet"))


def build_datasets(root: Path, opts: Options, source: Path | None = None) -> dict[str, Path]:
    """The three datasets: bundled (a copy), communes (every indicator per commune), x10 (revisions).

    communes: the bundled province and nation rows, plus commune rows for every indicator (the demo's own
    split of the province rows, so communes add up to their province), 2016-2024 on the former communes
    and 2025 on the new ones. x10: the communes dataset with every commune-level row delivered in
    ``revisions`` batches: nine older revisions (values off by 1-9 %) under the current one, as an
    importer that keeps history leaves them; each query must find the latest of ten versions.
    """
    import pandas as pd

    from ascc import dataset, demo, reference

    # The demo: the variants are built from its province rows and its split into communes (data/ also holds
    # the published statistics, which come first and have no communes).
    source = source or settings.DEFAULT_DATA_DIR
    out = {}
    bundled = root / "bundled"
    shutil.copytree(source, bundled)
    out["bundled"] = bundled

    communes = root / "communes"
    shutil.copytree(source, communes, ignore=shutil.ignore_patterns("results"))
    for part in sorted((source / "results").glob("year=*/*.parquet")):
        if "communes" not in part.name:
            (communes / "results" / part.parent.name).mkdir(parents=True, exist_ok=True)
            shutil.copy2(part, communes / "results" / part.parent.name / part.name)
    frames = []
    for part in sorted((communes / "results").glob("year=*/*.parquet")):
        frame = pd.read_parquet(part)
        frame["year"] = int(part.parent.name.split("=")[1])
        frames.append(frame)
    provinces = pd.concat(frames, ignore_index=True)
    indicators = reference.indicators()
    codes = opts.commune_codes or tuple(indicators["indicator_code"])
    rows = demo.split_to_communes(provinces, codes, indicators)
    dataset.write_results(communes, rows, demo.COMMUNE_FILE)
    out["communes"] = communes

    x10 = root / "x10"
    shutil.copytree(communes, x10)
    _add_revisions(x10, opts.revisions)
    out["x10"] = x10
    return out


def _add_revisions(data_dir: Path, revisions: int) -> None:
    """Older batches of every commune-level row (batch ids that sort before the current one)."""
    import duckdb

    con = duckdb.connect()
    glob = str(data_dir / "results" / "year=*" / "*communes*.parquet").replace("'", "''")
    for k in range(1, revisions):
        target = str(data_dir / "results").replace("'", "''")
        # Batch ids demo-0000-rK sort before demo-0001, so the current rows stay the latest.
        con.execute(
            f"copy (select indicator_code, area_id, breakdown, value * (1 - {k} / 100.0) as value, numerator, "
            f"denominator, weight, status, source, 'demo-0000-r{k}' as batch_id, year "
            f"from read_parquet('{glob}', hive_partitioning = true)) "
            f"to '{target}' (format parquet, compression zstd, partition_by (year), "
            f"filename_pattern 'demo-0000-r{k}-{{i}}', overwrite_or_ignore)"
        )
    con.close()


# ---------------------------------------------------------------------------------------------------
# The child process: one dataset, one or more pages, cold then warm runs
# ---------------------------------------------------------------------------------------------------


def _pin_router() -> None:
    # NOTE: as tests/apptest.py: AppTest 1.67 resets PagesManager.uses_pages_directory before every run,
    # and reruns would then execute the page file alone, skipping app.py. The real server turns the
    # flag off for good at the first st.navigation call; pin it off so reruns behave as in the browser.
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init


class QueryTimer:
    """Wraps ascc.db.run_query and records (name, seconds) per call while ``active``."""

    def __init__(self):
        from ascc import db

        self.calls: list[tuple[str, float]] = []
        self._db = db
        self._run = db.run_query
        self._lock = threading.Lock()
        db.run_query = self._timed

    def _timed(self, name, **params):
        start = time.perf_counter()
        try:
            return self._run(name, **params)
        finally:
            with self._lock:
                self.calls.append((name, time.perf_counter() - start))

    def take(self) -> list[tuple[str, float]]:
        with self._lock:
            calls, self.calls = self.calls, []
        return calls


def peak_memory_mb() -> float:
    """This process's peak resident memory (MB).

    NOTE: /proc/self/status VmHWM rather than getrusage's ru_maxrss, which Linux carries over from the
    parent across exec: a child of the (large) benchmark process would report the parent's peak.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _slowest(calls: list[tuple[str, float]]) -> tuple[str, float] | None:
    return max(calls, key=lambda c: c[1]) if calls else None


def payload_bytes(at) -> int:
    """The size of what a run sends to the browser: every element's serialized message in the tree."""

    def walk(node) -> int:
        proto = getattr(node, "proto", None)
        total = proto.ByteSize() if proto is not None and hasattr(proto, "ByteSize") else 0
        children = getattr(node, "children", None) or {}
        return total + sum(walk(child) for child in children.values())

    return walk(at._tree)


def chart_points(at) -> list[int]:
    """The largest trace of every Plotly chart of a run, in data points."""
    from ascc.communes import points_in

    return [points_in(json.loads(el.proto.spec)) for el in at.get("plotly_chart")]


def _new_app(case: PageCase):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=600)
    for key, value in case.query.items():
        at.query_params[key] = value
    return at


def _open(at, case: PageCase) -> None:
    """The first run of a session, straight on the page, as a browser opening the page's URL.

    NOTE: before its first run AppTest finds a page by the hash of its file name, which is the hash
    st.navigation gives the page because every url_path in app.py equals the file's stem.
    """
    if case.page != "pages/overview.py":
        at.switch_page(case.page)
    at.run()


def _use_queries(spec: dict) -> None:
    # Another copy of queries/ (``--queries``): measures a proposed change to shared SQL without editing it.
    if spec.get("queries_dir"):
        settings.QUERIES_DIR = Path(spec["queries_dir"])


def child_pages(spec: dict) -> list[dict]:
    """Run in a fresh process: each page cold (first), warm (reruns), then uncached; one dict per page.

    ``spec["runs"]`` lists (dataset, data_dir, cases); the full benchmark gives one page per process, so
    every page's first run is cold; the quick mode runs everything in one process (only the first is cold).
    """
    os.environ.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
    _use_queries(spec)
    _pin_router()
    timer = QueryTimer()
    import streamlit as st

    from ascc import db

    out = []
    for run_spec in spec["runs"]:
        os.environ[settings.DATA_DIR_ENV] = run_spec["data_dir"]
        db.clear_cache()
        for raw in run_spec["cases"]:
            case = PageCase(**raw)
            row = {"label": case.label, "page": case.page, "dataset": run_spec["dataset"], "error": None}
            try:
                at = _new_app(case)
                start = time.perf_counter()
                _open(at, case)
                row["first_run_s"] = time.perf_counter() - start
                row["first_done_epoch"] = time.time()
                if at.exception:
                    raise RuntimeError("; ".join(str(e.value) for e in at.exception)[:300])
                calls = timer.take()
                row["slowest_cold"], row["queries_cold"] = _slowest(calls), len(calls)
                row["payload_bytes"] = payload_bytes(at)
                points = chart_points(at)
                row["n_charts"], row["max_points"] = len(points), max(points, default=0)
                warm = []
                for _ in range(spec["warm_runs"]):
                    start = time.perf_counter()
                    at.run()
                    warm.append(time.perf_counter() - start)
                timer.take()
                row["warm_s"] = warm
                # A rerun with nothing cached but the process and the DuckDB connection: what new filter
                # values cost (every query runs, every figure is built).
                with db._cache_lock:
                    db._cache.clear()
                st.cache_data.clear()
                st.cache_resource.clear()
                start = time.perf_counter()
                at.run()
                row["uncached_s"] = time.perf_counter() - start
                row["slowest_uncached"] = _slowest(timer.take())
            except Exception as exc:  # a broken page is reported in its row, the others still run
                row["error"] = f"{type(exc).__name__}: {exc}"[:300]
            row["maxrss_mb"] = peak_memory_mb()
            out.append(row)
    return out


def child_prepare(spec: dict) -> dict:
    """Run in a fresh process: compute a dataset's materialised aggregates (ascc.db.materialise).

    This is the once-per-data-version step that an import pays (``python -m ascc import`` computes them
    after its batch is committed), so the pages' cold runs below start from a computed cache.
    """
    os.environ[settings.DATA_DIR_ENV] = spec["data_dir"]
    _use_queries(spec)
    from ascc import db

    start = time.perf_counter()
    version, _ = db.connection()
    seconds = time.perf_counter() - start
    folder = db._cache_folder(settings.data_dir(), version)
    return {"seconds": seconds, "peak_mb": peak_memory_mb(), "cache_bytes": _size(folder)}


class StreamlitServer:
    """``streamlit run app.py`` on a free local port, for one dataset; a context manager."""

    def __init__(self, data_dir: Path, script: Path = APP):
        self.data_dir, self.script = data_dir, script
        self.port = 0
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> StreamlitServer:
        import socket
        import urllib.request

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        env = {**os.environ, settings.DATA_DIR_ENV: str(self.data_dir), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        self.log = tempfile.NamedTemporaryFile(prefix="ascc-bench-server-", suffix=".log", delete=False)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(self.script), "--server.headless", "true",
             "--server.port", str(self.port), "--server.address", "127.0.0.1"],
            cwd=settings.PROJECT_ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=1)
                return self
            except OSError:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("the Streamlit server did not start")

    def peak_memory_mb(self) -> float:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def log_tail(self, chars: int = 3000) -> str:
        return Path(self.log.name).read_text(errors="replace")[-chars:]

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()
        Path(self.log.name).unlink(missing_ok=True)


def _cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) used so far by these processes and their children (nginx's workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total, seen = 0.0, set()
    todo = list(pids)
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
            todo += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except (OSError, IndexError, ValueError):
            continue
    return total


def _rss_mb(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1]) / 1024
    return total


@contextlib.contextmanager
def _setup(kind: str, data_dir: Path, replicas: int):
    """A server under test: (port, pids of its processes). Kinds: app (one process), balancer, plain."""
    from ascc import serve

    if kind == "balancer":
        env = {**os.environ, settings.DATA_DIR_ENV: str(data_dir)}
        with serve.Balancer(replicas, serve.free_port(), "127.0.0.1", env=env) as bal:
            yield bal.port, [r.proc.pid for r in bal.replicas] + [bal.nginx.pid]
    else:
        with StreamlitServer(data_dir, APP if kind == "app" else PLAIN_PAGE) as server:
            yield server.port, [server.proc.pid]


def page_costs(data_dir: Path, visits: int) -> list[dict]:
    """Server CPU per page run: one user opens each page ``visits`` times, each in a new session with new
    choices (language, boundary set, year, indicator, province), on one app process after a warm-up, with
    another tab left open (as on a server in use)."""
    from tools import loadtest

    choices = loadtest.choices_of(data_dir)
    rows = []
    with _setup("app", data_dir, 1) as (port, pids), loadtest.tab_left_open(port):
        loadtest.run_load(port, loadtest.scenario(choices, users=2, runs_per_user=10, seed=1))
        for page in loadtest.PAGES:
            cpu0 = _cpu_seconds(pids)
            result = loadtest.run_load(port, loadtest.page_visits(choices, page, visits=visits))
            rows.append({"page": page, "runs": result["runs"], "cpu_ms": (_cpu_seconds(pids) - cpu0) / result["runs"] * 1000,
                         "median_s": result["median_s"], "kb_per_run": result["kb_per_run"], "errors": result["errors"]})  # fmt: skip
            print(f"  {page:10s} {rows[-1]['cpu_ms']:.0f} ms CPU per run, median {result['median_s']:.2f} s", flush=True)
    return rows


def many_users(data_dir: Path, users: tuple[int, ...], replicas: int, runs_per_user: int) -> list[dict]:
    """The load test (tools/loadtest.py) against one app process, N replicas behind nginx, and the plain
    pandas + plotly express page (one process), each at every number of users, on a fresh server that
    has first served a warm-up plan of other choices (as a dashboard in use has)."""
    from tools import loadtest

    # As deployed (python3 tasks.py serve, ascc-warm.service): aggregates and assessments computed once.
    subprocess.run([sys.executable, "-m", "ascc", "warm"], check=True, capture_output=True, cwd=settings.PROJECT_ROOT,
                   env={**os.environ, settings.DATA_DIR_ENV: str(data_dir)})  # fmt: skip
    from ascc import serve

    choices = loadtest.choices_of(data_dir)
    rows = []
    kinds = ("app", "balancer", "plain") if serve.nginx_binary() else ("app", "plain")
    if "balancer" not in kinds:
        print("  nginx is not installed: the balancer is not measured (python3 tasks.py serve installs it)", flush=True)
    for kind in kinds:
        for n in users:
            if kind == "plain":
                plan = loadtest.plain_scenario(choices, users=n, runs_per_user=runs_per_user, seed=161 + n)
                warm = loadtest.plain_scenario(choices, users=2, runs_per_user=2, seed=1)
            else:
                plan = loadtest.scenario(choices, users=n, runs_per_user=runs_per_user, seed=161 + n)
                warm = loadtest.scenario(choices, users=2 * replicas, runs_per_user=5, seed=1)
            with _setup(kind, data_dir, replicas) as (port, pids):
                loadtest.run_load(port, warm)
                cpu0, own0 = _cpu_seconds(pids), sum(os.times()[:2])
                row = loadtest.run_load(port, plan)
                row.update(kind=kind, replicas=replicas if kind == "balancer" else 1, server_cpu_s=_cpu_seconds(pids) - cpu0,
                           client_cpu_s=sum(os.times()[:2]) - own0, server_peak_mb=_rss_mb(pids))  # fmt: skip
            rows.append(row)
            print(f"  {kind:8s} {n:3d} users: {row['runs']} runs, median {row['median_s']:.2f} s, p95 {row['p95_s']:.2f} s, "
                  f"{row['throughput']:.1f} runs/s, {len(row['errors'])} errors", flush=True)  # fmt: skip
    return rows


def _spawn(kind: str, spec: dict) -> tuple[object, float, float]:
    """Run a child process; return its result, its start time (epoch) and its wall time."""
    spawned = time.time()
    proc = subprocess.run(
        [sys.executable, "-m", "tools.bench", kind, json.dumps(spec)],
        capture_output=True, text=True, cwd=settings.PROJECT_ROOT, env={**os.environ, "PYTHONPATH": str(settings.PROJECT_ROOT)},
    )  # fmt: skip
    wall = time.time() - spawned
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith(MARK)]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"benchmark child {kind} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(lines[-1][len(MARK):]), spawned, wall


# ---------------------------------------------------------------------------------------------------
# Plain pandas, as many Streamlit apps do it: reload the Parquet files on every run
# ---------------------------------------------------------------------------------------------------


def _pandas_load(data_dir: Path):
    import pandas as pd

    results = pd.read_parquet(data_dir / "results")  # every file, every column, on every run
    results["year"] = results["year"].astype(int)
    results = results.sort_values("batch_id", kind="stable").drop_duplicates(
        ["indicator_code", "area_id", "year", "breakdown"], keep="last"
    )  # the latest batch wins, as in the app
    areas = pd.read_parquet(data_dir / "areas.parquet")
    lineage = pd.read_parquet(data_dir / "lineage.parquet")
    indicators = pd.read_parquet(data_dir / "indicators.parquet").set_index("indicator_code")
    return results, areas, lineage, indicators


def _pandas_34(results, lineage, indicators, code: str):
    """Every new province's values of a ratio indicator, all years: reported, or rebuilt from the former ones."""
    import pandas as pd

    scale = float(indicators.loc[code, "scale"])
    rows = results[(results["indicator_code"] == code) & (results["breakdown"] == "total")]
    reported = rows[rows["area_id"].str.startswith("P34-")][["area_id", "year", "numerator", "denominator", "value"]]
    old = rows[rows["area_id"].str.startswith("P63-")].merge(lineage, left_on="area_id", right_on="former_id")
    members = lineage[lineage["former_id"].str.startswith("P63-")].groupby("successor_id").size().rename("members")
    rebuilt = old.groupby(["successor_id", "year"]).agg(numerator=("numerator", "sum"), denominator=("denominator", "sum"),
                                                        n=("value", "count")).reset_index()  # fmt: skip
    rebuilt = rebuilt.join(members, on="successor_id").rename(columns={"successor_id": "area_id"})
    rebuilt["value"] = (rebuilt["numerator"] / rebuilt["denominator"] * scale).where(rebuilt["n"] == rebuilt["members"])
    rebuilt = rebuilt.merge(reported[["area_id", "year"]], how="left", indicator=True)
    rebuilt = rebuilt[rebuilt["_merge"] == "left_only"].drop(columns=["_merge", "n", "members"])
    return pd.concat([reported, rebuilt], ignore_index=True)


def pandas_ranking(data_dir: Path, code: str, year: int):
    """The new provinces ranked on one indicator and year, with the regional aggregates."""
    results, areas, lineage, indicators = _pandas_load(data_dir)
    values = _pandas_34(results, lineage, indicators, code)
    values = values[values["year"] == year].merge(areas[["area_id", "region_code"]], on="area_id")
    better = values["value"] if indicators.loc[code, "higher_is_better"] else -values["value"]
    values["rank"] = better.rank(ascending=False, method="min")
    ok = values[values["value"].notna()]
    regions = ok.groupby("region_code")[["numerator", "denominator"]].sum()
    regions["value"] = regions["numerator"] / regions["denominator"] * float(indicators.loc[code, "scale"])
    return values.set_index("area_id")["value"], regions["value"]


def pandas_trend(data_dir: Path, code: str, area_id: str):
    """One new province's series of one indicator (rebuilt before 2025)."""
    results, _, lineage, indicators = _pandas_load(data_dir)
    values = _pandas_34(results, lineage, indicators, code)
    return values[values["area_id"] == area_id].set_index("year")["value"].sort_index()


def pandas_rebuild(data_dir: Path, code: str):
    """Every region's series on the 34-province boundaries: the boundary rebuild, then the regional sums."""
    results, areas, lineage, indicators = _pandas_load(data_dir)
    values = _pandas_34(results, lineage, indicators, code)
    values = values[values["value"].notna()].merge(areas[["area_id", "region_code"]], on="area_id")
    regions = values.groupby(["region_code", "year"])[["numerator", "denominator"]].sum()
    return regions["numerator"] / regions["denominator"] * float(indicators.loc[code, "scale"])


def compare_with_pandas(data_dir: Path, runs: int) -> list[dict]:
    """DuckDB (ascc.db.run_query, result cache emptied before each call) against plain pandas, same answers."""
    import numpy as np

    from ascc import db

    os.environ[settings.DATA_DIR_ENV] = str(data_dir)
    db.clear_cache()
    code, area, year = COMPARE_INDICATOR, PROFILE_AREA["34"], 2025

    def duck_ranking():
        ranking = db.run_query("province_ranking", lang="en", indicator=code, boundary="34", year=year, breakdown="total")
        summary = db.run_query("region_summary", lang="en", indicator=code, boundary="34", year=year, breakdown="total")
        return ranking.set_index("area_id")["value"], summary.set_index("area_id")["value"]

    def duck_trend():
        return db.run_query("province_trend", indicator=code, areas=[area], breakdown="total").set_index("year")["value"]

    def duck_rebuild():
        return db.run_query("region_trend", lang="en", indicator=code, boundary="34", breakdown="total")

    cases = [
        ("regional ranking", duck_ranking, lambda: pandas_ranking(data_dir, code, year)),
        ("province trend", duck_trend, lambda: pandas_trend(data_dir, code, area)),
        ("boundary rebuild", duck_rebuild, lambda: pandas_rebuild(data_dir, code)),
    ]
    out = []
    db.run_query("indicator_list", lang="en")  # open the connection (once per dataset, as the app does)
    for name, duck, plain in cases:
        duck_times, plain_times = [], []
        for _ in range(runs):
            with db._cache_lock:
                db._cache.clear()
            start = time.perf_counter()
            duck_answer = duck()
            duck_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            plain_answer = plain()
            plain_times.append(time.perf_counter() - start)
        if name == "regional ranking":
            same = np.allclose(duck_answer[0].reindex(plain_answer[0].index), plain_answer[0], equal_nan=True) and np.allclose(
                duck_answer[1].rename(lambda a: a.removeprefix("R-")).reindex(plain_answer[1].index), plain_answer[1])
        elif name == "province trend":
            same = np.allclose(duck_answer.reindex(plain_answer.dropna().index), plain_answer.dropna())
        else:
            regions = duck_answer[duck_answer["area_id"] != "VN"]
            duck_series = regions.set_index([regions["area_id"].str.removeprefix("R-"), "year"])["value"]
            same = np.allclose(duck_series.reindex(plain_answer.index), plain_answer)
        duck_ms, plain_ms = statistics.median(duck_times) * 1000, statistics.median(plain_times) * 1000
        out.append({"computation": name, "duckdb_ms": duck_ms, "pandas_ms": plain_ms, "ratio": plain_ms / duck_ms,
                    "same_answer": bool(same)})  # fmt: skip
    db.clear_cache()
    return out


# ---------------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------------


def machine() -> dict:
    """The machine and versions the benchmark ran on."""
    import duckdb
    import pandas
    import plotly
    import streamlit

    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(),
        "memory": mem,
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "streamlit": streamlit.__version__,
        "plotly": plotly.__version__,
        "pandas": pandas.__version__,
        "load_at_start": f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}",
    }


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summarise(result: dict) -> dict:
    """Targets met or missed, from the raw measurements."""
    pages = [p for p in result["pages"] if not p.get("error")]
    checks = []

    def check(name: str, ok: bool, detail: str) -> None:
        checks.append({"target": name, "met": ok, "detail": detail})

    for ds, limit in TARGET_WARM_MS.items():
        rows = [p for p in pages if p["dataset"] == ds]
        if not rows:
            continue
        worst = max(rows, key=lambda p: statistics.median(p["warm_s"]))
        ms = statistics.median(worst["warm_s"]) * 1000
        check(f"warm page run median ≤ {limit} ms ({ds})", ms <= limit, f"slowest page: {worst['label']} {ms:.0f} ms")
    worst = max(pages, key=lambda p: p["cold_s"], default=None)
    if worst:
        check(f"cold first page ≤ {TARGET_COLD_S:g} s", worst["cold_s"] <= TARGET_COLD_S,
              f"slowest: {worst['label']} on {worst['dataset']} {worst['cold_s']:.1f} s")  # fmt: skip
    rows = [p for p in pages if p["dataset"] == "communes"]
    if rows:
        # Every process that works on the commune dataset: the page processes and the one-off step that
        # computes the aggregates.
        parts = {"pages": max(p["maxrss_mb"] for p in rows)}
        for d in result["datasets"]:
            if d["name"] == "communes":
                parts["aggregates step"] = d["prepare_mb"]
        mem = max(parts.values())
        check(f"peak memory at commune level ≤ {TARGET_MEMORY_MB / 1024:g} GB", mem <= TARGET_MEMORY_MB,
              ", ".join(f"{k} {v:.0f} MB" for k, v in parts.items()))  # fmt: skip
    checks.extend(load_checks(result["load"]))
    cmp_rows = [r for r in result["pandas"] if r["dataset"] == "communes"]
    if cmp_rows:
        low = min(cmp_rows, key=lambda r: r["ratio"])
        check(f"≥ {TARGET_PANDAS_RATIO:g}× faster than plain pandas (communes)",
              low["ratio"] >= TARGET_PANDAS_RATIO and all(r["same_answer"] for r in cmp_rows),
              f"lowest: {low['computation']} {low['ratio']:.1f}×")  # fmt: skip
    most = max(pages, key=lambda p: p["max_points"], default=None)
    if most:
        check(f"no chart sends more than {TARGET_POINTS:,} points", most["max_points"] <= TARGET_POINTS,
              f"largest: {most['max_points']:,} ({most['label']}, {most['dataset']})")  # fmt: skip
    big = max(pages, key=lambda p: p["payload_bytes"], default=None)
    if big:
        check(f"no page sends more than {TARGET_PAYLOAD_MB:g} MB", big["payload_bytes"] <= TARGET_PAYLOAD_MB * 1e6,
              f"largest: {big['label']} on {big['dataset']} {big['payload_bytes'] / 1e6:.2f} MB")  # fmt: skip
    errors = [p for p in result["pages"] if p.get("error")]
    if errors:
        check("every page runs", False, "; ".join(f"{p['label']} ({p['dataset']}): {p['error']}" for p in errors)[:400])
    return {"checks": checks}


def load_checks(rows: list[dict]) -> list[dict]:
    """The targets of the load test (issue 16), met or not."""
    out = []
    by = {(r["kind"], r["users"]): r for r in rows}

    def errors(r: dict) -> str:
        return f", {len(r['errors'])} errors" if r["errors"] else ""

    for n, limit in TARGET_BALANCER_P95_S.items():
        if r := by.get(("balancer", n)):
            out.append({"target": f"{n} users, mixed pages, through the balancer ({r['replicas']} replicas): p95 ≤ {limit:g} s, no errors",
                        "met": r["p95_s"] <= limit and not r["errors"], "detail": f"p95 {r['p95_s']:.2f} s{errors(r)}"})  # fmt: skip
    for n, limit in TARGET_ONE_PROCESS_P95_S.items():
        if r := by.get(("app", n)):
            out.append({"target": f"{n} users, mixed pages, one process: p95 ≤ {limit:g} s",
                        "met": r["p95_s"] <= limit and not r["errors"], "detail": f"p95 {r['p95_s']:.2f} s{errors(r)}"})  # fmt: skip
    ratios = [(n, by[("balancer", n)]["throughput"] / by[("plain", n)]["throughput"])
              for (kind, n) in by if kind == "balancer" and ("plain", n) in by and by[("plain", n)]["throughput"] > 0]  # fmt: skip
    if ratios:
        low = min(ratios, key=lambda x: x[1])
        out.append({"target": f"throughput through the balancer ≥ {TARGET_PLAIN_RATIO:g}× the plain page's",
                    "met": low[1] >= TARGET_PLAIN_RATIO, "detail": f"lowest: {low[1]:.1f}× at {low[0]} users"})  # fmt: skip
    return out


def load_markdown(rows: list[dict], machine_line: str | None = None) -> list[str]:
    """The "Many users" section of the report."""
    lines = [
        "## Many users",
        "",
    ]
    if machine_line:
        lines += [machine_line, ""]
    lines += [
        "The load test of `tools/loadtest.py` on the bundled demo dataset. Each simulated user opens the dashboard at "
        "an address of its own (language, boundary set, region, year), then goes to another page at each run "
        "(Overview, Regions, Profile, Pillars, Ministries) with that page's own choices (indicator, province, "
        "ministry) drawn at random, and after three runs comes back at a new address (a new session); every user "
        "starts at the same moment and goes on without pause (no reading time), 6 runs each. A run is timed from "
        "the request (from opening the websocket for a session's first run) until the server reports the script "
        "finished. Setups: **one process** (`python3 tasks.py run`); **balancer**: `python3 tasks.py serve`, "
        "replicas behind nginx, the route cookie keeping each session on one replica; **plain page**: "
        "`tools/plain_regions.py`, the Regions question answered as a Streamlit user often writes it (every result "
        "file read with pandas and the ranking drawn with plotly express on every rerun), one process, with the "
        "indicator and year varied at every run. Each measurement on a fresh server that has first served a "
        "warm-up of other choices, after `python -m ascc warm` (as `serve` and the systemd units do). The load "
        "generator runs on the same machine and its CPU is shown (client CPU). Server CPU: all its processes "
        "(replicas and nginx), per run.",
        "",
        "| setup | users | runs | median s | p95 s | max s | wall s | runs/s | errors | server CPU ms/run | client CPU s | KB/run | server memory MB | p95 by page (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    names = {"app": "one process", "balancer": "balancer", "plain": "plain page"}
    rows = sorted(rows, key=lambda r: (list(names).index(r["kind"]), r["users"]))
    for r in rows:
        name = names[r["kind"]] + (f" ({r['replicas']} replicas)" if r["kind"] == "balancer" else "")
        per_page = ", ".join(f"{k} {v:.2f}" for k, v in r["p95_by_page"].items())
        lines.append(
            f"| {name} | {r['users']} | {r['runs']} | {r['median_s']:.2f} | {r['p95_s']:.2f} | {r['max_s']:.2f} | "
            f"{r['wall_s']:.1f} | {r['throughput']:.1f} | {len(r['errors'])} | {r['server_cpu_s'] / max(r['runs'], 1) * 1000:.0f} | "
            f"{r['client_cpu_s']:.1f} | {r['kb_per_run']:.0f} | {r['server_peak_mb']:.0f} | {per_page} |"
        )
    lines += ["", *capacity_paragraph(rows), *queue_paragraph(rows)]
    return lines


def queue_paragraph(rows: list[dict]) -> list[str]:
    """Why the waiting time of n users who never pause is what it is: a queue for the cores."""
    cores = os.cpu_count() or 1
    out = []
    for r in rows:
        if r["kind"] != "balancer" or r["errors"] or r["users"] not in TARGET_BALANCER_P95_S:
            continue
        cpu = r["server_cpu_s"] / max(r["runs"], 1)
        limit = TARGET_BALANCER_P95_S[r["users"]]
        factor = r["p95_s"] / limit  # the queue shortens in proportion to the CPU per run, or to the cores
        out.append(f"{r['users']} users: each run waits for the runs of the others, about {r['users']} × {cpu * 1000:.0f} ms "
                   f"/ {cores} cores = {r['users'] * cpu / cores:.1f} s (measured median {r['median_s']:.1f} s, p95 "
                   f"{r['p95_s']:.1f} s); a p95 of {limit:g} s needs {factor:.1f}× less: about "
                   f"{cpu * 1000 / factor:.0f} ms of CPU per run, or {math.ceil(cores * factor)} cores.")  # fmt: skip
    if not out:
        return []
    return ["", "### Why the waiting grows with the users", "",
            "Every simulated user asks for its next page the moment the last one arrives, so the server always "
            "has a queue; the time a run waits is the CPU of the runs ahead of it spread over the cores, whatever "
            "the balancing. " + " ".join(out)]


READING_S = 10  # a visitor reads about this long between two clicks


def capacity_paragraph(rows: list[dict]) -> list[str]:
    """When one machine stops being enough, from the measured throughput, and what to do then."""
    best = max((r for r in rows if r["kind"] == "balancer" and not r["errors"]), key=lambda r: r["throughput"], default=None)
    if best is None:
        return []
    rate, cpu = best["throughput"], best["server_cpu_s"] / max(best["runs"], 1) * 1000
    return [
        "### When one machine stops being enough",
        "",
        f"Through the balancer this machine completed **{rate:.1f} page runs a second** with every core busy "
        f"({cpu:.0f} ms of server CPU per run with varied choices). A visitor who reads for about {READING_S} s "
        f"between clicks asks for one run every {READING_S} s, so about **{rate * READING_S:.0f} visitors clicking "
        f"at that pace** are served with runs near a single visit's time; a hall of n people who all click at the "
        f"same moment waits about n / {rate:.1f} s for the last page (50 people: {50 / rate:.1f} s). Beyond that, "
        "in this order: (1) more cores on the same machine, one replica per core (`--replicas`, or one "
        "`ascc@PORT` unit per core); (2) several machines behind the same nginx: list every host's replicas in "
        "`ascc_replicas` (the route cookie keeps each browser on one replica across hosts), keep the dataset on "
        "shared storage that every host reads — DuckDB reads the Parquet files from an object store "
        "(`s3://…` through its httpfs extension) as from a folder — and let each host compute its aggregate "
        "cache once per version (the lock in `ascc.db` is per host); (3) when data managers import from several "
        "hosts at once, the file lock of `ascc.batches` no longer serialises them (it holds on one host or one "
        "POSIX file system): move the batch log and results into a DuckLake catalog (a database holding the "
        "table metadata, Parquet files on the object store), which gives concurrent writers transactions.",
    ]


def _query(slowest) -> str:
    return f"{slowest[0]} {slowest[1] * 1000:.0f}" if slowest else "–"


def markdown(result: dict) -> str:
    """The report: machine, datasets, pages, concurrent sessions, pandas comparison, targets."""
    m = result["machine"]
    lines = [
        "# Benchmark",
        "",
        f"Written by `python -m ascc bench{' --quick' if result['quick'] else ''}` on {m['date']}: "
        f"{m['cores']} cores ({m['cpu']}), {m['memory']} memory, load average at start {m['load_at_start']}; "
        f"Python {m['python']}, DuckDB {m['duckdb']}, Streamlit {m['streamlit']}, Plotly {m['plotly']}, "
        f"pandas {m['pandas']}."
        + (f" Queries from `{result['queries_dir']}` instead of `queries/`." if result.get("queries_dir") else ""),
        "",
        "## Datasets",
        "",
        "Aggregates: the shared views (34-province rebuild, regional and national aggregates, commune values "
        "on both boundary sets) computed once for the dataset's version in a new process and written to the "
        "cache folder (`ascc.db.materialise`); an import does this right after committing its batch.",
        "",
        "| dataset | what | result rows | size on disk | aggregates computed in | peak memory then | cache size |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for d in result["datasets"]:
        lines.append(f"| {d['name']} | {d['what']} | {d['rows']:,} | {d['bytes'] / 1e6:.1f} MB | "
                     f"{d['prepare_s']:.1f} s | {d['prepare_mb']:.0f} MB | {d['cache_bytes'] / 1e6:.1f} MB |")
    lines += [
        "",
        "## Pages",
        "",
        "Cold: a new Python process, from its start (imports included) until the page is drawn, opened at "
        "the page's own URL, with the dataset's aggregates already computed (see Datasets). Warm: reruns of the same page in that process (median and 95th percentile). Uncached: one rerun "
        "after emptying the query cache and Streamlit's caches (every query and figure built again, as for new "
        "filter values). Slowest query: name and milliseconds, in the cold run and in the uncached rerun (in the cold "
        "run the first query of the process also opens the connection and loads the computed aggregates). "
        "Payload: the serialized elements the run sends to the browser. Points: the largest chart trace.",
        "",
        "| dataset | page | cold s | warm median ms | warm p95 ms | uncached ms | slowest query, cold (ms) "
        "| slowest query, uncached (ms) | payload KB | charts | max points | peak RSS MB |",
        "|---|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|",
    ]
    for p in result["pages"]:
        if p.get("error"):
            lines.append(f"| {p['dataset']} | {p['label']} | error: {p['error']} |||||||||")
            continue
        lines.append(
            f"| {p['dataset']} | {p['label']} | {p['cold_s']:.1f} | {statistics.median(p['warm_s']) * 1000:.0f} | "
            f"{_pct(p['warm_s'], 0.95) * 1000:.0f} | {p['uncached_s'] * 1000:.0f} | {_query(p['slowest_cold'])} | "
            f"{_query(p['slowest_uncached'])} | {p['payload_bytes'] / 1024:.0f} | {p['n_charts']} | "
            f"{p['max_points']:,} | {p['maxrss_mb']:.0f} |"
        )
    lines += [
        "",
    ]
    lines += load_markdown(result["load"])
    lines += [
        "",
        "## DuckDB against plain pandas",
        "",
        f"Indicator {COMPARE_INDICATOR} on the 34-province boundaries. DuckDB: the app's queries through "
        "`run_query` with its result cache emptied (the connection stays open, as in the app): "
        "`province_ranking` + `region_summary` (2025), `province_trend` (Thanh Hóa), `region_trend` (every "
        "region and year, rebuilt before 2025). pandas: `pd.read_parquet` of every result file on each run, "
        "latest batch kept, then the same computation; both give the same numbers (checked).",
        "",
        "| dataset | computation | DuckDB ms | pandas ms | pandas / DuckDB | same answer |",
        "|---|---|---:|---:|---:|---|",
    ]
    for r in result["pandas"]:
        lines.append(
            f"| {r['dataset']} | {r['computation']} | {r['duckdb_ms']:.0f} | {r['pandas_ms']:.0f} | "
            f"{r['ratio']:.1f}× | {'yes' if r['same_answer'] else 'NO'} |"
        )
    lines += ["", "## Targets", "", "| target | met | measured |", "|---|---|---|"]
    for c in result["summary"]["checks"]:
        lines.append(f"| {c['target']} | {'yes' if c['met'] else '**no**'} | {c['detail']} |")
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def own_cache(root: Path):
    """The aggregate cache under ``root`` for this process and the servers it starts (ASCC_CACHE_DIR),
    the previous setting restored afterwards."""
    previous = os.environ.get(settings.CACHE_DIR_ENV)
    os.environ[settings.CACHE_DIR_ENV] = str(root / "cache")  # inherited by the child processes
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(settings.CACHE_DIR_ENV, None)
        else:
            os.environ[settings.CACHE_DIR_ENV] = previous


def run(opts: Options, out: Path | None, keep: Path | None = None, queries: Path | None = None) -> dict:
    """The whole benchmark; returns the raw measurements (and writes the report when ``out`` is given)."""
    result = {"quick": opts.quick, "machine": machine(), "pages": [], "load": [], "pandas": [], "datasets": [],
              "queries_dir": str(queries) if queries else None}  # fmt: skip
    if queries is not None:
        settings.QUERIES_DIR = queries.resolve()
        os.environ["ASCC_QUERIES_DIR"] = str(settings.QUERIES_DIR)  # the server of the session test too
    root = Path(tempfile.mkdtemp(prefix="ascc-bench-"))
    cache = contextlib.ExitStack()
    cache.enter_context(own_cache(root))
    try:
        print(f"building datasets in {root} ...", flush=True)
        sets = build_datasets(root, opts)
        what = {
            "bundled": "the bundled demo dataset (copy of data/)",
            "communes": "province rows + commune rows for "
            + ("every indicator" if opts.commune_codes is None else ", ".join(opts.commune_codes))
            + ", 2016–2025",
            "x10": f"communes, every commune row delivered in {opts.revisions} batches (the latest wins)",
        }
        for name, path in sets.items():
            info = {"name": name, "what": what[name], "rows": _result_rows(path), "bytes": _size(path)}
            prep, _, _ = _spawn("prepare", {"data_dir": str(path), "queries_dir": result["queries_dir"]})
            info.update(prepare_s=prep["seconds"], prepare_mb=prep["peak_mb"], cache_bytes=prep["cache_bytes"])
            result["datasets"].append(info)
            print(f"  {name}: {info['rows']:,} result rows, {info['bytes'] / 1e6:.1f} MB; aggregates computed in "
                  f"{prep['seconds']:.1f} s ({prep['peak_mb']:.0f} MB peak), cache {prep['cache_bytes'] / 1e6:.1f} MB",
                  flush=True)  # fmt: skip
        cases = page_cases(opts.quick)
        if opts.quick:  # one process for everything
            batches = [[(name, path, cases) for name, path in sets.items()]]
        else:  # one process per dataset and page, so that every page's first run is cold
            batches = [[(name, path, [case])] for name, path in sets.items() for case in cases]
        for batch in batches:
            spec = {"warm_runs": opts.warm_runs, "queries_dir": result["queries_dir"],
                    "runs": [{"dataset": n, "data_dir": str(p), "cases": [c.__dict__ for c in cs]} for n, p, cs in batch]}  # fmt: skip
            rows, spawned, _ = _spawn("pages", spec)
            for i, row in enumerate(rows):
                # Only the first page of a process is cold; in quick mode the others are first visits.
                row["cold_s"] = row.get("first_done_epoch", spawned) - spawned if i == 0 else row.get("first_run_s", 0.0)
                result["pages"].append(row)
                if row.get("error"):
                    print(f"  {row['dataset']:8s} {row['label']:14s} ERROR {row['error']}", flush=True)
                else:
                    print(f"  {row['dataset']:8s} {row['label']:14s} cold {row['cold_s']:.1f} s, warm median "
                          f"{statistics.median(row['warm_s']) * 1000:.0f} ms, slowest query {_query(row['slowest_cold'])} ms",
                          flush=True)  # fmt: skip
        # Many users on the bundled set; the pandas comparison at commune level only in quick mode.
        result["load"] = many_users(sets["bundled"], opts.users, opts.replicas, opts.runs_per_user)
        for name, path in sets.items():
            if opts.quick and name != "communes":
                continue
            for row in compare_with_pandas(path, opts.pandas_runs):
                row["dataset"] = name
                result["pandas"].append(row)
                print(f"  {name:8s} {row['computation']}: pandas / DuckDB = {row['ratio']:.1f}", flush=True)
    finally:
        cache.close()
        if keep is not None:
            shutil.copytree(root, keep, dirs_exist_ok=True)
        shutil.rmtree(root, ignore_errors=True)
    result["summary"] = summarise(result)
    report = markdown(result)
    print(report)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(report, encoding="utf-8")
        print(f"written to {out}")
    return result


def run_load_only(opts: Options, out: Path | None) -> dict:
    """Only the load test (``--load``): on a copy of the bundled dataset; replaces the "Many users" section
    of the report at ``out`` (with the machine it ran on), the rest of the report kept."""
    m = machine()  # the load average before the test, not after it
    root = Path(tempfile.mkdtemp(prefix="ascc-bench-"))
    try:
        with own_cache(root):
            data = root / "bundled"
            shutil.copytree(settings.DEFAULT_DATA_DIR, data)
            rows = many_users(data, opts.users, opts.replicas, opts.runs_per_user)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    line = (f"Written by `python -m ascc bench --load` on {m['date']}: {m['cores']} cores ({m['cpu']}), {m['memory']} memory, "
            f"load average at start {m['load_at_start']}; Streamlit {m['streamlit']}, nginx {_nginx_version()}.")  # fmt: skip
    checks = load_checks(rows)
    section = load_markdown(rows, line) + ["", "| target | met | measured |", "|---|---|---|"]
    section += [f"| {c['target']} | {'yes' if c['met'] else '**no**'} | {c['detail']} |" for c in checks]
    text = "\n".join(section) + "\n"
    print(text)
    if out is not None:
        old = out.read_text(encoding="utf-8") if out.exists() else "# Benchmark\n"
        start = old.find("## Many users")
        if start < 0:
            start = old.find("## DuckDB against plain pandas")
            new_text = old + "\n" + text if start < 0 else old[:start] + text + "\n" + old[start:]
        else:
            end = old.find("\n## ", start + 3)
            new_text = old[:start] + text + ("" if end < 0 else old[end:])
        out.write_text(new_text, encoding="utf-8")
        print(f"written to {out}")
    return {"load": rows, "checks": checks}


def _nginx_version() -> str:
    from ascc import serve

    nginx = serve.nginx_binary()
    if nginx is None:
        return "not installed"
    done = subprocess.run([nginx, "-v"], capture_output=True, text=True)
    return (done.stderr or done.stdout).strip().split("/")[-1]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``python -m ascc bench``."""
    parser.add_argument("--quick", action="store_true", help="smoke mode: tiny data, two pages, two or three runs")
    parser.add_argument("--out", type=Path, default=None, help="write the report (Markdown) here, e.g. docs/benchmark.md")
    parser.add_argument("--keep", type=Path, default=None, help="copy the generated datasets here")
    parser.add_argument("--load", action="store_true",
                        help="only the load test (many users: one process, the balancer, the plain page); replaces "
                        "the 'Many users' section of --out")  # fmt: skip
    parser.add_argument("--users", default=None, help="numbers of simulated users, comma-separated (default 20,50)")
    parser.add_argument("--replicas", type=int, default=None, help="replicas behind the balancer (default: the number of cores)")
    parser.add_argument("--queries", type=Path, default=None,
                        help="use another copy of queries/ (to measure a proposed change to shared SQL)")  # fmt: skip


def main(args: argparse.Namespace) -> int:
    """Run the benchmark; exit code 0 when it ran (targets are reported, not enforced)."""
    opts = options(args.quick)
    if args.users:
        opts.users = tuple(int(n) for n in args.users.split(","))
    if args.replicas:
        opts.replicas = args.replicas
    if args.load:
        run_load_only(opts, args.out)
    else:
        run(opts, args.out, args.keep, args.queries)
    return 0


if __name__ == "__main__":
    kind, spec = sys.argv[1], json.loads(sys.argv[2])
    outcome = {"pages": child_pages, "prepare": child_prepare}[kind](spec)
    print(MARK + json.dumps(outcome), flush=True)
