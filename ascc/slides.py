"""Slide specs: what each deck slide shows, and one function per kind that fetches its chart table.

A spec is a small JSON-serialisable dict, the same in every language, for example::

    {"kind": "ranking", "indicator": "POV_MD", "boundary": "34", "year": 2024,
     "region": None, "breakdown": "total"}

``fetch(spec, lang)`` runs the spec's queries (through ``db.run_query`` only) in the deck language
and returns a SlideData whose ``table`` is exactly what the slide charts:

* bar kinds (ranking, region_compare, map): one row per bar, best first, columns ``label``,
  ``value``, ``color`` plus area_id, name, status (final / preliminary / estimated), derived and,
  for provinces, ``progress`` (the progress status that colours the bar) and ``rank``;
* line kinds (national_trend, region_trend, province_trend): long rows ``series``, ``role``,
  ``year``, ``value``, ``color``, status; one series per line, in drawing order; a target is a
  series of its own (role "target", the same value in every year up to the target year);
* headlines: one row per headline card (progress_views.headline_cards: value, year, change, status);
* pillars, ministries: one row per bar (a pillar; a ministry, worst first) with ``label`` and one count
  column per progress status (progress.STATUSES), plus n and, for ministries, behind and share_behind.
  ``info["counts"]`` holds the same counts long (category, status, n) for charts.status_stack.

Headlines (ascc.headlines) and the deck (ascc.export) read nothing but this table and ``info``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ascc import charts, db, i18n, progress, progress_views, sources, status, targets
from ascc.i18n import t

# Kind -> the parameters it takes (besides "kind"), and the chart it becomes.
KINDS: dict[str, tuple[str, ...]] = {
    "national_trend": ("indicator", "year"),
    "ranking": ("indicator", "boundary", "year", "region", "breakdown"),
    "region_compare": ("indicator", "boundary", "year", "breakdown"),
    "region_trend": ("indicator", "boundary", "year", "breakdown"),
    "map": ("indicator", "boundary", "year", "region", "breakdown"),
    "province_trend": ("indicator", "area", "year", "breakdown"),
    # Status summaries (no single indicator): the Overview's headline cards, the Pillars page's counts
    # (of Viet Nam, or of a region), the Ministries page's ranking.
    "headlines": ("boundary", "year"),
    "pillars": ("boundary", "year", "region"),
    "ministries": ("boundary", "year"),
}
# Kinds whose slide is about several indicators at once: their table is not a chart of values.
SUMMARY_KINDS = ("headlines", "pillars", "ministries")
CHART_OF_KIND = {
    "national_trend": "line",
    "ranking": "bar",
    "region_compare": "bar",
    "region_trend": "line",
    "map": "map",
    "province_trend": "line",
    "headlines": "cards",
    "pillars": "stack",
    "ministries": "stack",
}
DEFAULTS: dict[str, Any] = {"boundary": "34", "year": None, "region": None, "breakdown": "total", "area": None}
# Keys a deck entry may carry besides the parameters: a stable id (for widget keys) and the user's title.
EXTRA_KEYS = ("id", "title")
BOUNDARIES = ("34", "63")

NATION_COLOR = charts.NATION_COLOR
TARGET_COLOR = charts.TARGET
PROVINCE_COLOR = charts.INK
NO_STATUS_COLOR = progress.STATUS_STYLE["insufficient"]["color"]


class SpecError(ValueError):
    """A slide spec names an unknown kind, indicator, area, boundary set or year."""


@dataclass
class SlideData:
    """A spec's data in one language: the chart table, an automatic title and what headlines need.

    ``info`` holds: indicator, name (full), short_name, unit, decimals, higher_is_better, source,
    target_value, target_upper, target_type (ascc.targets), target_year, breakdown_label, year (bar kinds), region_name (ranking in a region),
    area_name (province_trend), break_year / break_reason (the latest series break inside the
    plotted years, or None), n_missing (bar kinds: areas without a value).
    """

    spec: dict
    lang: str
    chart: str
    title: str
    table: pd.DataFrame
    info: dict = field(default_factory=dict)


# --- specs -------------------------------------------------------------------------------------


def make_spec(kind: str, **params: Any) -> dict:
    """A normalised spec of a kind from keyword parameters (unknown names are an error)."""
    return normalise({"kind": kind, **params})


def normalise(spec: dict) -> dict:
    """The spec with exactly its kind's parameters (defaults filled in), plus id/title if given.

    Parameters that belong to other kinds are dropped. Raises SpecError for an unknown kind or
    parameter name, a missing indicator or province, or a boundary set other than "34"/"63".
    Years become int (or None).
    """
    kind = spec.get("kind")
    if kind not in KINDS:
        raise SpecError(f"unknown slide kind {kind!r} (known: {', '.join(KINDS)})")
    # Parameters of other kinds are dropped (a page may pass its whole view); unknown names are an error.
    known = {p for params in KINDS.values() for p in params} | {"kind", *EXTRA_KEYS}
    unknown = sorted(k for k in spec if k not in known)
    if unknown:
        raise SpecError(f"unknown slide parameter(s) {unknown}")
    out: dict[str, Any] = {"kind": kind}
    for name in KINDS[kind]:
        value = spec.get(name, DEFAULTS.get(name))
        out[name] = DEFAULTS.get(name) if value is None else value
    if "indicator" in KINDS[kind] and not out.get("indicator"):
        raise SpecError(f"slide kind {kind!r} needs an indicator")
    if kind == "province_trend" and not out.get("area"):
        raise SpecError("slide kind 'province_trend' needs an area (a province id such as P34-08)")
    if "boundary" in out:
        out["boundary"] = str(out["boundary"])
        if out["boundary"] not in BOUNDARIES:
            raise SpecError(f"boundary must be '34' or '63', not {out['boundary']!r}")
    if out.get("year") is not None:
        try:
            out["year"] = int(out["year"])
        except (TypeError, ValueError) as exc:
            raise SpecError(f"not a year: {out['year']!r}") from exc
    for key in EXTRA_KEYS:
        if spec.get(key) is not None:
            out[key] = spec[key]
    return out


def params_of(spec: dict) -> dict:
    """The spec without id and title: what identifies the slide's content."""
    return {k: v for k, v in spec.items() if k not in EXTRA_KEYS}


