-- Question: how has each indicator moved nationally, year by year?
-- Grain: one row per indicator per year with a national value (area VN, breakdown total): the one
--   national value of region_results (published, else computed from the provinces; the same on both sets).
-- Parameters:
--   $codes  varchar[]  indicator codes to return; NULL = all indicators
select
    r.indicator_code,
    cast(r.year as integer) as year,
    r.value,
    r.status,
    r.source,
    r.basis,
    r.estimated,
    r.n_reported,
    r.n_areas,
    r.pop_share,
    r.batch_id
from region_results r
where r.area_id = 'VN' and r.boundary_set = '34' and r.breakdown = 'total' and r.value is not null
  and ($codes is null or list_contains($codes, r.indicator_code))
order by r.indicator_code, r.year
