"""Deterministic demo dataset: simulated province results 2016-2025 calibrated to published national paths."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ascc import dataset, reference, rules, schema

SEED = 161  # after Decision 161/QĐ-TTg; change it and every simulated value changes
BATCH_ID = "demo-0001"
YEARS = tuple(range(2016, 2026))
LAST_63_YEAR = 2024  # 2025 is reported on the 34 provinces only
BUILT_AT = "2026-11-01T00:00:00+00:00"  # fixed, so that every build is byte-identical
DATA_AS_OF = "2026-10-31"
SOURCE = "Mô phỏng / simulated (demo)"
MISSING_SHARE = 0.015  # share of province-years left out, to exercise gaps in the app

REGION_ORDER = tuple(reference.REGIONS)

# ---------------------------------------------------------------------------------------------------
# Published figures used for calibration (each cited in data/demo/README.md)
# ---------------------------------------------------------------------------------------------------

# Monthly income per capita, thousand VND, preliminary 2023, by former province: GSO Statistical
# Yearbook 2023, table V14.31 (column "Bình quân chung"); national 4,962.
INCOME_2023 = {
    "01": 6869, "02": 2252, "04": 2439, "06": 2519, "08": 3398, "10": 3200, "11": 2182, "12": 2324, "14": 2392,
    "15": 3155, "17": 3300, "19": 4908, "20": 2884, "22": 5295, "24": 4636, "25": 4330, "26": 5463, "27": 5279,
    "30": 5336, "31": 6392, "33": 5290, "34": 5266, "35": 5072, "36": 5502, "37": 5333, "38": 4653, "40": 4050,
    "42": 3811, "44": 3871, "45": 3582, "46": 4703, "48": 6224, "49": 3662, "51": 3922, "52": 4364, "54": 3657,
    "56": 4025, "58": 3326, "60": 4571, "62": 3210, "64": 2805, "66": 3486, "67": 3388, "68": 4857, "70": 4800,
    "72": 4876, "74": 8298, "75": 6579, "77": 5340, "79": 6516, "80": 4236, "82": 4601, "83": 4009, "84": 3859,
    "86": 3757, "87": 4906, "89": 3897, "91": 4723, "92": 5579, "93": 4235, "94": 3912, "95": 4755, "96": 4096,
}  # fmt: skip

# Households with a computer, %, preliminary 2023, by former province: GSO Statistical Yearbook 2023,
# table V14.60.2; national 28.3.
COMPUTER_2023 = {
    "01": 53.2, "02": 9.4, "04": 14.8, "06": 17.9, "08": 12.9, "10": 16.5, "11": 15.6, "12": 17.7, "14": 15.4,
    "15": 20.7, "17": 20.5, "19": 28.4, "20": 16.3, "22": 17.1, "24": 23.9, "25": 26.4, "26": 34.1, "27": 31.3,
    "30": 28.2, "31": 30.4, "33": 27.4, "34": 23.3, "35": 18.0, "36": 21.7, "37": 26.1, "38": 18.7, "40": 20.0,
    "42": 17.3, "44": 23.5, "45": 28.4, "46": 27.8, "48": 53.4, "49": 17.2, "51": 24.9, "52": 22.3, "54": 22.2,
    "56": 33.3, "58": 24.0, "60": 21.9, "62": 23.9, "64": 16.7, "66": 21.9, "67": 21.9, "68": 33.9, "70": 24.7,
    "72": 18.5, "74": 26.3, "75": 30.0, "77": 29.7, "79": 53.4, "80": 22.0, "82": 20.8, "83": 14.0, "84": 10.1,
    "86": 21.9, "87": 15.6, "89": 18.5, "91": 18.7, "92": 32.1, "93": 15.8, "94": 18.0, "95": 15.0, "96": 18.8,
}  # fmt: skip


def _path(*values: float) -> tuple[float, ...]:
    if len(values) != len(YEARS):
        raise ValueError(f"a national path needs {len(YEARS)} values")
    return tuple(float(v) for v in values)


def _regions(rrd, nmm, ncc, ch, se, mrd) -> dict:
    """Values by GSO region code, given in GSO order."""
    return dict(zip(REGION_ORDER, (rrd, nmm, ncc, ch, se, mrd), strict=True))


@dataclass(frozen=True)
class Sim:
    """How one indicator is simulated: national path (2016-2025), base, space and province pattern.

    ``space`` says where province effects are added: logit (percentages), log (rates and amounts),
    linear (index points) or count (Poisson draws around the national total). ``base`` names the
    denominator of a ratio, the weight of a weighted mean, or what a count is shared out by (see
    ``_bases``). ``region`` holds region effects in that space (for counts: relative risk per person);
    ``anchor`` replaces them by province levels from a published table for the year ``anchor_year``.
    """

    path: tuple[float, ...]
    base: str
    space: str
    region: dict[str, float]
    spread: float = 0.3
    noise: float = 0.05
    preliminary_2024: bool = False
    anchor: dict[str, float] | None = None
    anchor_year: int = 2023
    year_shocks: dict[tuple[int, str], float] = field(default_factory=dict)


# National paths: published where data/demo/README.md cites a source, illustrative elsewhere.
SIMS: dict[str, Sim] = {
    "SIPAS": Sim(
        _path(78.0, 79.0, 80.0, 81.0, 80.5, 81.5, 80.1, 82.7, 83.5, 84.5), "population", "linear",
        _regions(1.0, -1.2, 0.8, -1.3, 0.5, -0.2), spread=2.0, noise=0.8,
    ),
    "CULTURED_FAM": Sim(
        _path(85.0, 85.8, 86.5, 87.0, 87.5, 88.0, 88.5, 89.0, 89.5, 90.0), "households", "logit",
        _regions(0.3, -0.3, 0.1, -0.35, 0.0, 0.05), spread=0.25, noise=0.04,
    ),
    "NEW_RURAL": Sim(
        _path(26.4, 34.0, 42.0, 52.0, 62.0, 66.0, 70.0, 74.0, 78.0, 80.5), "communes", "logit",
        _regions(1.5, -1.2, 0.1, -0.9, 0.8, 0.2), spread=0.6, noise=0.08,
    ),
    # 2016-2021: World Bank WDI SI.POV.NAHC; 2022-2025 illustrative under the new standard (series break).
    "POV_MD": Sim(
        _path(9.2, 7.9, 6.8, 5.7, 4.8, 4.4, 6.0, 5.0, 4.1, 3.3), "households", "logit",
        _regions(-0.75, 1.4, 0.35, 1.0, -1.3, 0.15), spread=0.35, noise=0.06, preliminary_2024=True,
    ),
    "NER_BASIC": Sim(
        _path(95.2, 95.5, 95.8, 96.0, 96.3, 95.9, 96.4, 96.7, 97.0, 97.2), "school_age", "logit",
        _regions(0.45, -0.5, 0.1, -0.45, 0.05, -0.4), spread=0.2, noise=0.05,
    ),
    "SI_COVERAGE": Sim(
        _path(22.5, 25.0, 28.0, 30.5, 32.0, 33.5, 37.0, 38.0, 40.5, 42.0), "labour_force", "logit",
        _regions(0.5, -0.6, -0.2, -0.7, 0.9, -0.5), spread=0.25, noise=0.04,
    ),
    "HI_COVERAGE": Sim(
        _path(81.9, 86.4, 88.5, 90.0, 90.9, 91.0, 92.0, 93.3, 94.3, 95.0), "population", "logit",
        _regions(0.1, 0.4, 0.0, 0.1, -0.3, -0.2), spread=0.2, noise=0.05,
    ),
    # 2020 level: about 51 % of the rural population (MARD, at the launch of the strategy in Dec 2021).
    "WATER_RURAL": Sim(
        _path(38.0, 41.0, 44.0, 47.5, 51.0, 53.5, 55.5, 57.5, 59.5, 61.0), "rural_population", "logit",
        _regions(0.6, -0.6, 0.0, -0.5, 0.5, -0.35), spread=0.3, noise=0.05,
    ),
    # 2016-2023: World Bank WDI AG.LND.FRST.ZS; 2024-2025 extended at the 2016-2023 trend (illustrative).
    "FOREST_COVER": Sim(
        _path(45.88, 46.00, 46.23, 46.48, 46.72, 46.96, 47.20, 47.45, 47.69, 47.93), "land_ha", "logit",
        _regions(-1.0, 0.6, 0.5, 0.1, -0.7, -2.6), spread=0.5, noise=0.01,
    ),
    "WASTE_URBAN": Sim(
        _path(84.0, 85.0, 86.0, 88.0, 89.0, 90.0, 91.0, 92.0, 93.0, 94.0), "urban_waste_t", "logit",
        _regions(0.4, -0.5, 0.1, -0.4, 0.5, -0.3), spread=0.3, noise=0.05,
    ),
    # 2020 level: 75 % of rural households (MARD, at the launch of the strategy in Dec 2021).
    "LATRINE_RURAL": Sim(
        _path(66.0, 68.0, 70.0, 72.5, 75.0, 76.5, 78.0, 79.5, 81.0, 82.0), "rural_households", "logit",
        _regions(0.9, -0.7, 0.2, -0.4, 0.6, -0.4), spread=0.3, noise=0.05,
    ),
    "MMR": Sim(
        _path(54.0, 52.0, 50.0, 48.0, 46.0, 47.0, 45.0, 44.0, 43.0, 42.0), "births", "log",
        _regions(-0.3, 0.45, 0.05, 0.35, -0.35, 0.0), spread=0.15, noise=0.08, preliminary_2024=True,
    ),
    # 2016-2023: World Bank WDI SP.DYN.IMRT.IN; 2024-2025 illustrative.
    "IMR": Sim(
        _path(15.4, 15.2, 15.0, 14.9, 14.7, 14.5, 14.3, 14.0, 13.8, 13.6), "births", "log",
        _regions(-0.3, 0.4, 0.05, 0.35, -0.35, 0.05), spread=0.12, noise=0.05, preliminary_2024=True,
    ),
    "IMMUNISATION": Sim(
        _path(96.5, 96.2, 95.0, 96.0, 96.3, 93.0, 91.5, 85.0, 93.5, 95.0), "births", "logit",
        _regions(0.3, -0.5, 0.0, -0.55, 0.1, 0.0), spread=0.3, noise=0.1,
    ),
    "DISASTER_DEATHS": Sim(
        _path(264, 386, 224, 133, 357, 107, 175, 158, 514, 300), "population", "count",
        _regions(0.5, 3.0, 2.5, 1.5, 0.3, 0.6), spread=0.4,
        year_shocks={(2017, "NMM"): 1.6, (2017, "NCC"): 1.6, (2020, "NCC"): 3.0, (2024, "NMM"): 3.5, (2024, "RRD"): 1.5},
    ),
    "LABOUR_TRAINED": Sim(
        _path(20.6, 21.6, 22.0, 22.8, 24.1, 26.1, 26.2, 27.0, 28.1, 29.0), "labour_force", "logit",
        _regions(0.45, -0.2, -0.05, -0.45, 0.3, -0.55), spread=0.2, noise=0.04, preliminary_2024=True,
    ),
    # 2016-2024: World Bank WDI SL.UEM.TOTL.ZS (modelled ILO estimate); 2025 illustrative.
    "UNEMP": Sim(
        _path(1.85, 1.87, 1.16, 1.68, 2.10, 2.38, 1.52, 1.65, 1.43, 1.45), "labour_force", "log",
        _regions(0.0, -0.3, 0.05, -0.2, 0.15, 0.2), spread=0.2, noise=0.08, preliminary_2024=True,
    ),
    # 2023: GSO table V14.31 (provinces and nation); other years illustrative.
    "INCOME_PC": Sim(
        _path(3100, 3400, 3880, 4200, 4250, 4200, 4670, 4962, 5400, 5800), "population", "log",
        {}, noise=0.02, preliminary_2024=True, anchor=INCOME_2023,
    ),
    "INTERNET": Sim(
        _path(52.0, 55.0, 58.0, 62.0, 70.0, 73.0, 75.0, 78.0, 79.5, 81.0), "population", "logit",
        _regions(0.4, -0.4, 0.0, -0.3, 0.5, -0.1), spread=0.2, noise=0.04, preliminary_2024=True,
    ),
    # 2023: GSO table V14.60.2 (provinces and nation); other years illustrative.
    "HH_COMPUTER": Sim(
        _path(22.0, 22.5, 23.2, 24.5, 26.5, 27.5, 27.8, 28.3, 28.8, 29.3), "households", "logit",
        {}, noise=0.03, preliminary_2024=True, anchor=COMPUTER_2023,
    ),
}  # fmt: skip

# Breakdowns: (dimension, group A, group B, share of group A in the base, rate of group B / rate of group A).
# Illustrative relative rates: rural poverty 3 times urban, Kinh poverty a sixth of minority poverty.
BREAKDOWNS = {
    "POV_MD": [("residence", "urban", "rural", "urban_share", 3.0), ("ethnicity", "minority", "kinh", "minority_share", 1 / 6)],
    "NER_BASIC": [("sex", "female", "male", "female_share", 1 / 1.004)],
}  # fmt: skip

# ---------------------------------------------------------------------------------------------------
# Simulation
# ---------------------------------------------------------------------------------------------------


def _rng(*keys: int | str) -> np.random.Generator:
    """A generator per purpose, so that adding an indicator leaves the others' values unchanged."""
    return np.random.default_rng([SEED, *(zlib.crc32(k.encode()) if isinstance(k, str) else k for k in keys)])