# --- metadata shared by the kinds ----------------------------------------------------------------


def indicator_info(code: str, lang: str, breakdown: str = "total") -> dict:
    """Name, unit, decimals, direction, source and national target of an indicator in a language."""
    df = db.run_query("indicator_list", lang=lang)
    row = df[df["indicator_code"] == code]
    if row.empty:
        raise SpecError(f"unknown indicator {code!r} (known: {', '.join(df['indicator_code'])})")
    r = row.iloc[0]
    target = _num(r["target_value"]) if breakdown == "total" else None
    return {
        "indicator": code,
        "name": str(r["name"]),
        "short_name": str(r["short_name"]),
        "unit": str(r["unit"] or ""),
        "decimals": int(r["decimals"]),
        "higher_is_better": bool(r["higher_is_better"]),
        "source": str(r["source"] or ""),
        "target_value": target,
        "target_upper": _num(r["target_upper"]) if target is not None else None,
        "target_type": str(r["target_type"]) if target is not None else None,
        "target_year": int(r["target_year"]) if target is not None else None,
        "breakdown": breakdown,
        "breakdown_label": "" if breakdown == "total" else t(f"breakdown.{breakdown}", lang),
    }


def latest_year(indicator: str, boundary: str, breakdown: str = "total") -> int | None:
    """The latest year with province values for an indicator on a boundary set (None when none)."""
    years = db.run_query("indicator_years", indicator=indicator, boundary=boundary, breakdown=breakdown)
    return int(years["year"].max()) if len(years) else None


def region_names(lang: str) -> dict[str, str]:
    """Region code -> name, in the order of the regions list."""
    df = db.run_query("regions_list", lang=lang)
    return dict(zip(df["region_code"], df["name"], strict=True))


def provinces_of(region: str | None, boundary: str, lang: str = "vi") -> pd.DataFrame:
    """The provinces of a boundary set (optionally of one region): area_id, name, region_code."""
    return db.run_query("provinces_list", lang=lang, boundary=boundary, region=region)


def _num(value: Any) -> float | None:
    if value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _named(info: dict) -> str:
    """Short indicator name with the breakdown, for titles."""
    return info["short_name"] + (f" – {info['breakdown_label']}" if info["breakdown_label"] else "")


