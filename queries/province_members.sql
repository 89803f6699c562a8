-- Question: which former provinces formed a new province (or which new province did a former one join)?
-- Grain: one row per former province (P63-*) linked to the given area through the lineage.
-- Parameters:
--   $lang     varchar  'vi' or 'en': language of names
--   $area_id  varchar  a new (P34-*) or former (P63-*) province id
select
    f.area_id as former_id,
    case when $lang = 'en' then f.short_en else f.short_vi end as former_name,
    f.region_code as former_region,
    s.area_id as successor_id,
    case when $lang = 'en' then s.short_en else s.short_vi end as successor_name,
    f.population as former_population
from lineage l
join areas f on f.area_id = l.former_id
join areas s on s.area_id = l.successor_id
where l.successor_id = $area_id or l.former_id = $area_id
order by f.population desc nulls last, f.sort_order
