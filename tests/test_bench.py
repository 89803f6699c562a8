"""The benchmark runs end to end in its smoke mode (tiny data, two pages, two runs), so it cannot rot.

Timing targets are reported by the benchmark itself, never asserted here.
"""

from __future__ import annotations

import pytest

from ascc import serve
from ascc.cli import build_parser
from tools import bench


@pytest.fixture(scope="module")
def quick(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "benchmark.md"
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(bench.settings.DATA_DIR_ENV, raising=False)  # measure the bundled dataset
        result = bench.run(bench.options(quick=True), out)
    return result, out


def test_bench_is_a_registered_command():
    args = build_parser().parse_args(["bench", "--quick", "--out", "x.md"])
    assert args.quick and str(args.out) == "x.md"


def test_quick_bench_measures_every_dataset_and_page(quick):
    result, _ = quick
    assert [d["name"] for d in result["datasets"]] == ["bundled", "communes", "x10"]
    rows = {d["name"]: d["rows"] for d in result["datasets"]}
    assert rows["x10"] > rows["communes"] > rows["bundled"] > 0  # 2 revisions of the commune rows in quick mode
    for d in result["datasets"]:  # the aggregates were computed once, in their own process, and cached
        assert d["prepare_s"] > 0 and d["prepare_mb"] > 50 and d["cache_bytes"] > 100_000
    pages = result["pages"]
    assert {(p["dataset"], p["label"]) for p in pages} == {
        (d, label) for d in ("bundled", "communes", "x10") for label in ("overview", "profile (34)")
    }
    for p in pages:
        assert p["error"] is None, p["error"]
        assert len(p["warm_s"]) == 2 and p["uncached_s"] > 0 and p["cold_s"] > 0
        assert p["payload_bytes"] > 10_000 and p["maxrss_mb"] > 50
        assert p["slowest_cold"] and p["slowest_cold"][0] in {q for q in bench_queries()}
    profile = next(p for p in pages if p["label"] == "profile (34)" and p["dataset"] == "bundled")
    assert profile["max_points"] == 166  # Thanh Hóa's communes on the map, one point each


def bench_queries() -> list[str]:
    from ascc import db

    return db.query_names()


def test_quick_bench_runs_the_load_test_and_the_pandas_comparison(quick):
    result, _ = quick
    kinds = {r["kind"] for r in result["load"]}
    assert {"app", "plain"} <= kinds and ("balancer" in kinds) == (serve.nginx_binary() is not None)
    for row in result["load"]:
        assert row["users"] == 2 and row["runs"] == 6 and not row["errors"], row["errors"]
        # A real server answered over the websocket with whole pages, and its processes used CPU.
        assert row["kb_per_run"] > 5 and row["server_cpu_s"] > 0 and row["server_peak_mb"] > 50
    app = next(r for r in result["load"] if r["kind"] == "app")
    assert set(app["p95_by_page"]) <= {"overview", "regions", "profile", "pillars", "ministries"} and len(app["p95_by_page"]) >= 3
    assert [r["computation"] for r in result["pandas"]] == ["regional ranking", "province trend", "boundary rebuild"]
    assert all(r["same_answer"] for r in result["pandas"])  # DuckDB and pandas give the same numbers


def test_quick_bench_writes_the_report_with_every_target(quick):
    result, out = quick
    text = out.read_text(encoding="utf-8")
    for heading in ("## Datasets", "## Pages", "## Many users", "## DuckDB against plain pandas", "## Targets"):
        assert heading in text
    assert "cores" in text and "DuckDB 2" in text and "Streamlit" in text
    targets = " ".join(c["target"] for c in result["summary"]["checks"])
    for words in ("warm page run median", "cold first page", "peak memory", "faster than plain pandas", "5,000 points", "2 MB"):
        assert words in targets
