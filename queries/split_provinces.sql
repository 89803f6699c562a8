-- Question: which new provinces combine former provinces from more than one GSO region, and which
--           region were they assigned to?
-- Grain: one row per new province (34 set) whose former provinces span two or more regions.
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of names
select
    s.area_id,
    case when $lang = 'en' then s.short_en else s.short_vi end as name,
    s.region_code as assigned_region,
    string_agg(distinct f.region_code, ', ' order by f.region_code) as member_regions,
    string_agg((case when $lang = 'en' then f.short_en else f.short_vi end) || ' (' || f.region_code || ')', ', '
               order by f.population desc) as members
from lineage l
join areas s on s.area_id = l.successor_id
join areas f on f.area_id = l.former_id
group by s.area_id, s.short_en, s.short_vi, s.region_code, s.sort_order
having count(distinct f.region_code) > 1
order by s.sort_order