def _break_in(code: str, lang: str, first: int | None, last: int | None) -> tuple[int | None, str | None]:
    """The latest series break in (first, last]: its year and reason, or (None, None)."""
    if first is None or last is None:
        return None, None
    df = db.run_query("series_breaks", lang=lang, codes=[code])
    inside = df[(df["year"] > first) & (df["year"] <= last)]
    if inside.empty:
        return None, None
    row = inside.sort_values("year").iloc[-1]
    return int(row["year"]), str(row["reason"])


def _year_or_latest(spec: dict) -> int:
    if spec["year"] is not None:
        return int(spec["year"])
    year = latest_year(spec["indicator"], spec["boundary"], spec["breakdown"])
    if year is None:
        raise SpecError(f"no province values for {spec['indicator']} on the {spec['boundary']} set")
    return year


def _progress_of(boundary: str, breakdown: str, year: int, indicator: str) -> dict[str, str]:
    frame = status.assessments("province", boundary, breakdown=breakdown, as_of=year)
    frame = frame[frame["indicator_code"] == indicator]
    return dict(zip(frame["area_id"], frame["status"], strict=True))


# --- one function per kind ---------------------------------------------------------------------


def fetch_ranking(spec: dict, lang: str) -> SlideData:
    """Provinces ranked best first (optionally of one region), bars coloured by progress status."""
    info = indicator_info(spec["indicator"], lang, spec["breakdown"])
    year = _year_or_latest(spec)
    df = db.run_query("province_ranking", lang=lang, indicator=spec["indicator"], boundary=spec["boundary"],
                      year=year, breakdown=spec["breakdown"])
    region_name = None
    if spec.get("region"):
        names = region_names(lang)
        if spec["region"] not in names:
            raise SpecError(f"unknown region {spec['region']!r} (known: {', '.join(names)})")
        region_name = names[spec["region"]]
        df = df[df["region_code"] == spec["region"]]
    missing = df[df["value"].isna()]
    df = df[df["value"].notna()].sort_values(["rank", "name"]).reset_index(drop=True)
    prog = _progress_of(spec["boundary"], spec["breakdown"], year, spec["indicator"])
    df["progress"] = [prog.get(a, "insufficient") for a in df["area_id"]]
    table = pd.DataFrame(
        {
            "label": _bar_labels(df),
            "value": df["value"].astype(float),
            "color": [progress.STATUS_STYLE.get(p, {"color": NO_STATUS_COLOR})["color"] for p in df["progress"]],
            "area_id": df["area_id"],
            "name": df["name"],
            "region_code": df["region_code"],
            "region_name": df["region_name"],
            "rank": df["rank"].astype("Int64"),
            "status": df["status"],
            "derived": df["derived"].astype(bool),
            "estimated": df["estimated"].astype(bool),
            "progress": df["progress"],
            "tile_label": df["tile_label"],
        }
    )
    info["source"] = sources.credit(df, info["source"])
    info |= {"year": year, "region_name": region_name, "n_missing": len(missing), "n_ranked": int(
        df["n_ranked"].iloc[0]) if len(df) else 0, "boundary": spec["boundary"],
        "missing_names": list(missing["name"])}
    scope = t("export.title.ranking_region", lang, region=region_name) if region_name else \
        t("export.title.ranking_all", lang, n=len(table))
    title = t("export.title.ranking", lang, name=_named(info), scope=scope, year=year) + charts.unit_suffix(info["unit"])
    return SlideData(spec, lang, "bar", title, table, info)


def _bar_labels(df: pd.DataFrame) -> list[str]:
    # The status icon beside the name, so colour is never the only signal (as on the app's ranking).
    out = []
    for name, prog in zip(df["name"], df["progress"], strict=True):
        icon = progress.STATUS_STYLE.get(prog, {}).get("icon", "")
        out.append(f"{name} {icon}".strip())
    return out


def fetch_map(spec: dict, lang: str) -> SlideData:
    """The ranking of the provinces of the set (or of the spec's region): drawn as a tile map of those
    provinces, or as bars without a browser."""
    data = fetch_ranking(spec, lang)
    info = data.info
    if info["region_name"]:
        title = t("export.title.map_region", lang, name=_named(info), region=info["region_name"], year=info["year"])
    else:
        title = t("export.title.map", lang, name=_named(info), year=info["year"])
    title += charts.unit_suffix(info["unit"])
    return SlideData(spec, lang, "map", title, data.table, info)


