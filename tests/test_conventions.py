"""Convention tests: queries have headers and are used; pages are tested; no SQL in pages."""

from __future__ import annotations

import re
from pathlib import Path

from ascc import db

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ["app.py", "pages", "ui", "ascc"]


def _code_text() -> str:
    parts = []
    for entry in CODE_DIRS:
        path = ROOT / entry
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        parts += [f.read_text(encoding="utf-8") for f in files]
    return "\n".join(parts)


def test_every_query_has_a_header():
    for name in db.query_names():
        text = (ROOT / "queries" / f"{name}.sql").read_text(encoding="utf-8")
        head = text.split("\n\n")[0]
        assert re.search(r"^-- (Question|Invariant):", text, re.M), f"{name}: no question/invariant line"
        assert "-- Grain:" in text, f"{name}: no grain line"
        assert "-- Parameters:" in text, f"{name}: no parameters line"
        _, params = db.load_query(name)
        for p in params:
            assert f"${p}" in head or f"--   ${p}" in text, f"{name}: parameter ${p} not described"


def test_every_query_is_used():
    code = _code_text()
    tests = "\n".join(f.read_text(encoding="utf-8") for f in (ROOT / "tests").glob("*.py"))
    for name in db.query_names():
        if name.startswith("checks/"):
            continue  # run by tests/test_checks.py over the whole folder
        assert f'"{name}"' in code, f"query {name} is not used by the app"
        assert f'"{name}"' in tests, f"query {name} has no test"


def test_no_sql_in_pages_or_app():
    sql = re.compile(r"\b(select|insert|update|delete)\b[^\n]*\bfrom\b|\bexecute\(", re.I)
    for f in [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
        assert not sql.search(f.read_text(encoding="utf-8")), f"SQL-like text in {f.name}"


def test_only_db_runs_duckdb():
    # The dataset is queried through ascc.db.run_query only (reading a library's SQLite file is not that).
    for f in [*(ROOT / "ascc").rglob("*.py"), *(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py")]:
        if f.name in ("db.py", "bench.py"):
            continue
        assert "import duckdb" not in f.read_text(encoding="utf-8"), f"{f.name} uses DuckDB directly"


def test_every_page_has_a_test():
    pages = re.findall(r'"(pages/[a-z_]+\.py)"', (ROOT / "app.py").read_text(encoding="utf-8"))
    on_disk = sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))
    assert sorted(pages) == on_disk, "every page file is listed in app.py and vice versa"
    # tests/test_pages.py runs every page listed in app.py in both languages


def test_modules_open_with_a_docstring():
    for f in [*(ROOT / "ascc").rglob("*.py"), *(ROOT / "ui").glob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]:
        text = f.read_text(encoding="utf-8").lstrip()
        assert text.startswith('"""'), f"{f.relative_to(ROOT)} has no module docstring"


def test_translation_keys_used_in_code_exist():
    from ascc import i18n

    code = _code_text()
    used = set(re.findall(r'\bt\(\s*"([a-z_]+(?:\.[a-z0-9_]+)+)"', code))
    missing = sorted(k for k in used if k not in i18n.MESSAGES)
    assert not missing, f"translation keys used but not in the catalogue: {missing}"


def test_every_view_has_a_header_and_is_created():
    from ascc import db

    for f in db.view_files():
        text = f.read_text(encoding="utf-8")
        if text.startswith("-- Macros:"):  # the rules every view uses (queries/views/00_rules.sql)
            assert "-- Rules:" in text and "create or replace macro" in text, f.name
            continue
        assert text.startswith("-- View:") and "-- Grain:" in text and "-- Rules:" in text, f.name
        assert "create or replace view" in text


def test_charts_go_through_presentation_mode():
    # Every chart is shown with ui.present.chart, so presentation mode can show it one per screen.
    for f in [*(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]:
        if f.name == "present.py":
            continue
        assert "plotly_chart(" not in f.read_text(encoding="utf-8"), f"{f.name} calls plotly_chart directly"
