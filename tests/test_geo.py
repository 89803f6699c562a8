"""Tests of the province geography (tile grids, boundaries, dissolve) and the two map builders."""

from __future__ import annotations

import base64
import csv
import json
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import MultiPolygon, box, mapping, shape

from ascc import geo, maps

SHARED = Path(__file__).resolve().parents[2] / "shared"
MAPPING_CSV = SHARED / "data" / "province_63_to_34.csv"
GEOJSON_63 = SHARED / "geo" / "geoBoundaries-VNM-ADM1_simplified.geojson"


def _words(text: str) -> list[str]:
    return text.split()


CODES_63 = _words(
    "01 02 04 06 08 10 11 12 14 15 17 19 20 22 24 25 26 27 30 31 33 34 35 36 37 38 40 42 44 45 46 48 49 "
    "51 52 54 56 58 60 62 64 66 67 68 70 72 74 75 77 79 80 82 83 84 86 87 89 91 92 93 94 95 96"
)
CODES_34 = _words(
    "01 04 08 11 12 14 15 19 20 22 24 25 31 33 37 38 40 42 44 46 48 51 52 56 66 68 75 79 80 82 86 91 92 96"
)

# Fallback 63 -> 34 mapping (former GSO code -> new GSO code) so that tests run without ../shared.
# Fact from Resolution 202/2025/QH15 of the National Assembly on provincial-level arrangement.
FALLBACK_63_TO_34 = dict(
    pair.split(">")
    for pair in _words(
        "01>01 02>08 04>04 06>19 08>08 10>15 11>11 12>12 14>14 15>15 17>25 19>19 20>20 22>22 24>24 25>25 "
        "26>25 27>24 30>31 31>31 33>33 34>33 35>37 36>37 37>37 38>38 40>40 42>42 44>44 45>44 46>46 48>48 "
        "49>48 51>51 52>52 54>66 56>56 58>56 60>68 62>51 64>52 66>66 67>68 68>68 70>75 72>80 74>79 75>75 "
        "77>79 79>79 80>80 82>82 83>86 84>86 86>86 87>82 89>91 91>91 92>92 93>92 94>92 95>96 96>96"
    )
)

ARCH_VI = ("QĐ. Hoàng Sa (Đà Nẵng)", "QĐ. Trường Sa (Khánh Hòa)")
ARCH_EN = ("Hoang Sa Archipelago (Da Nang)", "Truong Sa Archipelago (Khanh Hoa)")


def _mapping_rows() -> list[dict[str, str]] | None:
    if not MAPPING_CSV.is_file():
        return None
    with open(MAPPING_CSV, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _lineage(pairs: dict[str, str]) -> pd.DataFrame:
    """A LINEAGE frame (former_id, successor_id, effective) from former code -> new code."""
    return pd.DataFrame(
        {
            "former_id": [f"P63-{c}" for c in pairs],
            "successor_id": [f"P34-{c}" for c in pairs.values()],
            "effective": [date(2025, 7, 1)] * len(pairs),
        }
    )


@pytest.fixture(scope="module")
def lineage() -> pd.DataFrame:
    rows = _mapping_rows()
    if rows is None:
        return _lineage(FALLBACK_63_TO_34)
    return _lineage({r["code_63"]: r["code_34"] for r in rows})


@pytest.fixture(scope="module")
def boundaries() -> tuple[dict, dict]:
    """The 63 provinces from the reference GeoJSON and their dissolve to 34 (computed once)."""
    if not GEOJSON_63.is_file():
        pytest.skip(f"reference boundaries not present: {GEOJSON_63}")
    fc63 = geo.load_boundaries_63(GEOJSON_63)
    rows = _mapping_rows()
    pairs = {r["code_63"]: r["code_34"] for r in rows} if rows else FALLBACK_63_TO_34
    return fc63, geo.dissolve_to_34(fc63, _lineage(pairs))


def _frame(boundary_set: str, *, missing: tuple[int, ...] = (3,)) -> pd.DataFrame:
    """A tile-map input frame with seeded values, some missing."""
    df = geo.tile_layout(boundary_set)
    rng = np.random.default_rng(161)
    df["value"] = np.round(rng.uniform(1, 40, len(df)), 1)
    df.loc[list(missing), "value"] = np.nan
    df["label"] = "T" + df["area_id"].str[4:]
    df["value_text"] = [("" if np.isnan(v) else f"{v:.1f}") for v in df["value"]]
    df["hover"] = "<b>" + df["area_id"] + "</b><br>" + df["value_text"] + " (derived)"
    return df


def _arr(value) -> np.ndarray:
    """A figure-dict array: plotly encodes numeric numpy arrays as base64 ``bdata``."""
    if isinstance(value, dict) and "bdata" in value:
        flat = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        return flat.reshape([int(n) for n in value["shape"].split(",")]) if "shape" in value else flat
    return np.asarray(value)


def _trace(fig_dict: dict, name: str) -> dict:
    found = [t for t in fig_dict["data"] if t.get("name") == name]
    assert len(found) == 1, f"expected one trace named {name!r}, found {len(found)}"
    return found[0]


# ---------------------------------------------------------------------------------------------
# Tile grids
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("grid", "codes"), [(geo.TILE_GRID_63, CODES_63), (geo.TILE_GRID_34, CODES_34)])
def test_tile_grid_has_exactly_the_gso_codes_on_distinct_cells(grid, codes):
    assert sorted(grid) == sorted(codes)
    assert len(set(grid.values())) == len(grid), "two provinces share a tile"
    assert all(isinstance(c, int) and isinstance(r, int) and c >= 0 and r >= 0 for c, r in grid.values())


