"""Server CPU per page run, and the mixed load on one process, for an earlier commit and for this checkout.

    .venv/bin/python -m tools.before_after REV [--visits 12] [--users 20]

Checks REV out into a temporary git worktree (using this checkout's .venv), then for each of the two
trees: copies the bundled demo dataset, computes its aggregates as that tree does, starts one app process
and measures, with this checkout's load tool (tools/loadtest.py), the server CPU of a visit to each page
with new choices (a tab left open, as on a server in use) and the mixed load of ``--users`` simulated
users. Prints a Markdown table; docs/benchmark.md ("Cheaper runs") quotes it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ascc import settings
from tools import loadtest
from tools.bench import StreamlitServer, _cpu_seconds, own_cache


def measure(tree: Path, visits: int, users: int) -> dict:
    root = Path(tempfile.mkdtemp(prefix="ascc-before-after-"))
    try:
        with own_cache(root):
            data = root / "bundled"
            shutil.copytree(settings.DEFAULT_DATA_DIR, data)
            env = {**os.environ, settings.DATA_DIR_ENV: str(data)}
            # Each tree prepares the dataset as it would in use: the aggregates (and, where it has it, warm).
            has_warm = "warm" in (tree / "ascc" / "cli.py").read_text(encoding="utf-8")
            prep = ["-m", "ascc", "warm"] if has_warm else ["-c", "from ascc import db; db.connection()"]
            subprocess.run([sys.executable, *prep], check=True, cwd=tree, env=env, capture_output=True)
            choices = loadtest.choices_of(data)
            out = {"pages": {}}
            with StreamlitServer(data, tree / "app.py") as server, loadtest.tab_left_open(server.port):
                loadtest.run_load(server.port, loadtest.scenario(choices, users=2, runs_per_user=10, seed=1))
                for page in loadtest.PAGES:
                    cpu0 = _cpu_seconds([server.proc.pid])
                    result = loadtest.run_load(server.port, loadtest.page_visits(choices, page, visits=visits))
                    if result["errors"]:
                        raise RuntimeError(f"{tree}: {page}: {result['errors'][:2]}")
                    out["pages"][page] = (_cpu_seconds([server.proc.pid]) - cpu0) / result["runs"] * 1000
            with StreamlitServer(data, tree / "app.py") as server:
                loadtest.run_load(server.port, loadtest.scenario(choices, users=2, runs_per_user=5, seed=1))
                cpu0 = _cpu_seconds([server.proc.pid])
                result = loadtest.run_load(server.port, loadtest.scenario(choices, users=users, runs_per_user=6, seed=161 + users))
                out["load"] = {**result, "cpu_ms": (_cpu_seconds([server.proc.pid]) - cpu0) / result["runs"] * 1000}
            return out
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rev", help="the earlier commit")
    parser.add_argument("--visits", type=int, default=12, help="visits per page (default 12)")
    parser.add_argument("--users", type=int, default=20, help="simulated users of the mixed load (default 20)")
    args = parser.parse_args(argv)
    here = settings.PROJECT_ROOT
    worktree = Path(tempfile.mkdtemp(prefix="ascc-rev-")) / "tree"
    subprocess.run(["git", "worktree", "add", "--detach", str(worktree), args.rev], check=True, cwd=here, capture_output=True)
    try:
        (worktree / ".venv").symlink_to(here / ".venv")
        before = measure(worktree, args.visits, args.users)
        after = measure(here, args.visits, args.users)
    finally:
        subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=here, capture_output=True)
    rev = subprocess.run(["git", "rev-parse", "--short", args.rev], capture_output=True, text=True, cwd=here).stdout.strip()
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=here).stdout.strip()
    lines = [f"| page | before ({rev}) ms CPU/run | after ({head}) ms CPU/run | change |", "|---|---:|---:|---:|"]
    for page in loadtest.PAGES:
        b, a = before["pages"][page], after["pages"][page]
        lines.append(f"| {page} | {b:.0f} | {a:.0f} | {(a - b) / b:+.0%} |")
    for label, key, fmt in (("mixed load, server CPU per run (ms)", "cpu_ms", "{:.0f}"),
                            (f"mixed load, {args.users} users, one process: p95 (s)", "p95_s", "{:.2f}"),
                            ("mixed load: runs per second", "throughput", "{:.1f}")):  # fmt: skip
        b, a = before["load"][key], after["load"][key]
        lines.append(f"| {label} | {fmt.format(b)} | {fmt.format(a)} | {(a - b) / b:+.0%} |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
