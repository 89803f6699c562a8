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


def test_no_streamlit_in_ascc():
    # ascc/ is the UI-free package (the CLI, the report and the tests import it without a server);
    # Streamlit belongs in app.py, pages/ and ui/ (and tools/, the benchmark and load test).
    allowed: set[str] = set()
    found = re.compile(r"^\s*(?:import streamlit\b|from streamlit\b)", re.M)
    offenders = sorted(
        rel for f in (ROOT / "ascc").rglob("*.py")
        if (rel := f.relative_to(ROOT).as_posix()) not in allowed and found.search(f.read_text(encoding="utf-8"))
    )
    assert not offenders, f"Streamlit imported in the UI-free package: {offenders}"


# Vietnamese letters that English text never has: a string literal holding one is Vietnamese text.
_VIETNAMESE = re.compile(r"[À-ÃÈ-ÊÌÍÒ-ÕÙÚÝà-ãè-êìíò-õùúýĂăĐđĨĩŨũƠơƯưẠ-ỹ]")
# Modules that build or describe the datasets: their words are data (names of areas, indicators, ministries,
# sources, written into the Parquet files with both languages in separate columns), not interface text.
_DATA_MODULES = {"ascc/reference.py", "ascc/public.py", "ascc/demo.py", "ascc/nso.py", "ascc/batches.py",
                 "ascc/geo.py"}
# Single literals that are not interface text in one language, each with its reason.
_ALLOWED_LITERALS = {
    ("app.py", "ASCC Việt Nam"),  # the browser tab's title, a name, set before the language is known
    ("ui/regions_ui.py", "đ"), ("ui/regions_ui.py", "Đ"),  # folding diacritics for ASCII labels
    ("ascc/export.py", "đ"), ("ascc/export.py", "Đ"),
    ("ascc/ingest/text.py", "đ"),
    ("ascc/ingest/candidates.py", "Ghi chú"),  # words read in imported files (a note row), not shown
}
# The import templates are one bilingual file: each sheet name and header carries both languages at once.
_BILINGUAL_FILES = {"ascc/ingest/template.py", "ascc/catalogue.py"}


def _literals_outside_the_catalogues():
    import ast

    files = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py")),
             *sorted((ROOT / "ascc").rglob("*.py"))]
    for f in files:
        rel = f.relative_to(ROOT).as_posix()
        if rel == "ascc/i18n.py" or rel.startswith("ascc/messages/") or rel in _DATA_MODULES:
            continue
        tree = ast.parse(f.read_text(encoding="utf-8"))
        docstrings = {
            id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)
        }
        for n in ast.walk(tree):
            if isinstance(n, ast.Dict) and {"vi", "en"} <= {getattr(k, "value", None) for k in n.keys if k} and any(
                    isinstance(v, ast.Constant) and isinstance(v.value, str) and re.search(r"[^\W\d_]{2,}", v.value)
                    for v in n.values):
                yield rel, n.lineno, "a {'vi': ..., 'en': ...} dict of words"
            elif (isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
                  and _VIETNAMESE.search(n.value) and (rel, n.value) not in _ALLOWED_LITERALS
                  and rel not in _BILINGUAL_FILES):
                yield rel, n.lineno, repr(n.value[:50])


def test_user_facing_strings_live_in_the_catalogues():
    # Every word the interface shows comes from ascc.i18n.t, so it exists in both languages (tests/test_i18n_state.py
    # checks the catalogue): no Vietnamese literal and no ad-hoc {"vi": ..., "en": ...} dict in the code.
    found = list(_literals_outside_the_catalogues())
    assert not found, "move these into ascc/messages/ and call t(...):\n" + "\n".join(f"{f}:{n}: {s}" for f, n, s in found)


# Streamlit calls whose first argument (or label/help/placeholder) is shown to the reader as text.
_TEXT_CALLS = {"title", "header", "subheader", "markdown", "caption", "write", "text", "button", "download_button",
               "link_button", "page_link", "radio", "selectbox", "multiselect", "toggle", "checkbox", "info",
               "warning", "error", "success", "expander", "popover", "metric", "text_input", "number_input",
               "slider", "select_slider", "file_uploader", "segmented_control", "pills", "tabs", "Page"}


def test_streamlit_text_comes_from_the_catalogues():
    # English words passed straight to st.* in the pages and ui/ would show in English on a Vietnamese screen.
    import ast

    words = re.compile(r"[^\W\d_]{3,}\s+[^\W\d_]{2,}")
    found = []
    for f in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").glob("*.py"))]:
        for n in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in _TEXT_CALLS):
                continue
            shown = n.args[:1] + [k.value for k in n.keywords if k.arg in ("label", "help", "placeholder", "title")]
            for a in shown:
                parts = [a] if isinstance(a, ast.Constant) else a.values if isinstance(a, ast.JoinedStr) else []
                text = "".join(p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str))
                if words.search(text):
                    found.append(f"{f.relative_to(ROOT)}:{n.lineno}: {text[:50]!r}")
    assert not found, "UI text outside the catalogues:\n" + "\n".join(found)
