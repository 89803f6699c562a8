-- Question: what does the importer need to know about each indicator to check a value?
-- Grain: one row per indicator.
-- Parameters: none.
select
    i.indicator_code,
    i.name_vi,
    i.name_en,
    i.short_vi,
    i.short_en,
    i.unit_vi,
    i.unit_en,
    cast(i.decimals as integer) as decimals,
    i.aggregation,
    i.scale,
    i.min_value,
    i.max_value,
    i.limit_value,
    i.higher_is_better
from indicators i
order by i.sort_order, i.indicator_code
