-- Question: every figure of the dataset as stored (the whole-dataset download), with names and units.
-- Grain: one row per indicator x area x year x breakdown of the latest visible batch (results_latest:
--   provinces of both sets, published regional and national rows, communes).
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of indicator and area names and units
select
    r.indicator_code,
    case when $lang = 'en' then i.name_en else i.name_vi end as indicator_name,
    r.area_id,
    case when $lang = 'en' then a.name_en else a.name_vi end as area_name,
    a.level,
    a.boundary_set,
    cast(r.year as integer) as year,
    r.breakdown,
    r.value,
    case when $lang = 'en' then i.unit_en else i.unit_vi end as unit,
    r.numerator,
    r.denominator,
    r.weight,
    r.status,
    r.source,
    r.batch_id
from results_latest r
join indicators i using (indicator_code)
join areas a using (area_id)
order by i.sort_order, r.indicator_code, cast(r.year as integer), a.level, a.sort_order, r.area_id, r.breakdown
