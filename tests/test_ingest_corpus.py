"""The bad-file corpus: every file is refused with its reason, row and column, and changes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from ascc import batches, db, ingest, settings
from ascc.cli import main as cli_main
from tests.bad_files.corpus import CASES, Case, csv


def folder_hash(folder: Path) -> str:
    """One sha256 over every file's relative path and bytes (hidden files included)."""
    h = hashlib.sha256()
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(folder)).encode())
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


@pytest.fixture(scope="module")
def official(tmp_path_factory) -> Path:
    """An official dataset made by init-dataset, with one committed batch (so results and a log exist)."""
    folder = tmp_path_factory.mktemp("official") / "data"
    batches.init_dataset(folder)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(settings.DATA_DIR_ENV, str(folder))
        db.clear_cache()
        report = ingest.run_import(csv("indicator,area,year,value", "HH_COMPUTER,Hà Nội,2023,53.2",
                                       "HH_COMPUTER,Cả nước,2023,28.3"), "seed.csv", ingest.Options(), who="test")
        assert report.outcome == "committed", report.to_text("en")
    db.clear_cache()
    return folder


@pytest.fixture()
def use_official(official, monkeypatch) -> Path:
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(official))
    db.clear_cache()
    yield official
    db.clear_cache()


def test_the_corpus_is_large_and_varied():
    assert len(CASES) >= 25
    assert len({c.name for c in CASES}) == len(CASES)
    assert len({c.code for c in CASES}) >= 25


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_file_is_refused_with_its_reason_and_changes_nothing(case: Case, use_official):
    before = folder_hash(use_official)
    report = ingest.run_import(case.data, case.file_name, ingest.Options(**case.options), who="test")
    assert report.outcome == "rejected"
    hits = [p for p in report.errors if p.code == case.code]
    assert hits, f"expected {case.code}, got {[(p.code, p.row, p.col) for p in report.errors]}"
    problem = hits[0]
    assert problem.row == case.row
    if case.col is not None:
        assert ingest.column_letter(problem.col) == case.col
    # The message names the place as Excel shows it, in both languages.
    for lang, row_word, col_word in (("vi", "Dòng", "cột"), ("en", "Row", "column")):
        line = problem.line(lang)
        if case.row is not None:
            assert f"{row_word} {case.row}" in line
        if case.col is not None:
            assert f"{col_word} {case.col}" in line
        assert problem.message(lang) != f"ingest.reason.{case.code}"
        assert "{" not in problem.message(lang), "a placeholder was left unfilled"
    assert report.batch_id is None
    assert folder_hash(use_official) == before


def test_cli_refuses_a_bad_file_with_a_nonzero_exit_and_the_reason(use_official, tmp_path, capsys):
    before = folder_hash(use_official)
    case = next(c for c in CASES if c.name == "decimal_comma_among_points")
    path = tmp_path / case.file_name
    path.write_bytes(case.data)
    code = cli_main(["import", str(path), "--data-dir", str(use_official), "--lang", "en"])
    out = capsys.readouterr().out
    assert code == 1
    assert "Row 4, column D (value)" in out and "decimal mark" in out and "NOT IMPORTED" in out
    assert folder_hash(use_official) == before


def test_every_reason_code_has_a_message_in_both_languages():
    from ascc import i18n

    codes = {c.code for c in CASES} | ingest._FATAL
    for code in codes:
        entry = i18n.MESSAGES.get(f"ingest.reason.{code}")
        assert entry and entry["vi"] and entry["en"], code


def test_rejected_import_shows_the_current_values_unchanged(use_official):
    before = db.run_query("ingest_current_values", codes=["HH_COMPUTER"], years=None)
    case = next(c for c in CASES if c.name == "value_inconsistent")
    ingest.run_import(case.data, case.file_name, ingest.Options(), who="test")
    after = db.run_query("ingest_current_values", codes=["HH_COMPUTER"], years=None)
    pd.testing.assert_frame_equal(before, after)
