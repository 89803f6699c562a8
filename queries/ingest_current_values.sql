-- Question: which values does the dashboard show now for these indicators and years (to preview an
--           import as new, changed and unchanged values)?
-- Grain: one row per visible result (indicator x area x year x breakdown).
-- Parameters:
--   $codes  varchar[]  indicator codes; NULL = all indicators
--   $years  integer[]  years; NULL = all years
select
    r.indicator_code,
    r.area_id,
    cast(r.year as integer) as year,
    r.breakdown,
    r.value,
    r.numerator,
    r.denominator,
    r.weight,
    r.status,
    r.source,
    r.batch_id
from results_latest r
where ($codes is null or list_contains($codes, r.indicator_code))
  and ($years is null or list_contains($years, cast(r.year as integer)))
order by r.indicator_code, r.year, r.area_id, r.breakdown