@pytest.mark.parametrize("boundary_set", ["63", "34"])
def test_every_tile_touches_another_and_archipelagos_sit_in_the_sea(boundary_set):
    grid = geo.TILE_GRIDS[boundary_set]
    cells = set(grid.values())
    for code, (c, r) in grid.items():
        around = {(c + dc, r + dr) for dc in (-1, 0, 1) for dr in (-1, 0, 1)} - {(c, r)}
        assert around & cells, f"tile {code} is isolated"
    arch = geo.archipelago_tiles(boundary_set)
    east_coast = max(c for c, _ in cells)
    for row in arch.itertuples():
        assert row.col > east_coast - 1 and (round(row.col), round(row.row)) not in cells
        assert row.parent_area_id in {geo.area_id(boundary_set, "48"), geo.area_id(boundary_set, "56")}


@pytest.mark.parametrize("boundary_set", ["63", "34"])
def test_tile_grid_reads_as_the_s_shape(boundary_set):
    g = geo.TILE_GRIDS[boundary_set]
    row = {code: g[code][1] for code in g}
    col = {code: g[code][0] for code in g}
    # North to south: Lai Châu, Hà Nội, Huế, Đà Nẵng, Khánh Hòa, HCMC, Cà Mau (codes shared by both sets).
    chain = ["12", "01", "46", "48", "56", "79", "96"]
    assert [row[c] for c in chain] == sorted(row[c] for c in chain)
    assert row["96"] == max(row.values()), "Cà Mau is at the bottom"
    assert min(row[c] for c in ("11", "12", "04")) <= 1, "the far north sits on the top rows"
    # Hà Nội has delta neighbours on all sides; HCMC lies west of the central coast.
    assert col["79"] < col["56"]
    if boundary_set == "63":
        for highland, coast in (("62", "51"), ("64", "52"), ("66", "54"), ("68", "56")):
            assert col[highland] < col[coast] and row[highland] == row[coast]
        cells = {v: k for k, v in g.items()}
        c, r = g["01"]
        assert {cells.get((c + dc, r + dr)) for dc, dr in ((1, 0), (-1, 0), (0, 1), (0, -1))} == {
            "27",
            "17",
            "35",
            "26",
        }


def test_tile_rows_follow_latitude(boundaries):
    fc63, fc34 = boundaries
    for boundary_set, fc in (("63", fc63), ("34", fc34)):
        centre = {f["id"]: shape(f["geometry"]).representative_point() for f in fc["features"]}
        layout = geo.tile_layout(boundary_set)
        lat = layout["area_id"].map(lambda a, centre=centre: centre[a].y)
        lon = layout["area_id"].map(lambda a, centre=centre: centre[a].x)
        # Rank correlations (Spearman): rows run north to south, columns roughly west to east.
        assert layout["row"].rank().corr((-lat).rank()) > 0.95
        assert layout["col"].rank().corr(lon.rank()) > 0.6


