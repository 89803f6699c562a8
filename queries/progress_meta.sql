-- Question: what does the progress method need to know about each indicator?
-- Grain: one row per indicator.
-- Parameters: none.
-- Notes: target_value, target_upper and target_type are the national target in the indicator's target
--   year (the benchmark for every area; an area's own target, where the targets table has one, is
--   applied by ascc.status): a level (one value, or a range target_value..target_upper) or an annual
--   change. decimals is the published precision at which values and targets are compared.
select
    i.indicator_code,
    i.higher_is_better,
    cast(i.base_year as integer) as base_year,
    cast(i.target_year as integer) as target_year,
    i.limit_value,
    cast(i.decimals as integer) as decimals,
    [cast(b.year as integer) for b in coalesce(i.series_breaks, [])] as series_breaks,
    t.target_value,
    t.target_upper,
    t.target_type
from indicators i
left join targets t on t.indicator_code = i.indicator_code and t.area_id = 'VN' and t.year = i.target_year
order by i.sort_order