def fetch_region_compare(spec: dict, lang: str) -> SlideData:
    """The regions' aggregate values and the nation's for a year, best first, in the regions' colours."""
    info = indicator_info(spec["indicator"], lang, spec["breakdown"])
    year = _year_or_latest(spec)
    df = db.run_query("region_summary", lang=lang, indicator=spec["indicator"], boundary=spec["boundary"],
                      year=year, breakdown=spec["breakdown"])
    missing = df[df["value"].isna()]
    df = df[df["value"].notna()].copy()
    sign = 1.0 if info["higher_is_better"] else -1.0
    df["_score"] = sign * df["value"].astype(float)
    df = df.sort_values("_score", ascending=False).reset_index(drop=True)
    codes = df["area_id"].str.removeprefix("R-")
    table = pd.DataFrame(
        {
            "label": df["name"],
            "value": df["value"].astype(float),
            "color": [NATION_COLOR if a == "VN" else charts.REGION_COLORS.get(c, charts.LINE)
                      for a, c in zip(df["area_id"], codes, strict=True)],
            "area_id": df["area_id"],
            "name": df["name"],
            "level": df["level"],
            "status": df["status"],
            "derived": df["derived"].astype(bool),
            "estimated": df["estimated"].astype(bool),
            "n_reported": df["n_reported"],
            "n_areas": df["n_areas"],
            "best_name": df["best_name"],
            "best_value": df["best_value"],
            "worst_name": df["worst_name"],
            "worst_value": df["worst_value"],
        }
    )
    info["source"] = sources.credit(df, info["source"])
    info |= {"year": year, "n_missing": len(missing), "boundary": spec["boundary"],
             "missing_names": list(missing["name"])}
    title = t("export.title.region_compare", lang, name=_named(info), year=year) + charts.unit_suffix(info["unit"])
    return SlideData(spec, lang, "bar", title, table, info)


def _line_table(df: pd.DataFrame, colors: list[str], roles: list[str]) -> pd.DataFrame:
    """Long rows series/role/year/value/color/status/derived from rows with area_id, name, year, value."""
    return pd.DataFrame(
        {
            "series": _stable_names(df),
            "role": roles,
            "area_id": df["area_id"].to_numpy(),
            "year": df["year"].astype(int).to_numpy(),
            "value": df["value"].astype(float).to_numpy(),
            "color": colors,
            "status": df["status"].to_numpy() if "status" in df else "final",
            "derived": df["derived"].astype(bool).to_numpy() if "derived" in df else False,
            "estimated": df["estimated"].fillna(False).astype(bool).to_numpy() if "estimated" in df else False,
        }
    )


def _stable_names(df: pd.DataFrame) -> list[str]:
    """One series name per area: a region or the nation computed from part of its provinces is named with
    its coverage in that year ("Đông Nam Bộ (1/2 tỉnh, 76 % dân số)"), which would split its line into
    one series per coverage; where an area's names differ, the name without the coverage is kept."""
    names = df["name"].astype(str)
    out = names.copy()
    for _, part in names.groupby(df["area_id"].to_numpy(), sort=False):
        if part.nunique() > 1:
            out[part.index] = min(part, key=len).split(" (")[0]
    return out.tolist()


def _with_target(table: pd.DataFrame, info: dict, lang: str) -> pd.DataFrame:
    """Add the target as a flat series over the plotted years, extended to the target year: a level at
    its value, a range at its nearer bound (named with the whole range); an annual change is a pace, not
    a level, and is not drawn (the headline sets the observed pace against it)."""
    target = targets.of(info["target_value"], info.get("target_upper"), info.get("target_type"))
    if target is None or target.is_pace or table.empty:
        return table
    first, last = int(table["year"].min()), max(int(table["year"].max()), int(info["target_year"]))
    years = list(range(first, last + 1))
    name = targets.label(target, info["target_year"], info["unit"], lang, info["decimals"])
    target = pd.DataFrame({"series": name, "role": "target", "area_id": "", "year": years,
                           "value": target.bound(info["higher_is_better"]), "color": TARGET_COLOR,
                           "status": "final", "derived": False})  # fmt: skip
    return pd.concat([table, target], ignore_index=True)


