-- Question: what is each area called (nation, regions, provinces of both sets)?
-- Grain: one row per area.
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of names
select area_id, level, boundary_set,
       case when $lang = 'en' then coalesce(short_en, name_en) else coalesce(short_vi, name_vi) end as name
from areas
order by sort_order, area_id