def _expit(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _logit(p: np.ndarray | float) -> np.ndarray:
    p = np.asarray(p, dtype=float)
    return np.log(p / (1.0 - p))


@dataclass
class Bases:
    """Province x year arrays (63 x 10) of the simulated populations that serve as denominators."""

    codes: list[str]
    regions: np.ndarray
    arrays: dict[str, np.ndarray]


# Illustrative demographic parameters by region (RRD, NMM, NCC, CH, SE, MRD).
POPULATION_GROWTH = _regions(0.011, 0.012, 0.008, 0.012, 0.018, 0.002)  # a year, backwards from 2024
URBAN_SHARE_2024 = _regions(0.30, 0.20, 0.25, 0.28, 0.45, 0.25)
URBAN_SHARE_CITIES_2024 = {"01": 0.49, "31": 0.46, "48": 0.87, "74": 0.80, "79": 0.78, "92": 0.70}
MINORITY_SHARE = _regions((0.02, 0.02), (0.60, 0.20), (0.08, 0.06), (0.35, 0.10), (0.05, 0.05), (0.07, 0.08))
BIRTH_RATE_2016 = _regions(0.0155, 0.0170, 0.0150, 0.0165, 0.0125, 0.0115)  # live births per person
BIRTH_RATE_DECLINE = 0.985  # a year


def _bases() -> Bases:
    codes = sorted(reference.STATS_2024_63)
    regions = np.array([reference.REGION_OF_63[c] for c in codes])
    rng = _rng("bases")
    n, years = len(codes), np.array(YEARS)
    t = years - LAST_63_YEAR

    pop24 = np.array([reference.STATS_2024_63[c][0] for c in codes], dtype=float)
    growth = np.array([POPULATION_GROWTH[r] for r in regions]) + rng.normal(0, 0.003, n)
    pop = np.rint(pop24[:, None] * (1 + growth[:, None]) ** t[None, :])

    urban24 = np.array([URBAN_SHARE_2024[r] for r in regions]) + rng.normal(0, 0.05, n)
    urban24 = np.array([URBAN_SHARE_CITIES_2024.get(c, u) for c, u in zip(codes, urban24, strict=True)])
    urban = np.clip(urban24[:, None] + 0.005 * t[None, :], 0.10, 0.92)

    minority = np.array([rng.normal(*MINORITY_SHARE[r]) for r in regions])
    minority = np.clip(minority, 0.003, 0.95)[:, None] * np.ones(len(YEARS))

    birth_rate = np.array([BIRTH_RATE_2016[r] for r in regions]) + rng.normal(0, 0.001, n)
    births = np.rint(pop * birth_rate[:, None] * BIRTH_RATE_DECLINE ** (years - YEARS[0])[None, :])

    urban_pop = np.rint(pop * urban)
    rural_pop = pop - urban_pop
    communes = np.array([reference.commune_counts_63()[c] for c in codes], dtype=float)
    land_ha = np.array([round(reference.STATS_2024_63[c][1] * 100) for c in codes], dtype=float)
    ones = np.ones(len(YEARS))
    arrays = {
        "population": pop,
        "households": np.rint(pop / 3.6),
        "rural_population": rural_pop,
        "rural_households": np.rint(rural_pop / 3.6),
        "urban_waste_t": np.rint(urban_pop * 1.0 * 365 / 1000),  # about 1 kg per urban resident a day
        "births": births,
        "school_age": np.rint(pop * 0.145),
        "labour_force": np.rint(pop * 0.52),
        "communes": communes[:, None] * ones,
        "land_ha": land_ha[:, None] * ones,
        "urban_share": urban,
        "minority_share": minority,
        "female_share": np.full((n, len(YEARS)), 0.483),
    }
    return Bases(codes, regions, arrays)


def _province_effects(sim: Sim, bases: Bases, rng: np.random.Generator) -> np.ndarray:
    """Effect of each province in the indicator's space, per year (63 x 10), before calibration."""
    n = len(bases.codes)
    if sim.anchor is not None:
        anchor = np.array([sim.anchor[c] for c in bases.codes], dtype=float)
        national = sim.path[YEARS.index(sim.anchor_year)]
        fixed = (
            _logit(anchor / 100) - _logit(national / 100)
            if sim.space == "logit"
            else np.log(anchor / national)
        )
    else:
        fixed = np.array([sim.region[r] for r in bases.regions]) + rng.normal(0, sim.spread, n)
    # A persistent province trend plus year-to-year noise, so provinces move at different speeds.
    slope = rng.normal(0, sim.noise / 3, n)
    t = np.arange(len(YEARS)) - (len(YEARS) - 1) / 2
    return fixed[:, None] + slope[:, None] * t[None, :] + rng.normal(0, sim.noise, (n, len(YEARS)))


def _calibrated_values(sim: Sim, effects: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Province values whose weighted mean equals the national path each year (before rounding)."""
    path = np.array(sim.path)
    if sim.space == "linear":
        values = path[None, :] + effects
        return values + (path - values.mean(axis=0))[None, :]
    if sim.space == "log":
        values = path[None, :] * np.exp(effects)
        factor = path * weights.sum(axis=0) / (values * weights).sum(axis=0)
        return values * factor[None, :]
    # logit: a per-year shift found by bisection (the weighted mean rises with the shift)
    base = _logit(path / 100)[None, :] + effects
    low, high = np.full(len(YEARS), -15.0), np.full(len(YEARS), 15.0)
    for _ in range(80):
        mid = (low + high) / 2
        mean = (100 * _expit(base + mid[None, :]) * weights).sum(axis=0) / weights.sum(axis=0)
        too_high = mean > path
        high = np.where(too_high, mid, high)
        low = np.where(too_high, low, mid)
    return 100 * _expit(base + ((low + high) / 2)[None, :])


def _counts(sim: Sim, bases: Bases, rng: np.random.Generator) -> np.ndarray:
    """Poisson counts around the national path, shared out by region risk and population."""
    n = len(bases.codes)
    risk = np.array([sim.region[r] for r in bases.regions]) * rng.lognormal(0, sim.spread, n)
    weight = bases.arrays["population"] * risk[:, None]
    for (year, region), factor in sorted(sim.year_shocks.items()):
        weight[bases.regions == region, YEARS.index(year)] *= factor
    expected = weight / weight.sum(axis=0)[None, :] * np.array(sim.path)[None, :]
    return rng.poisson(expected).astype(float)


def _province_rows(code: str, spec: dict, sim: Sim, bases: Bases) -> pd.DataFrame:
    """Long rows (total and breakdowns) for one indicator on the 63 provinces, every year."""
    rng = _rng(code)
    rule, scale = spec["aggregation"], spec["scale"]
    base = bases.arrays[sim.base]
    n_prov, n_year = base.shape
    frame = {
        "code63": np.repeat(bases.codes, n_year),
        "year": np.tile(np.array(YEARS), n_prov),
    }
    if rule == "sum":
        counts = _counts(sim, bases, rng)
        return pd.DataFrame({**frame, "breakdown": "total", "value": counts.ravel(), "numerator": np.nan,
                             "denominator": np.nan, "weight": np.nan})  # fmt: skip
    effects = _province_effects(sim, bases, rng)
    values = _calibrated_values(sim, effects, base)
    if rule == "mean":
        return pd.DataFrame({**frame, "breakdown": "total", "value": np.round(values, 2).ravel(),
                             "numerator": np.nan, "denominator": np.nan, "weight": np.nan})  # fmt: skip
    if rule == "weighted_mean":
        return pd.DataFrame({**frame, "breakdown": "total", "value": np.round(values, 1).ravel(),
                             "numerator": np.nan, "denominator": np.nan, "weight": base.ravel()})  # fmt: skip
    den = base
    num = np.clip(np.rint(values * den / scale), 0, den)
    parts = [
        pd.DataFrame({**frame, "breakdown": "total", "numerator": num.ravel(), "denominator": den.ravel()})
    ]
    for dim, group_a, group_b, share_name, relative in BREAKDOWNS.get(code, []):
        den_a = np.rint(den * bases.arrays[share_name])
        den_b = den - den_a
        num_a = np.rint(num * den_a / (den_a + relative * den_b))
        num_a = np.clip(num_a, np.maximum(num - den_b, 0), den_a)  # both groups stay within their base
        num_b = num - num_a
        for group, n_, d_ in ((group_a, num_a, den_a), (group_b, num_b, den_b)):
            parts.append(pd.DataFrame({**frame, "breakdown": f"{dim}:{group}", "numerator": n_.ravel(),
                                       "denominator": d_.ravel()}))  # fmt: skip
    rows = pd.concat(parts, ignore_index=True)
    rows["value"] = rows["numerator"] / rows["denominator"] * scale
    rows["weight"] = np.nan
    return rows


def aggregate(rows: pd.DataFrame, keys: list[str], rule: str, scale: float) -> pd.DataFrame:
    """Aggregate result rows to ``keys`` by an indicator's rule (the one definition in ascc.rules)."""
    return rules.aggregate_frame(rows, keys, rule, scale)


def simulate_results() -> pd.DataFrame:
    """Every result row of the demo: provinces (63 to 2024, 34 in 2025) and the nation, all years."""
    bases = _bases()
    successors = reference.successor_codes()
    specs = {spec["code"]: spec for spec in reference.INDICATOR_SPECS}
    frames = []
    for code, spec in specs.items():
        rule, scale, sim = spec["aggregation"], spec["scale"], SIMS[code]
        full = _province_rows(code, spec, sim, bases)
        old = full[full["year"] <= LAST_63_YEAR].assign(area_id="P63-" + full["code63"])
        new = aggregate(
            full[full["year"] > LAST_63_YEAR].assign(area_id="P34-" + full["code63"].map(successors)),
            ["area_id", "year", "breakdown"], rule, scale,
        )  # fmt: skip
        provinces = pd.concat([old.drop(columns="code63"), new], ignore_index=True)
        # The nation aggregates every province of the reported set, before any province-year is dropped.
        nation = aggregate(provinces, ["year", "breakdown"], rule, scale).assign(area_id="VN")
        rows = pd.concat([nation, provinces], ignore_index=True)
        rows["indicator_code"] = code
        rows["status"] = "final"
        rows.loc[rows["year"] > LAST_63_YEAR, "status"] = "preliminary"
        if sim.preliminary_2024:
            rows.loc[rows["year"] == LAST_63_YEAR, "status"] = "preliminary"
        frames.append(rows)
    results = pd.concat(frames, ignore_index=True)
    results = _drop_missing(results)
    results["source"] = SOURCE
    results["batch_id"] = BATCH_ID
    return _sorted(results, specs)


# ---------------------------------------------------------------------------------------------------
# Communes: province totals split among the province's communes
# ---------------------------------------------------------------------------------------------------

COMMUNE_INDICATORS = ("POV_MD", "HI_COVERAGE")  # indicators with commune values in the demo dataset
COMMUNE_FILE = f"{BATCH_ID}-communes"  # results/year=YYYY/demo-0001-communes.parquet (same batch)

# Relative size of a commune by kind (illustrative): wards and townships are denser than rural communes.
COMMUNE_SIZE = {"Phường": 1.6, "Thị trấn": 1.3, "Xã": 1.0, "Đặc khu": 1.0, "Huyện": 0.5}
COMMUNE_SIZE_SPREAD = 0.55  # lognormal sigma of commune sizes within a kind
TRUONG_SA_SIZE = 0.01  # the three former units of Trường Sa have a few hundred residents
# Urban advantage by kind, in the indicator's space and towards "better" (illustrative).
COMMUNE_KIND_EFFECT = {"Phường": 1.0, "Thị trấn": 0.5, "Xã": -0.2, "Đặc khu": 0.0, "Huyện": 0.0}
# Per indicator: (size of the urban advantage, spread of commune effects), logit or log space.
COMMUNE_PATTERN = {"POV_MD": (1.2, 0.7), "HI_COVERAGE": (0.3, 0.35)}
COMMUNE_PATTERN_DEFAULT = (0.4, 0.4)


@dataclass
class CommuneBases:
    """Former and new communes with a size (weight), a size growth and a standard effect per commune."""

    former: pd.DataFrame  # code, province_code, kind, weight, growth, z, slope_z
    new: pd.DataFrame  # the same columns for the new communes, from their former communes


def _commune_bases() -> CommuneBases:
    """Sizes and standard effects of the communes; new communes inherit them from their former ones."""
    rng = _rng("commune-bases")
    former = reference.communes_63()[["code", "province_code", "kind"]].copy()
    n = len(former)
    size = former["kind"].map(COMMUNE_SIZE).to_numpy() * rng.lognormal(0, COMMUNE_SIZE_SPREAD, n)
    size[former["code"].isin(["22736", "22737", "22739"]).to_numpy()] *= TRUONG_SA_SIZE
    size[former["code"].isin(reference.UNINHABITED_COMMUNES["63"]).to_numpy()] = 0.0
    former["weight"] = size
    former["growth"] = rng.normal(0, 0.01, n)
    former["z"] = rng.normal(0, 1, n)
    former["slope_z"] = rng.normal(0, 1, n)
    former["urban"] = former["kind"].map(COMMUNE_KIND_EFFECT)
    successors, _ = reference.commune_successors()
    former["successor"] = former["code"].map(successors)
    new = reference.communes_34()[["code", "province_code", "kind"]].copy()
    w = former["weight"]
    agg = former.assign(
        wz=w * former["z"], ws=w * former["slope_z"], wu=w * former["urban"], wg=w * former["growth"]
    ).groupby("successor")[["weight", "wz", "ws", "wu", "wg"]].sum()
    agg = agg.reindex(new["code"]).fillna(0.0)
    safe = agg["weight"].where(agg["weight"] > 0, 1.0)
    new["weight"] = agg["weight"].to_numpy()
    for col, src in (("z", "wz"), ("slope_z", "ws"), ("urban", "wu"), ("growth", "wg")):
        new[col] = (agg[src] / safe).to_numpy()
    new.loc[new["code"].isin(reference.UNINHABITED_COMMUNES["34"]), "weight"] = 0.0
    return CommuneBases(former.drop(columns="successor"), new)


def _split_counts(rng: np.random.Generator, total: float, weights: np.ndarray, minimum: int = 0) -> np.ndarray:
    """Integers that add up to ``total`` exactly, drawn around ``weights``; each at least ``minimum``."""
    n = len(weights)
    rest = int(total) - minimum * n
    if rest < 0:
        raise ValueError("total too small for the minimum")
    return minimum + rng.multinomial(rest, weights / weights.sum()).astype(float)


def _split_numerator(rng: np.random.Generator, num: float, den_c: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Integer numerators adding up to ``num`` with shares ``q``, each within its denominator."""
    num_c = rng.multinomial(int(num), q / q.sum()).astype(float) if q.sum() > 0 else np.zeros_like(den_c)
    while (over := num_c - den_c).max() > 0:
        excess = over.clip(0).sum()
        num_c = np.minimum(num_c, den_c)
        room = den_c - num_c
        num_c += rng.multinomial(int(excess), room / room.sum())
    return num_c


def _space_of(code: str) -> str:
    return SIMS[code].space if code in SIMS else "logit"


def split_to_communes(results: pd.DataFrame, codes: tuple[str, ...], indicators: pd.DataFrame) -> pd.DataFrame:
    """Commune rows for the given indicators, split from the province totals so they add up exactly.

    Each province row (breakdown total; former provinces up to 2024, new ones in 2025) is shared out
    among the province's inhabited communes of the same set: ratio numerators and denominators as
    integers that sum to the province's (denominators by commune size, numerators by a commune rate
    around the province's); weighted-mean weights likewise, with values scaled so that the weighted mean
    is the province's; sum counts by size; mean values as the province's plus centred commune effects.
    Commune rows carry the province row's status, source and batch.
    """
    bases = _commune_bases()
    spec = indicators.set_index("indicator_code")
    years = np.array(YEARS)
    rows = results[
        results["indicator_code"].isin(codes)
        & (results["breakdown"] == "total")
        & results["area_id"].str.match(r"P(63|34)-")
    ]
    sets = {"63": bases.former, "34": bases.new}
    # Each province's inhabited communes as plain arrays (thousands of province rows reuse them).
    members = {}
    for bset, df in sets.items():
        for pc, part in df.groupby("province_code"):
            part = part[part["weight"] > 0]
            members[(bset, pc)] = {
                "area_id": ("C" + bset + "-") + part["code"].to_numpy(object),
                **{col: part[col].to_numpy(float) for col in ("weight", "growth", "urban", "z", "slope_z")},
                "index": part.index.to_numpy(),
            }
    columns: dict[str, list] = {name: [] for name in ("indicator_code", "year", "area_id", "value", "numerator",
                                                      "denominator", "weight", "status", "source", "batch_id")}  # fmt: skip
    mid = (len(YEARS) - 1) / 2
    for code in codes:
        rule, scale = spec.loc[code, "aggregation"], float(spec.loc[code, "scale"])
        advantage, spread = COMMUNE_PATTERN.get(code, COMMUNE_PATTERN_DEFAULT)
        sign = 1.0 if spec.loc[code, "higher_is_better"] else -1.0
        effect_rng = _rng("commune-effects", code)
        noise = {bset: effect_rng.normal(0, spread / 6, (len(df), len(YEARS))) for bset, df in sets.items()}
        for row in rows[rows["indicator_code"] == code].itertuples(index=False):
            bset, pc = row.area_id[1:3], row.area_id[4:]
            m = members.get((bset, pc))
            if m is None or not len(m["weight"]):
                continue
            t = YEARS.index(int(row.year))
            rng = _rng("commune-split", code, row.area_id, int(row.year))
            w = m["weight"] * (1 + m["growth"]) ** (years[t] - LAST_63_YEAR)
            effect = (
                sign * advantage * m["urban"]
                + spread * m["z"]
                # a commune trend of up to a third of the spread either way over the period, and yearly noise
                + spread / 3 * m["slope_z"] * (t - mid) / mid
                + noise[bset][m["index"], t]
            )
            n = len(w)
            num_c = den_c = w_c = np.full(n, np.nan)
            # At least one unit each where the total allows it; otherwise (NEW_RURAL counts communes) some
            # communes get none and have no row.
            minimum = 1 if (row.denominator if rule == "ratio" else row.weight if rule == "weighted_mean" else 0) >= n else 0
            if rule == "ratio":
                den_c = _split_counts(rng, row.denominator, w, minimum=minimum)
                p = float(np.clip(row.numerator / row.denominator, 1e-6, 1 - 1e-6))
                q = den_c * _expit(_logit(p) + effect)
                num_c = _split_numerator(rng, row.numerator, den_c, q)
                keep = den_c > 0
                value = np.divide(num_c, den_c, out=np.full(n, np.nan), where=keep) * scale
            elif rule == "weighted_mean":
                w_c = _split_counts(rng, round(row.weight), w, minimum=minimum)
                factor = np.exp(0.2 * effect)
                keep = w_c > 0
                value = row.value * factor * w_c.sum() / (factor * w_c).sum()
            elif rule == "sum":
                keep = np.ones(n, bool)
                value = _split_counts(rng, row.value, w)
            else:
                keep = np.ones(n, bool)
                value = row.value + 2 * (effect - effect.mean())
            k = int(keep.sum())
            columns["area_id"].append(m["area_id"][keep])
            columns["value"].append(value[keep])
            columns["numerator"].append(num_c[keep])
            columns["denominator"].append(den_c[keep])
            columns["weight"].append(w_c[keep])
            for name, scalar in (("indicator_code", code), ("year", int(row.year)), ("status", row.status),
                                 ("source", row.source), ("batch_id", row.batch_id)):  # fmt: skip
                columns[name].append(np.full(k, scalar, dtype=object if isinstance(scalar, str) else np.int64))
    communes = pd.DataFrame({name: np.concatenate(parts) for name, parts in columns.items()})
    communes["breakdown"] = "total"
    order = {c: i for i, c in enumerate(spec.index)}
    communes = communes.assign(_i=communes["indicator_code"].map(order)).sort_values(
        ["year", "_i", "area_id"], kind="stable"
    )
    return communes.drop(columns="_i").reset_index(drop=True)[["year", *schema.RESULTS.names]]


def _drop_missing(results: pd.DataFrame) -> pd.DataFrame:
    """Leave out about 1.5 % of province-years after 2016 (all breakdowns of one), never the nation."""
    keys = (
        results.loc[
            (results["area_id"] != "VN") & (results["year"] > YEARS[0]), ["indicator_code", "area_id", "year"]
        ]
        .drop_duplicates()
        .sort_values(["indicator_code", "area_id", "year"])
    )
    drop = keys[_rng("missing").random(len(keys)) < MISSING_SHARE]
    marked = results.merge(drop.assign(_drop=True), on=["indicator_code", "area_id", "year"], how="left")
    return marked[marked["_drop"].isna()].drop(columns="_drop")


def _sorted(results: pd.DataFrame, specs: dict) -> pd.DataFrame:
    order = {code: i for i, code in enumerate(specs)}
    breakdown_order = {"total": 0}
    for dims in BREAKDOWNS.values():
        for dim, group_a, group_b, *_ in dims:
            breakdown_order.setdefault(f"{dim}:{group_a}", len(breakdown_order))
            breakdown_order.setdefault(f"{dim}:{group_b}", len(breakdown_order))
    results = results.assign(
        _i=results["indicator_code"].map(order),
        _a=results["area_id"].map(lambda a: "" if a == "VN" else a),
        _b=results["breakdown"].map(breakdown_order),
    ).sort_values(["year", "_i", "_a", "_b"], kind="stable")
    results["year"] = results["year"].astype("int64")
    return results.drop(columns=["_i", "_a", "_b"]).reset_index(drop=True)[["year", *schema.RESULTS.names]]


# ---------------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------------


def build_demo(out_dir: Path) -> dict:
    """Write the demo dataset (reference tables, results, manifest) into ``out_dir``; return the manifest."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, frame in reference.all_tables().items():
        dataset.write_table(out_dir, name, frame)
    dataset.clear_results(out_dir)
    results = simulate_results()
    dataset.write_results(out_dir, results, BATCH_ID)
    # Commune rows in their own file per year (same batch), so province-level scans stay small.
    communes = split_to_communes(results, COMMUNE_INDICATORS, reference.indicators())
    dataset.write_results(out_dir, communes, COMMUNE_FILE)
    manifest = {
        "kind": "demo",
        "title_vi": "Bộ dữ liệu mô phỏng – Đề án 161 (Cộng đồng Văn hóa – Xã hội ASEAN)",
        "title_en": "Demo dataset – Project 161 (ASEAN Socio-Cultural Community)",
        "version": dataset.content_version(out_dir),
        "built_at": BUILT_AT,
        "data_as_of": DATA_AS_OF,
        "how": "python -m ascc demo-data",
        "notice_vi": "Dữ liệu mô phỏng – không phải số liệu thống kê chính thức",
        "notice_en": "Simulated demonstration data – not official statistics",
    }
    dataset.write_manifest(out_dir, manifest)
    return manifest
