-- Question: which provinces make up a boundary set (optionally within one region)?
-- Grain: one row per province of the chosen boundary set.
-- Parameters:
--   $lang      varchar  'vi' or 'en': language of names
--   $boundary  varchar  '34' (from 1 July 2025) or '63' (before); NULL = both sets
--   $region    varchar  GSO region code (RRD, NMM, NCC, CH, SE, MRD); NULL = all regions
select
    a.area_id,
    a.boundary_set,
    a.code,
    case when $lang = 'en' then a.short_en else a.short_vi end as name,
    case when $lang = 'en' then a.name_en else a.name_vi end as full_name,
    a.name_ascii,
    a.region_code,
    case when $lang = 'en' then r.name_en else r.name_vi end as region_name,
    cast(a.sort_order as integer) as sort_order
from areas a
left join areas r on r.area_id = 'R-' || a.region_code
where a.level = 'province'
  and ($boundary is null or a.boundary_set = $boundary)
  and ($region is null or a.region_code = $region)
order by a.boundary_set, a.sort_order, a.code
