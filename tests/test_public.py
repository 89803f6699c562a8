"""The public-statistics dataset: every value is its cell in the statistics office's table, the build is
deterministic and equals the committed data/public, the dataset's invariants hold."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from ascc import db, ingest, nso, public, settings

COMMITTED = settings.PUBLIC_DATA_DIR


def _files(folder: Path) -> dict[str, bytes]:
    """Every built file (not the hand-written README) by path."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "README.md"}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The dataset built once for the session."""
    out = tmp_path_factory.mktemp("public-a")
    public.build_public(out)
    return out


@pytest.fixture(scope="session")
def results(built) -> pd.DataFrame:
    frames = []
    for path in sorted((built / "results").glob("year=*/*.parquet")):
        frame = pq.read_table(path).to_pandas()
        frame["year"] = int(path.parent.name.split("=")[1])
        frame["file"] = path.name
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


@pytest.fixture(scope="session")
def areas(built) -> pd.DataFrame:
    return pd.read_parquet(built / "areas.parquet")


def _source_cells(code: str, areas: pd.DataFrame) -> pd.DataFrame:
    """The cells of an indicator's source table (its item's), read by ascc.nso, with the area each label names."""
    file_name, item = public.TABLES[code]
    table = nso.read_table(nso.SOURCES_DIR / file_name)
    if item is not None:
        table = table[table["item"].map(ingest.key).str.startswith(ingest.key(item))]
        assert table["item"].nunique() == 1, f"{code}: item {item!r} names {table['item'].unique()}"
    table = table.assign(area_id=nso.province_ids(table["label"], areas).values)
    unmatched = set(table.loc[table["area_id"].isna(), "label"])
    assert unmatched <= {"Ha Tay"}, unmatched  # the province dissolved in 2008, not an area of the dataset
    return table[table["area_id"].notna()]


@pytest.mark.parametrize("code", list(public.TABLES))
def test_every_value_is_its_cell_in_the_source_file(code, results, areas):
    cells = _source_cells(code, areas)
    published = cells[cells["value"].notna()]
    got = results[results["indicator_code"] == code]
    # one row per cell with a figure (national and region rows included), none for ".." cells
    keys = ["area_id", "year"]
    assert not got.duplicated(keys).any()
    assert sorted(map(tuple, got[keys].values.tolist())) == sorted(map(tuple, published[keys].values.tolist()))
    joined = published.merge(got, on=keys, suffixes=("", "_built"), validate="one_to_one")
    assert (joined["value_built"] == joined["value"]).all(), joined[joined["value_built"] != joined["value"]].head()
    expected_status = joined["preliminary"].map({True: "preliminary", False: "final"})
    assert (joined["status"] == expected_status).all()
    table = public.table_id(public.TABLES[code][0])
    assert set(joined["breakdown"]) == {"total"}
    assert set(joined["source"]) == {f"TCTK (NSO), bảng PX-Web {table}"}
    assert set(joined["batch_id"]) == {f"nso-{table}"} and set(joined["file"]) == {f"nso-{table}.parquet"}


def test_national_and_region_rows_and_2025_on_the_former_provinces(results):
    water = results[results["indicator_code"] == "WATER_HYG"]
    assert {"VN", "R-RRD", "R-NMM", "R-NCC", "R-CH", "R-SE", "R-MRD"} <= set(water["area_id"])
    in_2025 = results[(results["year"] == 2025) & results["area_id"].str.startswith("P")]
    assert in_2025["area_id"].str.startswith("P63-").all()  # as published: the 34 are rebuilt by the views
    assert in_2025.groupby("indicator_code").size().eq(63).all()
    hi = results[(results["indicator_code"] == "HI_COVERAGE") & (results["area_id"] == "P63-94")]
    assert hi.set_index("year").loc[2017, "value"] == 114.9  # Sóc Trăng above 100 %, kept as published


def test_build_is_deterministic_and_equals_the_committed_dataset(built, tmp_path):
    again = tmp_path / "public-b"
    manifest = public.build_public(again)
    assert _files(again) == _files(built)
    assert manifest["bundled"] is True and manifest["kind"] == "official"
    if not (COMMITTED / "manifest.json").exists():
        pytest.skip("data/public not built")
    assert _files(COMMITTED) == _files(built), "data/public differs from what python -m ascc build-public writes"
    assert json.loads((COMMITTED / "manifest.json").read_text(encoding="utf-8"))["version"] == manifest["version"]


@pytest.fixture()
def use_built(built, monkeypatch) -> Path:
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(built))
    db.clear_cache()
    yield built
    db.clear_cache()


@pytest.mark.parametrize("check", [q for q in db.query_names() if q.startswith("checks/")])
def test_dataset_checks_pass(use_built, check):
    bad = db.run_query(check)
    assert bad.empty, bad.head().to_string()


def test_the_34_provinces_of_2025_are_rebuilt_from_the_63(use_built):
    ranking = db.run_query("province_ranking", lang="en", indicator="WATER_HYG", boundary="34", year=2025,
                           breakdown="total")
    assert len(ranking) == 34 and ranking["value"].notna().all() and ranking["derived"].all()
    former = db.run_query("province_ranking", lang="en", indicator="WATER_HYG", boundary="63", year=2025,
                          breakdown="total").set_index("area_id")
    assert former.loc["P63-01", "value"] == 99.93 and not former.loc["P63-01", "derived"]
    # Hà Nội's boundaries did not change in 2025: the new province has the former one's value
    assert ranking.set_index("area_id").loc["P34-01", "value"] == pytest.approx(99.93)


def test_the_bundled_dataset_refuses_imports(use_built):
    report = ingest.run_import(b"indicator,area,year,value\nPOV_MD,Ha Noi,2023,0.1\n", "x.csv", ingest.Options(),
                               who="t")
    assert report.outcome == "refused" and [p.code for p in report.errors] == ["bundled_dataset"]
