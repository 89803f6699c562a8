-- Question: how have chosen provinces moved on one or all indicators over the years?
-- Grain: one row per indicator x province x year with a value (reported or rebuilt).
-- Parameters:
--   $indicator  varchar    indicator code; NULL = all indicators
--   $areas      varchar[]  province area ids (P63-* or P34-*)
--   $breakdown  varchar    'total' or a group
select
    p.indicator_code,
    p.area_id,
    cast(p.year as integer) as year,
    p.value,
    p.status,
    p.derived,
    p.estimated,
    p.source,
    p.batch_id
from province_results p
where ($indicator is null or p.indicator_code = $indicator)
  and list_contains($areas, p.area_id)
  and p.breakdown = $breakdown
  and p.value is not null
order by p.indicator_code, p.area_id, p.year