def test_tile_layout_frame():
    df = geo.tile_layout("34")
    assert list(df.columns) == ["area_id", "col", "row"]
    assert len(df) == 34 and df["area_id"].str.fullmatch(r"P34-\d\d").all()
    with pytest.raises(ValueError, match="boundary set"):
        geo.tile_layout("64")


def test_archipelago_labels():
    labels = {a["id"]: a for a in geo.archipelago_labels()}
    assert set(labels) == {"HS", "TS"}
    hs, ts = labels["HS"], labels["TS"]
    assert (hs["label_vi"], ts["label_vi"]) == ARCH_VI and (hs["label_en"], ts["label_en"]) == ARCH_EN
    assert (hs["province_code"], ts["province_code"]) == ("48", "56")
    assert abs(hs["lat"] - 16.5) < 1 and abs(hs["lon"] - 112.0) < 1
    assert abs(ts["lat"] - 10.0) < 1 and abs(ts["lon"] - 114.0) < 1


def test_iso_and_lineage_facts_agree_with_the_reference_table():
    rows = _mapping_rows()
    if rows is None:
        pytest.skip(f"reference table not present: {MAPPING_CSV}")
    assert {r["iso_3166_2_63"]: r["code_63"] for r in rows} == geo.ISO_3166_2_TO_GSO_63
    assert {r["code_63"]: r["code_34"] for r in rows} == FALLBACK_63_TO_34


# ---------------------------------------------------------------------------------------------
# Tile map
# ---------------------------------------------------------------------------------------------


def _tile_map(boundary_set: str, **kw) -> dict:
    df = kw.pop("df", None)
    df = _frame(boundary_set) if df is None else df
    args = dict(lang="vi", title="T", unit="%", colorscale_reversed=False) | kw
    return maps.tile_map(df, **args).to_dict()


def _heatmaps(fig: dict) -> list[dict]:
    return [t for t in fig["data"] if t["type"] == "heatmap" and t.get("name") == maps.NAME_TILE_FILLS]


def _filled_cells(heatmap: dict) -> set[tuple[int, int]]:
    """(col, row) of every finite heatmap cell; heatmap y runs upwards to 0, so row = -y."""
    z = _arr(heatmap["z"]).astype(float)
    xs, ys = _arr(heatmap["x"]), _arr(heatmap["y"])
    return {(int(xs[j]), int(-ys[i])) for i, j in zip(*np.nonzero(np.isfinite(z)), strict=True)}


class _Frame:
    """Pixel <-> data geometry of a tile map at the full tile size (the height fixes it)."""

    def __init__(self, fig: dict):
        layout = fig["layout"]
        self.x0, self.x1 = layout["xaxis"]["range"]
        self.y0, self.y1 = layout["yaxis"]["range"]
        self.plot_h = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
        self.px = self.plot_h / (self.y1 - self.y0)  # pixels per tile
        self.min_width = (self.x1 - self.x0) * self.px + layout["margin"]["l"] + layout["margin"]["r"]

    def y_of_paper(self, paper_y: float) -> float:
        return self.y0 + paper_y * (self.y1 - self.y0)


def _overlaps_a_tile(box: tuple[float, float, float, float], cells: set[tuple[int, int]]) -> list:
    """Tiles (col, row) that a box (x0, y0, x1, y1 in data units) covers any part of."""
    x0, y0, x1, y1 = box
    return [(c, r) for c, r in cells if x0 < c + 0.5 and x1 > c - 0.5 and y0 < -r + 0.5 and y1 > -r - 0.5]


