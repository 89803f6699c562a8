"""Fixed schemas of the dataset's tables: every writer (demo builder, importer, test fixtures) uses these.

Area ids carry the boundary set, because GSO province codes were reused across the July 2025
merger for different provinces:

    VN            the nation
    R-<code>      a GSO socio-economic region (R-RRD, R-NMM, R-NCC, R-CH, R-SE, R-MRD)
    P63-<code>    a former province (boundary set valid until 30 June 2025)
    P34-<code>    a new province (boundary set from 1 July 2025)

Breakdown values: ``total`` or ``<dimension>:<group>`` with dimension in sex, residence, ethnicity
(``sex:female``, ``sex:male``, ``residence:urban``, ``residence:rural``, ``ethnicity:kinh``,
``ethnicity:minority``).

How ``results`` rows relate to an indicator's aggregation rule:

    ratio          value = numerator / denominator * scale; aggregates = sum(num) / sum(den) * scale
    weighted_mean  value with its weight in ``weight``; aggregates = sum(value*weight) / sum(weight)
    sum            value is a count; aggregates = sum(value)
    mean           value is an index; aggregates = plain mean of the member values
"""

from __future__ import annotations

import pyarrow as pa

AGGREGATIONS = ("ratio", "weighted_mean", "sum", "mean")
# What a value-only rate (no numerator and denominator) is weighted by when it is aggregated: a kind of
# reference weight in the ``weights`` table (or none: such rows cannot be aggregated).
WEIGHT_KINDS = ("population", "households", "live_births", "labour_force", "none")
TARGET_TYPES = ("level", "annual_change")
LEVELS = ("nation", "region", "province", "commune")
BOUNDARY_SETS = ("63", "34")
STATUSES = ("final", "preliminary", "estimated")
DATASET_KINDS = ("demo", "official")
BREAKDOWN_DIMENSIONS = ("sex", "residence", "ethnicity")
# The groups of each dimension (labels: i18n "breakdown.<dimension>:<group>"); a result's breakdown is one of
# BREAKDOWNS.
BREAKDOWN_GROUPS = {"sex": ("female", "male"), "residence": ("urban", "rural"), "ethnicity": ("kinh", "minority")}
BREAKDOWNS = ("total", *(f"{d}:{g}" for d in BREAKDOWN_DIMENSIONS for g in BREAKDOWN_GROUPS[d]))

SERIES_BREAK = pa.struct(
    [
        ("year", pa.int16()),
        ("reason_vi", pa.string()),
        ("reason_en", pa.string()),
    ]
)

INDICATORS = pa.schema(
    [
        ("indicator_code", pa.string()),  # stable code, e.g. POV_MD
        ("name_vi", pa.string()),
        ("name_en", pa.string()),
        ("short_vi", pa.string()),  # short name for cards, axes and slides
        ("short_en", pa.string()),
        ("unit_vi", pa.string()),  # "%", "‰", "/100.000 trẻ đẻ sống", ...
        ("unit_en", pa.string()),
        ("decimals", pa.int8()),  # decimals to show
        ("higher_is_better", pa.bool_()),
        ("pillar_code", pa.string()),  # pillars.pillar_code (A-E for ASCC)
        ("ministry_code", pa.string()),  # lead ministry now (see indicator_leads for history)
        ("sdg_target", pa.string()),  # related SDG target, e.g. "1.2"
        ("aggregation", pa.string()),  # one of AGGREGATIONS
        ("scale", pa.float64()),  # 100, 1000, 100000 for ratios; 1 otherwise
        ("weight_kind", pa.string()),  # one of WEIGHT_KINDS: reference weight of value-only rows
        ("limit_value", pa.float64()),  # natural limit (100 for coverage), null if none
        ("min_value", pa.float64()),  # plausible range for validation, null if open
        ("max_value", pa.float64()),
        ("base_year", pa.int16()),
        ("target_year", pa.int16()),
        ("headline", pa.bool_()),
        ("sort_order", pa.int16()),
        ("definition_vi", pa.string()),
        ("definition_en", pa.string()),
        ("source_vi", pa.string()),
        ("source_en", pa.string()),
        ("series_breaks", pa.list_(SERIES_BREAK)),
    ]
)

PILLARS = pa.schema(
    [
        ("pillar_code", pa.string()),  # A-E for the ASCC characteristics
        ("community", pa.string()),  # ASCC, APSC, AEC: room for the other two ASEAN pillars
        ("name_vi", pa.string()),
        ("name_en", pa.string()),
        ("description_vi", pa.string()),
        ("description_en", pa.string()),
        ("sort_order", pa.int16()),
    ]
)

MINISTRIES = pa.schema(
    [
        ("ministry_code", pa.string()),  # e.g. MOLISA, MOHA, MAE
        ("name_vi", pa.string()),
        ("name_en", pa.string()),
        ("abbr_vi", pa.string()),  # e.g. "Bộ LĐTBXH"
        ("abbr_en", pa.string()),  # e.g. "MOLISA"
        ("valid_from", pa.date32()),
        ("valid_to", pa.date32()),  # null while it exists
        ("successor_code", pa.string()),  # main successor after the March 2025 merger
        ("sort_order", pa.int16()),
    ]
)

# The lead ministry of each indicator over time.
INDICATOR_LEADS = pa.schema(
    [
        ("indicator_code", pa.string()),
        ("ministry_code", pa.string()),
        ("valid_from", pa.date32()),
        ("valid_to", pa.date32()),  # null while current
        ("note_vi", pa.string()),  # why it moved, e.g. "chuyển từ Bộ LĐTBXH theo Nghị định ..."
        ("note_en", pa.string()),
    ]
)

