-- Question: how has each region (and the nation) moved on one indicator over the years?
-- Grain: one row per area (regions and VN) per year with a value, on the chosen boundary set. The
--   values are region_results' (published, else computed); a partial aggregate's name says its coverage.
-- Parameters:
--   $lang       varchar  'vi' or 'en': language of names
--   $indicator  varchar  indicator code
--   $boundary   varchar  '34' or '63'
--   $breakdown  varchar  'total' or a group
select
    g.area_id,
    area_label(case when $lang = 'en' then a.name_en else a.name_vi end, g.basis, g.n_reported, g.n_areas,
               g.pop_share, $lang) as name,
    cast(g.year as integer) as year,
    g.value,
    g.status,
    g.derived,
    cast(g.n_reported as integer) as n_reported,
    cast(g.n_areas as integer) as n_areas,
    g.pop_share,
    g.basis,
    g.estimated,
    g.source,
    g.batch_id
from region_results g
join areas a using (area_id)
where g.indicator_code = $indicator and g.boundary_set = $boundary and g.breakdown = $breakdown
  and g.value is not null
order by a.level = 'nation', a.sort_order, g.year