@pytest.mark.parametrize(("boundary_set", "n"), [("63", 63), ("34", 34)])
def test_tile_map_carries_every_province_and_both_archipelagos(boundary_set, n):
    df = _frame(boundary_set)
    cells = set(zip(df["col"], df["row"], strict=True))
    for lang, labels in (("vi", ARCH_VI), ("en", ARCH_EN)):
        fig = _tile_map(boundary_set, df=df, lang=lang)
        # Clicks: one point per tile at its centre, area_id first in customdata, hover per tile.
        tiles = _trace(fig, maps.NAME_TILES)
        assert (
            sorted(c[0] for c in tiles["customdata"]) == sorted(df["area_id"]) and len(_arr(tiles["x"])) == n
        )
        assert set(zip(_arr(tiles["x"]).astype(int), -_arr(tiles["y"]).astype(int), strict=True)) == cells
        assert tiles["marker"]["symbol"] == "square" and 0 < tiles["marker"]["opacity"] < 0.05
        assert len(tiles["hovertext"]) == n and tiles["hovertemplate"] == "%{hovertext}<extra></extra>"
        # Fills: one heatmap cell per tile (missing values in the grey layer).
        filled = [_filled_cells(h) for h in _heatmaps(fig)]
        assert sum(len(f) for f in filled) == n and set().union(*filled) == cells
        text = _trace(fig, maps.NAME_TILE_LABELS)
        assert text["textfont"]["size"] >= 11 and text["hoverinfo"] == "skip"
        assert all(t.startswith(label) for t, label in zip(text["text"], df["label"], strict=True))
        arch = _trace(fig, maps.NAME_ARCHIPELAGO_LABELS)
        assert [t.replace("<br>", " ") for t in arch["text"]] == list(labels)
        assert arch["textfont"]["size"] >= 11
        marks = _trace(fig, maps.NAME_ARCHIPELAGOS)
        assert all(lbl in h for lbl, h in zip(labels, marks["hovertext"], strict=True))
        assert [c[0] for c in marks["customdata"]] == [f"P{boundary_set}-48", f"P{boundary_set}-56"]
        assert len([s for s in fig["layout"]["shapes"] if s["type"] == "rect"]) == 2
    layout = fig["layout"]
    assert layout["xaxis"]["visible"] is False and layout["yaxis"]["visible"] is False
    assert layout["yaxis"]["scaleanchor"] == "x" and layout["yaxis"]["scaleratio"] == 1
    assert layout["title"]["text"] == "T"


def test_tile_map_size_fits_from_450_px_and_a_34_map_stays_under_900_px():
    long_title = "Thu nhập bình quân đầu người một tháng, năm 2024 (nghìn đồng/tháng)"
    long_note = "Nguồn: Tổng cục Thống kê, Khảo sát mức sống dân cư Việt Nam (VHLSS), các năm, và các bộ"
    for boundary_set in ("63", "34"):
        for title, note in (("T", ""), (long_title, long_note)):
            fig = _tile_map(boundary_set, title=title, source_note=note)
            frame = _Frame(fig)
            # Square axes and no fixed width: the grid is whole at full tile size from 450 px.
            assert "width" not in fig["layout"] and frame.min_width <= 450
            low, high = (45.5, 46.5) if boundary_set == "63" else (49.5, 54.5)
            assert low <= frame.px <= high
            if boundary_set == "34":
                assert fig["layout"]["height"] <= 900
            # Long titles and notes wrap to fit that width; the margins make room for every line.
            assert all(len(s) <= maps.TITLE_CHARS for s in fig["layout"]["title"]["text"].split("<br>"))
            assert fig["layout"]["margin"]["t"] >= 40 + 22 * fig["layout"]["title"]["text"].count("<br>")
            # Click markers stay inside their tile, so neighbours never share a click.
            assert _trace(fig, maps.NAME_TILES)["marker"]["size"] <= frame.px
            assert fig["layout"]["hoverdistance"] >= (0.5**0.5 - maps.CLICK_SIZE / 2) * frame.px


