-- Question: which socio-economic regions are there?
-- Grain: one row per GSO socio-economic region.
-- Parameters:
--   $lang  varchar  'vi' or 'en': language of names
select
    area_id,
    code as region_code,
    case when $lang = 'en' then name_en else name_vi end as name,
    cast(sort_order as integer) as sort_order
from areas
where level = 'region'
order by sort_order, code