AREAS = pa.schema(
    [
        ("area_id", pa.string()),  # VN, R-NMM, P63-02, P34-08 (see module docstring)
        ("level", pa.string()),  # nation, region, province (commune later)
        ("boundary_set", pa.string()),  # "63", "34", or null for nation and regions
        ("code", pa.string()),  # GSO code within its level and set ("02", "NMM", "VN")
        ("name_vi", pa.string()),  # full name: "Tỉnh Hà Giang"
        ("name_en", pa.string()),  # "Ha Giang"
        ("name_ascii", pa.string()),  # "Ha Giang" (search without diacritics)
        ("short_vi", pa.string()),  # "Hà Giang" (labels)
        ("short_en", pa.string()),
        ("tile_vi", pa.string()),  # up to 7 characters for map tiles: "H.Giang"
        ("region_code", pa.string()),  # GSO region of a province (documented rule for the 34)
        ("parent_id", pa.string()),  # region id for provinces, VN for regions, null for VN
        ("lat", pa.float64()),
        ("lon", pa.float64()),
        ("population", pa.float64()),  # 2024 population, persons (NSO), for weights and rules
        ("valid_from", pa.date32()),
        ("valid_to", pa.date32()),  # 2025-06-30 for the 63, null for current areas
        ("sort_order", pa.int16()),
    ]
)

# Each former province (P63-*) -> the new province (P34-*) it became part of on 1 July 2025.
LINEAGE = pa.schema(
    [
        ("former_id", pa.string()),
        ("successor_id", pa.string()),
        ("effective", pa.date32()),
    ]
)

# results/year=YYYY/*.parquet (hive partition; ``year`` comes from the folder name).
RESULTS = pa.schema(
    [
        ("indicator_code", pa.string()),
        ("area_id", pa.string()),
        ("breakdown", pa.string()),  # total or dimension:group
        ("value", pa.float64()),
        ("numerator", pa.float64()),  # ratio indicators
        ("denominator", pa.float64()),
        ("weight", pa.float64()),  # weighted_mean indicators
        ("status", pa.string()),  # one of STATUSES
        ("source", pa.string()),
        ("batch_id", pa.string()),  # the import batch that delivered the row
    ]
)

# A target: a level to reach in ``year`` (one value, or a range target_value..target_upper such as
# 93-95 %), or an annual change (``annual_change``: percentage points a year, e.g. -1 to -1.5 for a
# poverty rate that must fall 1-1.5 points a year). Every target carries its citation; ``illustrative``
# marks a demo target that no document sets (never allowed in an official dataset).
TARGETS = pa.schema(
    [
        ("indicator_code", pa.string()),
        ("area_id", pa.string()),
        ("year", pa.int16()),
        ("target_value", pa.float64()),  # the value, or the bound of a range nearer the base
        ("target_upper", pa.float64()),  # the other bound of a range; null for one value
        ("target_type", pa.string()),  # one of TARGET_TYPES
        ("illustrative", pa.bool_()),
        ("source_vi", pa.string()),  # the citation: document, article, figure
        ("source_en", pa.string()),
    ]
)

# Reference weights per area and year: what value-only rates are weighted by when they are rebuilt on
# the 34 provinces and aggregated to regions and the nation (population from NSO table E02.01).
WEIGHTS = pa.schema(
    [
        ("area_id", pa.string()),  # province (P63-*, P34-*), region or VN
        ("year", pa.int16()),
        ("weight_kind", pa.string()),  # one of WEIGHT_KINDS (not none)
        ("value", pa.float64()),  # persons, households, live births ...
        ("source_vi", pa.string()),
        ("source_en", pa.string()),
    ]
)

# The batch log of a dataset (written by ascc.batches; see its docstring for the storage design).
# Entries are only ever appended: a withdrawal is a new entry for the same batch, never an edit.
BATCH_STATUSES = ("committed", "withdrawn")
BATCHES = pa.schema(
    [
        ("seq", pa.int64()),  # position of the entry in the log (1, 2, ...): the commit order
        ("batch_id", pa.string()),  # b<UTC yyyymmddThhmmssfff>-<6 hex>; sorts in commit order
        ("status", pa.string()),  # one of BATCH_STATUSES
        ("logged_at", pa.string()),  # ISO 8601 UTC time of the entry
        ("who", pa.string()),  # e-mail of the signed-in data manager, or cli:<user>
        ("file_name", pa.string()),  # the imported file as the user named it
        ("sha256", pa.string()),  # of the imported file's bytes
        ("rows", pa.int64()),  # result rows delivered by the batch
        ("indicators", pa.string()),  # comma-separated indicator codes
        ("years", pa.string()),  # comma-separated years
        ("note", pa.string()),  # e.g. the column used, "baseline", the reason of a withdrawal
    ]
)

# Table name -> (file name relative to the data folder, schema). ``results`` is a folder.
# ``batches`` comes before ``results``: the results view reads the log.
TABLES: dict[str, tuple[str, pa.Schema]] = {
    "indicators": ("indicators.parquet", INDICATORS),
    "pillars": ("pillars.parquet", PILLARS),
    "ministries": ("ministries.parquet", MINISTRIES),
    "indicator_leads": ("indicator_leads.parquet", INDICATOR_LEADS),
    "areas": ("areas.parquet", AREAS),
    "lineage": ("lineage.parquet", LINEAGE),
    "targets": ("targets.parquet", TARGETS),
    "weights": ("weights.parquet", WEIGHTS),
    "batches": ("batches.parquet", BATCHES),
    "results": ("results", RESULTS),
}

MANIFEST_FILE = "manifest.json"
# manifest.json keys: kind (demo|official), title_vi, title_en, version, built_at (ISO 8601),
# data_as_of (ISO date), how (command or description), notice_vi, notice_en.