@pytest.mark.parametrize("boundary_set", ["63", "34"])
def test_tile_map_archipelagos_and_key_stay_clear_of_the_tiles(boundary_set):
    df = _frame(boundary_set, missing=(3,))
    cells = set(zip(df["col"], df["row"], strict=True))
    for lang, unit in (("vi", "nghìn đồng/tháng"), ("en", "per 100,000 live births")):
        fig = _tile_map(boundary_set, df=df, lang=lang, unit=unit, source_note="Src")
        frame = _Frame(fig)
        arch = _trace(fig, maps.NAME_ARCHIPELAGO_LABELS)
        size = arch["textfont"]["size"]
        for x, y, text in zip(_arr(arch["x"]), _arr(arch["y"]), arch["text"], strict=True):
            lines = text.split("<br>")
            half_w = max(len(s) for s in lines) * 0.6 * size / 2 / frame.px
            height = len(lines) * 1.3 * size / frame.px
            box = (x - half_w, y - height, x + half_w, y)
            assert not _overlaps_a_tile(box, cells), text
            assert frame.x0 <= box[0] and box[2] <= frame.x1 and frame.y0 <= box[1]
        for shape_ in fig["layout"]["shapes"]:
            assert not _overlaps_a_tile((shape_["x0"], shape_["y0"], shape_["x1"], shape_["y1"]), cells)
        # The key: colour bar (title included in its length) and the "no data" entry under it, at the
        # left edge, about 110 px wide.
        bar = _trace(fig, maps.NAME_SCALE)["marker"]["colorbar"]
        assert (bar["x"], bar["xanchor"], bar["lenmode"]) == (0, "left", "pixels")
        top = frame.y_of_paper(bar["y"])
        legend_top = frame.y_of_paper(fig["layout"]["legend"]["y"])
        key = (frame.x0, legend_top - 24 / frame.px, frame.x0 + 110 / frame.px, top)
        assert legend_top <= top - bar["len"] / frame.px
        assert not _overlaps_a_tile(key, cells)
        assert all(len(s) <= 12 for s in bar["title"]["text"].split("<br>"))


def test_tile_map_marks_missing_values_and_the_selected_province():
    df = _frame("63", missing=(3, 7))
    fig = _tile_map("63", df=df, lang="en", selected_area_id="P63-01", source_note="Src")
    values, missing = _heatmaps(fig)
    assert missing["colorscale"][0][1] == missing["colorscale"][-1][1] == maps.NO_DATA_COLOR
    assert _filled_cells(missing) == {(df["col"][i], df["row"][i]) for i in (3, 7)}
    assert len(_filled_cells(values)) == 61
    no_data = _trace(fig, "No data")
    assert no_data["showlegend"] is True and no_data["marker"]["color"] == maps.NO_DATA_COLOR
    assert fig["layout"]["showlegend"] is True
    selected = _trace(fig, maps.NAME_SELECTED)
    assert [c[0] for c in selected["customdata"]] == ["P63-01"] * 5 and selected["line"]["width"] >= 3
    col, row = geo.TILE_GRID_63["01"]
    xs, ys = _arr(selected["x"]), _arr(selected["y"])
    assert xs.min() == pytest.approx(col - 0.475) and xs.max() == pytest.approx(col + 0.475)
    assert ys.min() == pytest.approx(-row - 0.475) and ys.max() == pytest.approx(-row + 0.475)
    assert any(a["text"] == "Src" for a in fig["layout"]["annotations"])
    vi = _tile_map("63", df=df)
    assert _trace(vi, "Không có số liệu")["showlegend"] is True
    complete = _tile_map("63", df=_frame("63", missing=()))
    assert {t.get("name") for t in complete["data"]}.isdisjoint({"No data", maps.NAME_SELECTED})
    assert len(_heatmaps(complete)) == 1


