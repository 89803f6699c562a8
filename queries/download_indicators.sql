-- Question: the indicator catalogue in both languages, with rule, weight, breaks and current lead (the
--           metadata of the whole-dataset download).
-- Grain: one row per indicator.
-- Parameters: none.
select
    i.indicator_code, i.name_vi, i.name_en, i.short_vi, i.short_en, i.unit_vi, i.unit_en,
    cast(i.decimals as integer) as decimals, i.higher_is_better, i.pillar_code, i.ministry_code, i.sdg_target,
    i.aggregation, i.scale, i.weight_kind, i.limit_value, cast(i.base_year as integer) as base_year,
    cast(i.target_year as integer) as target_year, i.headline, i.definition_vi, i.definition_en,
    i.source_vi, i.source_en,
    array_to_string([cast(b.year as varchar) || ': ' || b.reason_vi || ' | ' || b.reason_en
                     for b in coalesce(i.series_breaks, [])], '; ') as series_breaks
from indicators i
order by i.sort_order, i.indicator_code
