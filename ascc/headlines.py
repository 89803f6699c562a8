"""Headline sentences and speaker-note lines from a slide's chart table: pure functions, no queries.

Every figure in a sentence is read from the same table the slide charts (ascc.slides), formatted for
the deck language (decimal comma in Vietnamese). ``info`` carries the indicator's name, unit,
decimals, direction and target, and the years the table covers (see slides.SlideData).
"""

from __future__ import annotations

import pandas as pd

from ascc import i18n, progress, targets
from ascc.i18n import t

_EN_NUMBERS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}
GOOD_STATUSES = ("achieved", "on_track")


def headline(kind: str, table: pd.DataFrame, info: dict, lang: str) -> str:
    """The one-sentence finding of a slide of a kind, from its chart table."""
    lang = i18n.norm_lang(lang)
    if table.empty or table["value"].notna().sum() == 0:
        return t("regions.no_values", lang)
    return _BUILDERS[kind](table, info, lang)


# --- helpers -----------------------------------------------------------------------------------


def short_unit(unit: str) -> str:
    """The unit as written after each figure of a sentence: "%" for "% of households" (the title has it all)."""
    return "%" if unit.startswith("%") else unit


def fmt(value: float, info: dict, lang: str) -> str:
    """A value with the indicator's (short) unit and decimals in a language."""
    return i18n.fmt_value(value, short_unit(info["unit"]), lang, info["decimals"])


def fmt_gap(value: float, info: dict, lang: str) -> str:
    """A difference of two values (percentage points for a percentage)."""
    return i18n.fmt_value(abs(value), i18n.change_unit(info["unit"], lang), lang, info["decimals"])


def subject(info: dict, lang: str) -> str:
    """What the sentence is about: the full name in Vietnamese, the short name in English (reads as a noun)."""
    name = info["name"] if lang == "vi" else info["short_name"]
    if info.get("breakdown_label"):
        name += f" ({info['breakdown_label']})"
    return name


def count_word(n: int, lang: str) -> str:
    """A count as a word in English prose (two..ten), digits otherwise."""
    return _EN_NUMBERS.get(n, str(n)) if lang == "en" else str(n)


def _rounded(value: float, info: dict) -> float:
    return round(float(value), int(info["decimals"]))


def movement(v0: float, v1: float, y0: int, y1: int, info: dict, lang: str) -> str:
    """"fell from 9.20% in 2016 to 3.97% in 2024" (the direction judged on the values as shown)."""
    a, b = _rounded(v0, info), _rounded(v1, info)
    key = "down" if b < a else "up" if b > a else "flat"
    return t(f"export.hl.move_{key}", lang, v0=fmt(v0, info, lang), v1=fmt(v1, info, lang), y0=y0, y1=y1)


def improvement(v0: float, v1: float, info: dict) -> float:
    """Change in the desired direction (positive = better), on the values as shown."""
    change = _rounded(v1, info) - _rounded(v0, info)
    return change if info["higher_is_better"] else -change


def window_start(years: pd.Series, info: dict) -> int:
    """The first year compared: the first plotted year, or the latest series break after it."""
    first = int(years.min())
    brk = info.get("break_year")
    return int(brk) if brk is not None and first < brk <= int(years.max()) else first


def break_clause(start: int, info: dict, lang: str) -> str:
    """" (the method changed in 2022)" when the comparison starts at a series break, not at the first year."""
    return t("export.hl.since_break", lang, year=start) if info.get("break_year") == start else ""


def target_clause(latest: float, info: dict, lang: str, since: tuple[int, float, int] | None = None) -> str:
    """"; the 2025 target (3.00%) is met" or "; 0.97 pp from the 2025 target of 3.00%", judged at the
    published decimals (a range by its nearer bound). An annual-change target (a pace) is set against the
    average change a year over ``since`` = (y0, v0, y1): "; −0.90 percentage points a year on average,
    against the 2025 target of −1 to −1.5 percentage points a year"."""
    target = targets.of(info.get("target_value"), info.get("target_upper"), info.get("target_type"))
    if target is None:
        return ""
    text = target.text(short_unit(info["unit"]), lang, info["decimals"])
    hib, dec = info["higher_is_better"], int(info["decimals"])
    if target.is_pace:
        if since is None or since[2] <= since[0]:
            return ""
        y0, v0, y1 = since
        pace = progress.assess([y0, y1], [v0, latest], higher_is_better=hib, base_year=y0, target=target.value,
                               target_upper=target.upper, target_type=target.kind, target_year=info["target_year"],
                               decimals=dec)  # fmt: skip
        if pace.status == "achieved":
            return t("export.hl.target_met", lang, year=info["target_year"], target=text)
        return t("target.hl_pace", lang, year=info["target_year"], target=text,
                 pace=targets.pace_text(pace.change_observed, info["unit"], lang, dec))  # fmt: skip
    if target.met(latest, hib, dec):
        return t("export.hl.target_met", lang, year=info["target_year"], target=text)
    return t("export.hl.target_gap", lang, year=info["target_year"], target=text,
             gap=fmt_gap(target.gap(latest, hib, dec), info, lang))