def test_tile_map_colours_follow_the_direction_of_better():
    df = _frame("34", missing=())
    lo, hi = df["area_id"][df["value"].idxmin()], df["area_id"][df["value"].idxmax()]
    better = maps._hex_to_rgb(maps.BETTER_COLOR)
    worse = maps._hex_to_rgb(maps.WORSE_COLOR)
    for reversed_, best, worst in ((False, hi, lo), (True, lo, hi)):
        fig = _tile_map("34", df=df, colorscale_reversed=reversed_)
        tiles = _trace(fig, maps.NAME_TILES)
        colors = dict(zip((c[0] for c in tiles["customdata"]), tiles["hoverlabel"]["bgcolor"], strict=True))
        assert colors[best] == better and colors[worst] == worse
        (fills,) = _heatmaps(fig)
        bar = _trace(fig, maps.NAME_SCALE)["marker"]
        assert bar["showscale"] is True and bar["colorbar"]["title"]["text"] == "%"
        assert fills["colorscale"] == bar["colorscale"] == maps.colorscale(reversed_)
        assert bar["colorscale"][-1][1] == (maps.WORSE_COLOR if reversed_ else maps.BETTER_COLOR)
        assert (
            (bar["cmin"], bar["cmax"])
            == (fills["zmin"], fills["zmax"])
            == (df["value"].min(), df["value"].max())
        )


def test_tile_labels_show_the_number_in_a_contrasting_colour():
    df = _frame("34", missing=())
    df["value"] = np.linspace(1, 34, 34)
    df["value_text"] = [f"{v:.1f} %".replace(".", ",") for v in df["value"]]
    fig = _tile_map("34", df=df)
    text = _trace(fig, maps.NAME_TILE_LABELS)
    assert text["text"][0] == f"{df['label'][0]}<br>1,0"  # the unit is on the colour bar, not each tile
    colors = dict(zip(df["value"], text["textfont"]["color"], strict=True))
    assert colors[34.0] == "white" and colors[17.0] != "white"  # dark teal end; the pale middle
    # A click (selection) must not dim the labels: a "selected" colour keeps unselected ones as they are.
    assert text["selected"]["textfont"]["color"] and "unselected" not in text


def test_tile_map_rejects_mixed_boundary_sets():
    df = pd.concat([_frame("63"), _frame("34")], ignore_index=True)
    with pytest.raises(ValueError, match="one boundary set"):
        maps.tile_map(df, lang="vi", title="T", unit="%", colorscale_reversed=False)


# ---------------------------------------------------------------------------------------------
# Boundaries on synthetic shapes (no reference files needed)
# ---------------------------------------------------------------------------------------------


def _synthetic_63() -> dict:
    """One unit square per former province at its tile cell, matched by a GSO ``code`` property."""
    features = [
        {"type": "Feature", "properties": {"code": code}, "geometry": mapping(box(c, -r - 1, c + 1, -r))}
        for code, (c, r) in geo.TILE_GRID_63.items()
    ]
    return {"type": "FeatureCollection", "features": features}


def test_dissolve_of_synthetic_squares_is_exact():
    fc63 = geo.boundaries_63_from_geojson(_synthetic_63())
    assert [f["id"] for f in fc63["features"]] == [f"P63-{c}" for c in CODES_63]
    fc34 = geo.dissolve_to_34(fc63, _lineage(FALLBACK_63_TO_34), simplify_tolerance=None)
    assert [f["id"] for f in fc34["features"]] == [f"P34-{c}" for c in CODES_34]
    members = pd.Series(FALLBACK_63_TO_34).value_counts()
    for f in fc34["features"]:
        assert shape(f["geometry"]).area == pytest.approx(members[f["properties"]["code"]])


def test_unmatched_and_missing_features_are_named():
    fc = _synthetic_63()
    fc["features"] = fc["features"][1:]  # drop one province
    bogus = {"shapeName": "Atlantis", "shapeISO": "VN-99"}
    fc["features"].append({"type": "Feature", "properties": bogus, "geometry": mapping(box(0, 0, 1, 1))})
    with pytest.raises(ValueError, match="Atlantis") as err:
        geo.boundaries_63_from_geojson(fc)
    assert "without a shape" in str(err.value)


def test_dissolve_rejects_an_incomplete_lineage():
    fc63 = geo.boundaries_63_from_geojson(_synthetic_63())
    lineage = _lineage(FALLBACK_63_TO_34).iloc[1:]
    with pytest.raises(ValueError, match="P63-01"):
        geo.dissolve_to_34(fc63, lineage)


# ---------------------------------------------------------------------------------------------
# Reference boundaries (../shared/geo; skipped when absent)
# ---------------------------------------------------------------------------------------------