def fetch_national_trend(spec: dict, lang: str) -> SlideData:
    """The national series as reported (area VN), up to the spec's year, with the national target."""
    info = indicator_info(spec["indicator"], lang)
    df = db.run_query("national_trend", codes=[spec["indicator"]])
    if spec["year"] is not None:
        df = df[df["year"] <= spec["year"]]
    df = df.assign(area_id="VN", name=t("chart.nation", lang), derived=False)
    info["source"] = sources.credit(df, info["source"])
    table = _line_table(df, [charts.LINE] * len(df), ["nation"] * len(df))
    table = _with_target(table, info, lang)
    first, last = _span(df)
    info["break_year"], info["break_reason"] = _break_in(spec["indicator"], lang, first, last)
    info |= {"first_year": first, "last_year": last}
    title = t("chart.trend_title", lang, name=_named(info), start=first or "", end=last or "") + charts.unit_suffix(info["unit"])
    return SlideData(spec, lang, "line", title, table, info)


def _span(df: pd.DataFrame) -> tuple[int | None, int | None]:
    if df.empty:
        return None, None
    return int(df["year"].min()), int(df["year"].max())


def fetch_region_trend(spec: dict, lang: str) -> SlideData:
    """Every region's aggregate over the years, one line each, with the nation (aggregate of the set)."""
    info = indicator_info(spec["indicator"], lang, spec["breakdown"])
    df = db.run_query("region_trend", lang=lang, indicator=spec["indicator"], boundary=spec["boundary"],
                      breakdown=spec["breakdown"])
    if spec["year"] is not None:
        df = df[df["year"] <= spec["year"]]
    colors = [NATION_COLOR if a == "VN" else charts.REGION_COLORS.get(a.removeprefix("R-"), charts.LINE)
              for a in df["area_id"]]
    roles = ["nation" if a == "VN" else "region" for a in df["area_id"]]
    info["source"] = sources.credit(df, info["source"])
    table = _line_table(df, colors, roles)
    first, last = _span(df)
    info["break_year"], info["break_reason"] = _break_in(spec["indicator"], lang, first, last)
    info |= {"first_year": first, "last_year": last, "boundary": spec["boundary"]}
    title = t("export.title.region_trend", lang, name=_named(info), start=first or "", end=last or "") + \
        charts.unit_suffix(info["unit"])
    return SlideData(spec, lang, "line", title, table, info)


def fetch_province_trend(spec: dict, lang: str) -> SlideData:
    """One province over the years against its region and the nation (same boundary set), with the target."""
    info = indicator_info(spec["indicator"], lang, spec["breakdown"])
    df = db.run_query("province_peer_trend", lang=lang, indicator=spec["indicator"], area=spec["area"],
                      breakdown=spec["breakdown"])
    names = db.run_query("area_names", lang=lang)
    known = names[names["level"] == "province"]
    if spec["area"] not in set(known["area_id"]):
        raise SpecError(f"unknown province {spec['area']!r}")
    area_name = str(known.loc[known["area_id"] == spec["area"], "name"].iloc[0])
    if spec["year"] is not None:
        df = df[df["year"] <= spec["year"]]
    colors = []
    for role, area in zip(df["role"], df["area_id"], strict=True):
        if role == "province":
            colors.append(PROVINCE_COLOR)
        elif role == "nation":
            colors.append("#8a96a3")
        else:
            colors.append(charts.REGION_COLORS.get(area.removeprefix("R-"), charts.LINE))
    info["source"] = sources.credit(df, info["source"])
    table = _with_target(_line_table(df, colors, list(df["role"])), info, lang)
    first, last = _span(df[df["role"] == "province"])
    info["break_year"], info["break_reason"] = _break_in(spec["indicator"], lang, first, last)
    region = df.loc[df["role"] == "region", "name"]
    info |= {"first_year": first, "last_year": last, "area_name": area_name,
             "region_name": str(region.iloc[0]) if len(region) else None}
    title = t("export.title.province_trend", lang, area=area_name, name=_named(info), start=first or "", end=last or "") + \
        charts.unit_suffix(info["unit"])
    return SlideData(spec, lang, "line", title, table, info)


# --- status summaries ----------------------------------------------------------------------------


def _place(lang: str, region_name: str | None = None) -> str:
    return region_name or t("slide.place_nation", lang)


def assessed_year(frame: pd.DataFrame, year: int | None) -> int | None:
    """The year a status summary speaks of: the spec's, else the latest year assessed."""
    if year is not None:
        return int(year)
    years = pd.to_numeric(frame.get("latest_year"), errors="coerce").dropna() if len(frame) else pd.Series(dtype=float)
    return int(years.max()) if len(years) else None