def endpoints(series: pd.DataFrame, start: int) -> tuple[int, float, int, float] | None:
    """(y0, v0, y1, v1): the first value from ``start`` on and the latest value of one series."""
    s = series[series["value"].notna() & (series["year"] >= start)].sort_values("year")
    if s.empty:
        return None
    return int(s["year"].iloc[0]), float(s["value"].iloc[0]), int(s["year"].iloc[-1]), float(s["value"].iloc[-1])


def in_region(name: str, lang: str) -> str:
    """"in the Red River Delta" / "ở vùng Đồng bằng sông Hồng"."""
    return t("export.hl.in_region", lang, region=name)


# --- one builder per kind ----------------------------------------------------------------------


def national_trend(table: pd.DataFrame, info: dict, lang: str) -> str:
    """"Multidimensional poverty fell from 9.20% in 2016 to 3.97% in 2024; 0.97 pp from the 2025 target of 3.00%"."""
    s = table[(table["role"] != "target") & table["value"].notna()]
    start = window_start(s["year"], info)
    y0, v0, y1, v1 = endpoints(s, start)
    move = movement(v0, v1, y0, y1, info, lang) + break_clause(start, info, lang)
    return t("export.hl.national", lang, subject=subject(info, lang), move=move) + target_clause(v1, info, lang, (y0, v0, y1))


def _most_improved(rows: pd.DataFrame, info: dict, start: int):
    """(gain, series name, endpoints) of the region that improved most from ``start``, or None."""
    scored = []
    for _, part in rows[rows["role"] == "region"].groupby("area_id", sort=False):
        ends = endpoints(part, start)
        if ends is not None and ends[0] < ends[2]:
            scored.append((improvement(ends[1], ends[3], info), str(part["series"].iloc[0]), ends))
    return max(scored, key=lambda x: x[0]) if scored else None


def focus(kind: str, table: pd.DataFrame, info: dict) -> list[str]:
    """The series a headline talks about (the deck labels their last values first)."""
    rows = table[table["value"].notna() & (table["role"] != "target")] if "role" in table else table
    if rows.empty or "series" not in rows:
        return []
    named = list(dict.fromkeys(rows.loc[rows["role"].isin(["province", "nation"]), "series"]))
    if kind == "region_trend":
        best = _most_improved(rows, info, window_start(rows["year"], info))
        return ([best[1]] if best else []) + named
    return named + list(dict.fromkeys(rows.loc[rows["role"] == "region", "series"]))


def region_trend(table: pd.DataFrame, info: dict, lang: str) -> str:
    """The region that improved most since the start, with the nation's movement."""
    rows = table[table["value"].notna()]
    start = window_start(rows["year"], info)
    regions = rows[rows["role"] == "region"]
    best = _most_improved(rows, info, start)
    nation = endpoints(rows[rows["role"] == "nation"], start)
    if best is None:
        return t("regions.no_values", lang)
    best_gain, best_name, (y0, v0, y1, v1) = best
    n = regions["area_id"].nunique()
    rank_key = "export.hl.most_improved" if best_gain > 0 else "export.hl.least_worsened"
    sentence = t(
        "export.hl.region_trend", lang, subject=subject(info, lang), where=in_region(best_name, lang),
        move=movement(v0, v1, y0, y1, info, lang) + break_clause(start, info, lang),
        rank=t(rank_key, lang, n=count_word(n, lang)),
    )
    if nation is not None:
        sentence += t("export.hl.nation_move", lang, v0=fmt(nation[1], info, lang), v1=fmt(nation[3], info, lang))
    return sentence


def province_trend(table: pd.DataFrame, info: dict, lang: str) -> str:
    """The province's movement since the start, against its region and the nation in the latest year."""
    rows = table[table["value"].notna() & (table["role"] != "target")]
    prov = rows[rows["role"] == "province"]
    if prov.empty:
        return t("regions.no_values", lang)
    start = window_start(prov["year"], info)
    y0, v0, y1, v1 = endpoints(prov, start)
    parts = [t("export.hl.province", lang, subject=subject(info, lang), area=info.get("area_name", ""),
               move=movement(v0, v1, y0, y1, info, lang) + break_clause(start, info, lang))]
    latest = rows[rows["year"] == y1]
    region = latest[latest["role"] == "region"]
    nation = latest[latest["role"] == "nation"]
    if len(region) and len(nation):
        parts.append(t("export.hl.against_both", lang, region=fmt(region["value"].iloc[0], info, lang),
                       region_name=region["series"].iloc[0], nation=fmt(nation["value"].iloc[0], info, lang)))
    elif len(nation):
        parts.append(t("export.hl.against_nation", lang, nation=fmt(nation["value"].iloc[0], info, lang)))
    return "".join(parts)