def test_load_boundaries_63(boundaries):
    fc63, _ = boundaries
    assert [f["id"] for f in fc63["features"]] == [f"P63-{c}" for c in CODES_63]
    assert all(f["properties"]["area_id"] == f["id"] for f in fc63["features"])
    by_id = {f["id"]: shape(f["geometry"]) for f in fc63["features"]}
    # The separate "Côn Đảo" feature (ISO VN-43) is merged into Bà Rịa–Vũng Tàu.
    assert by_id["P63-77"].bounds[1] < 9.0


def test_dissolve_to_34_keeps_area_and_the_archipelagos(boundaries, lineage):
    fc63, fc34 = boundaries
    assert [f["id"] for f in fc34["features"]] == [f"P34-{c}" for c in CODES_34]
    area63 = {f["id"]: shape(f["geometry"]).area for f in fc63["features"]}
    for f in fc34["features"]:
        members = lineage.loc[lineage["successor_id"] == f["id"], "former_id"]
        assert shape(f["geometry"]).area == pytest.approx(sum(area63[m] for m in members), rel=1e-3)
    assert len(json.dumps(fc34, separators=(",", ":"))) < 600_000

    def islets(fc, area_id, east_of):
        g = shape(next(f for f in fc["features"] if f["id"] == area_id)["geometry"])
        return sum(p.bounds[0] > east_of for p in (g.geoms if isinstance(g, MultiPolygon) else [g]))

    with open(GEOJSON_63, encoding="utf-8") as fh:
        source = geo.boundaries_63_from_geojson(json.load(fh))
    # The reference file carries Hoàng Sa islets in Đà Nẵng and Trường Sa islets in Khánh Hòa ...
    hs, ts = islets(source, "P63-48", 111.0), islets(source, "P63-56", 111.5)
    assert hs >= 5 and ts >= 5
    # ... and every one of them survives the dissolve and simplification.
    assert islets(fc34, "P34-48", 111.0) == hs
    assert islets(fc34, "P34-56", 111.5) == ts


@pytest.mark.parametrize(("boundary_set", "n"), [("63", 63), ("34", 34)])
def test_choropleth_map(boundaries, boundary_set, n):
    fc = boundaries[0] if boundary_set == "63" else boundaries[1]
    df = _frame(boundary_set)
    selected = f"P{boundary_set}-79"
    fig = maps.choropleth_map(
        df, fc, lang="vi", title="T", unit="%", colorscale_reversed=True, selected_area_id=selected
    ).to_dict()
    shapes = [t for t in fig["data"] if t.get("meta") == maps.NAME_TILES]
    assert len(shapes) == n and all(t["fill"] == "toself" for t in shapes)
    colors = {t["name"]: t["fillcolor"] for t in shapes}
    assert colors[df["area_id"][3]] == maps.NO_DATA_COLOR
    points = _trace(fig, maps.NAME_TILES)
    assert sorted(c[0] for c in points["customdata"]) == sorted(df["area_id"])
    labels = _trace(fig, maps.NAME_ARCHIPELAGO_LABELS)
    assert [t.replace("<br>", " ") for t in labels["text"]] == list(ARCH_VI)
    assert len(_arr(_trace(fig, maps.NAME_ARCHIPELAGOS)["x"])) == 2
    assert _trace(fig, maps.NAME_SELECTED)["line"]["width"] >= 3
    assert _trace(fig, maps.NAME_SCALE)["marker"]["colorscale"][0][1] == maps.BETTER_COLOR
    en = maps.choropleth_map(df, fc, lang="en", title="T", unit="%", colorscale_reversed=True).to_dict()
    assert [t.replace("<br>", " ") for t in _trace(en, maps.NAME_ARCHIPELAGO_LABELS)["text"]] == list(ARCH_EN)


def test_choropleth_map_on_synthetic_shapes(lineage):
    fc34 = geo.dissolve_to_34(geo.boundaries_63_from_geojson(_synthetic_63()), lineage)
    fig = maps.choropleth_map(_frame("34"), fc34, lang="en", title="T", unit="%", colorscale_reversed=False)
    assert sum(t.meta == maps.NAME_TILES for t in fig.data) == 34