def fetch_headlines(spec: dict, lang: str) -> SlideData:
    """The Overview's headline cards: each headline indicator's national value, year, change since the
    base year and status against the expected path, read as the Overview page reads them."""
    summary = db.run_query("national_summary", lang=lang, year=spec["year"], headline_only=None)
    statuses = status.status_of("nation", spec["boundary"], as_of=spec["year"])
    table = progress_views.headline_cards(summary, statuses)
    table["label"] = table["short_name"]
    table["color"] = [progress.STATUS_STYLE.get(p or "", {"color": NO_STATUS_COLOR})["color"] for p in table["progress"]]
    years = table["year"].dropna()
    year = spec["year"] if spec["year"] is not None else (int(years.max()) if len(years) else None)
    if year is None:
        raise SpecError("no national values for the headline indicators")
    info = {"year": year, "place": _place(lang), "boundary": spec["boundary"],
            "source": sources.credit(table, "; ".join(dict.fromkeys(table["source"].dropna().astype(str))))}
    title = t("export.title.headlines", lang, place=info["place"], year=year)
    return SlideData(spec, lang, "cards", title, table, info)


def _count_table(counts: pd.DataFrame, categories: list[tuple[str, str]]) -> pd.DataFrame:
    """One row per category (in order): code, label, one column per status, n."""
    wide = counts.pivot_table(index="category", columns="status", values="n", aggfunc="sum", fill_value=0)
    wide = wide.reindex(index=[c for c, _ in categories], columns=list(progress.STATUSES), fill_value=0).astype(int)
    out = wide.reset_index(drop=True)
    out.insert(0, "label", [lab for _, lab in categories])
    out.insert(0, "code", [c for c, _ in categories])
    out["n"] = out[list(progress.STATUSES)].sum(axis=1)
    return out


def fetch_pillars(spec: dict, lang: str) -> SlideData:
    """The Pillars page's counts: per ASCC characteristic, how many indicators are in each status, for
    Viet Nam (or the spec's region), with every indicator of the catalogue counted."""
    region_name = None
    level, area_id = "nation", "VN"
    if spec.get("region"):
        names = region_names(lang)
        if spec["region"] not in names:
            raise SpecError(f"unknown region {spec['region']!r} (known: {', '.join(names)})")
        level, area_id, region_name = "region", f"R-{spec['region']}", names[spec["region"]]
    pillars = db.run_query("pillars_list", lang=lang)
    summary = db.run_query("national_summary", lang=lang, year=None, headline_only=None)
    assessed = status.assessments(level, spec["boundary"], as_of=spec["year"])
    assessed = assessed[assessed["area_id"] == area_id]
    counts = progress_views.pillar_counts(summary, assessed)
    categories = [(p.pillar_code, f"{p.pillar_code}. {p.name}") for p in pillars.itertuples()]
    table = _count_table(counts, categories).rename_axis(columns=None)
    year = assessed_year(assessed, spec["year"])
    info = {"year": year, "place": _place(lang, region_name), "region_name": region_name, "boundary": spec["boundary"],
            "counts": counts, "categories": categories, "source": t("pillars.source", lang)}
    title = t("export.title.pillars", lang, place=info["place"], year=year or "")
    return SlideData(spec, lang, "stack", title, table, info)


def fetch_ministries(spec: dict, lang: str) -> SlideData:
    """The Ministries page's ranking: lead ministries (after the March 2025 merger) ranked by the share of
    their indicators behind schedule nationally (progress.BEHIND), with the counts per status."""
    leads = db.run_query("ministry_leads", lang=lang, as_of=progress_views.MINISTRIES_AS_OF)
    indicators = db.run_query("indicator_list", lang=lang)[["indicator_code", "unit", "decimals"]]
    nation = progress_views.with_path_distance(status.assessments("nation", spec["boundary"], as_of=spec["year"]))
    assessed = progress_views.ministry_assessed(leads, indicators, nation)
    ranking = progress_views.ministry_ranking(assessed, list(dict.fromkeys(leads["ministry_code"])))
    abbrs = dict(zip(leads["ministry_code"], leads["ministry_abbr"], strict=True))
    names = dict(zip(leads["ministry_code"], leads["ministry_name"], strict=True))
    categories = progress_views.ministry_categories(ranking, abbrs, lang)
    table = ranking.assign(
        label=[lab for _, lab in categories], abbr=[abbrs[c] for c in ranking["ministry_code"]],
        name=[names[c] for c in ranking["ministry_code"]],
        counts_text=[progress_views.counts_text(r, lang) for r in ranking.itertuples()],
        share_text=[progress_views.share_text(v, lang) for v in ranking["share_behind"]],
    )
    year = assessed_year(nation, spec["year"])
    info = {"year": year, "place": _place(lang), "boundary": spec["boundary"],
            "counts": progress_views.ministry_stack_counts(ranking), "categories": categories,
            "source": t("pillars.source", lang)}
    title = t("export.title.ministries", lang, place=info["place"], year=year or "")
    return SlideData(spec, lang, "stack", title, table, info)