def ranking(table: pd.DataFrame, info: dict, lang: str) -> str:
    """First and last province (the table is best first) and how many are on track."""
    rows = table[table["value"].notna()]
    n = len(rows)
    first, last = rows.iloc[0], rows.iloc[-1]
    scope = t("export.hl.scope_region", lang, region=info["region_name"]) if info.get("region_name") else ""
    if n == 1:
        return t("export.hl.ranking_one", lang, year=info["year"], name=first["name"], value=fmt(first["value"], info, lang))
    # The scope counts every province of it, also those without a figure (the South East has 6 former
    # provinces even when one did not report): "of the 5 of 6 provinces with figures".
    missing = int(info.get("n_missing") or 0)
    sentence = t(
        "export.hl.ranking_partial" if missing else "export.hl.ranking", lang, year=info["year"],
        best=first["name"], best_value=fmt(first["value"], info, lang),
        worst=last["name"], worst_value=fmt(last["value"], info, lang), n=n, total=n + missing, scope=scope,
    )
    if "progress" in rows:
        assessed = rows[rows["progress"] != "insufficient"]
        if len(assessed):
            good = int(rows["progress"].isin(GOOD_STATUSES).sum())
            sentence += t("export.hl.on_track", lang, k=good, n=len(assessed))
    return sentence


def region_compare(table: pd.DataFrame, info: dict, lang: str) -> str:
    """Best and weakest region (the table is best first) and the nation's value."""
    rows = table[table["value"].notna()]
    regions = rows[rows["area_id"] != "VN"]
    nation = rows[rows["area_id"] == "VN"]
    if regions.empty:
        return t("regions.no_values", lang)
    best, worst = regions.iloc[0], regions.iloc[-1]
    sentence = t(
        "export.hl.region_compare", lang, subject=subject(info, lang), year=info["year"],
        best=in_region(best["name"], lang), best_value=fmt(best["value"], info, lang),
        worst=in_region(worst["name"], lang), worst_value=fmt(worst["value"], info, lang),
    )
    if len(nation):
        sentence += t("export.hl.nation_value", lang, value=fmt(nation["value"].iloc[0], info, lang))
    return sentence


_BUILDERS = {
    "national_trend": national_trend,
    "region_trend": region_trend,
    "province_trend": province_trend,
    "ranking": ranking,
    "map": ranking,
    "region_compare": region_compare,
}


# --- speaker notes -------------------------------------------------------------------------------


def _status_word(status: str, lang: str) -> str:
    return "" if status in (None, "final") or not isinstance(status, str) else f" ({t('value.status.' + status, lang)})"


def note_lines(kind: str, table: pd.DataFrame, info: dict, lang: str) -> list[str]:
    """The key numbers of a slide, one line each, for the speaker notes (from the chart table)."""
    lines: list[str] = []
    rows = table[table["value"].notna()]
    if kind in ("ranking", "map", "region_compare"):
        for i, r in enumerate(rows.itertuples(), start=1):
            line = f"{i}. {r.name}: {fmt(r.value, info, lang)}{_status_word(r.status, lang)}"
            prog = getattr(r, "progress", None)
            if isinstance(prog, str) and prog in progress.STATUS_STYLE:
                line += f" – {progress.STATUS_STYLE[prog]['icon']} {t('status.' + prog, lang)}"
            lines.append(line)
    else:
        for name, part in rows.groupby("series", sort=False):
            part = part.sort_values("year")
            if (part["role"] == "target").all():
                lines.append(str(name))
                continue
            first, last = part.iloc[0], part.iloc[-1]
            lines.append(
                f"{name}: {int(first['year'])} {fmt(first['value'], info, lang)} → {int(last['year'])} "
                f"{fmt(last['value'], info, lang)}{_status_word(last['status'], lang)}"
            )
    if info.get("break_year"):
        lines.append(t("export.notes.break", lang, year=info["break_year"], reason=info.get("break_reason") or ""))
    if info.get("n_missing"):
        lines.append(t("export.notes.missing", lang, n=info["n_missing"], names=", ".join(info.get("missing_names", []))))
    return lines