def figure(data: SlideData, *, demo: bool | None = None):
    """The on-screen (Plotly) chart of a status-summary slide, as the presentation mode shows it: the
    headline cards, or the status bars of the Pillars and Ministries pages."""
    if demo is None:
        demo = db.dataset_info().is_demo
    if data.chart == "cards":
        return charts.headline_cards(data.table, lang=data.lang, title=data.title, source=data.info["source"], demo=demo)
    if data.chart == "stack":
        return charts.status_stack(data.info["counts"], lang=data.lang, title=data.title,
                                   categories=data.info["categories"], source=data.info["source"], demo=demo)
    raise ValueError(f"no summary figure for a {data.chart!r} slide")


FETCHERS = {
    "national_trend": fetch_national_trend,
    "ranking": fetch_ranking,
    "region_compare": fetch_region_compare,
    "region_trend": fetch_region_trend,
    "map": fetch_map,
    "province_trend": fetch_province_trend,
    "headlines": fetch_headlines,
    "pillars": fetch_pillars,
    "ministries": fetch_ministries,
}


def fetch(spec: dict, lang: str) -> SlideData:
    """The data of a spec in a language (the spec is normalised first)."""
    spec = normalise(spec)
    return FETCHERS[spec["kind"]](spec, i18n.norm_lang(lang))


def auto_title(spec: dict, lang: str) -> str:
    """The automatic title of a spec's slide in a language (what an empty user title stands for)."""
    return fetch(spec, lang).title


# --- batches -----------------------------------------------------------------------------------


def region_pack(indicator: str, *, boundary: str = "34", year: int | None = None, breakdown: str = "total") -> list[dict]:
    """A national trend, the regions compared, the regions' trends, then one ranking per region."""
    specs = [
        make_spec("national_trend", indicator=indicator, year=year),
        make_spec("region_compare", indicator=indicator, boundary=boundary, year=year, breakdown=breakdown),
        make_spec("region_trend", indicator=indicator, boundary=boundary, year=year, breakdown=breakdown),
    ]
    return specs + per_region(indicator, boundary=boundary, year=year, breakdown=breakdown)


def summary_pack(*, boundary: str = "34", year: int | None = None) -> list[dict]:
    """The status summaries of Viet Nam: headline cards, the pillars, the lead ministries ranked."""
    return [make_spec(kind, boundary=boundary, year=year) for kind in SUMMARY_KINDS]


def per_region(indicator: str, *, boundary: str = "34", year: int | None = None, breakdown: str = "total") -> list[dict]:
    """One slide per region: its provinces ranked."""
    return [
        make_spec("ranking", indicator=indicator, boundary=boundary, year=year, region=code, breakdown=breakdown)
        for code in region_names("vi")
    ]


def per_province(indicator: str, region: str, *, boundary: str = "34", year: int | None = None,
                 breakdown: str = "total") -> list[dict]:
    """One slide per province of a region: its trend against the region and the nation."""
    if region not in region_names("vi"):
        raise SpecError(f"unknown region {region!r}")
    provinces = provinces_of(region, boundary)
    return [
        make_spec("province_trend", indicator=indicator, area=a, year=year, breakdown=breakdown)
        for a in provinces["area_id"]
    ]


def province_pack(indicator: str, region: str, *, boundary: str = "34", year: int | None = None,
                  breakdown: str = "total") -> list[dict]:
    """One slide per province of a region, then the region's ranking."""
    return per_province(indicator, region, boundary=boundary, year=year, breakdown=breakdown) + [
        make_spec("ranking", indicator=indicator, boundary=boundary, year=year, region=region, breakdown=breakdown)
    ]
