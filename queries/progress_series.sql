-- Question: which yearly values does the progress assessment use, for every indicator x area of a level?
-- Grain: one row per indicator x area x year with a value.
-- Parameters:
--   $level      varchar  'nation' (the one national value, the same on both sets), 'region' or 'province'
--   $boundary   varchar  '34' or '63': the boundary set of provinces and of the regional aggregates
--   $breakdown  varchar  'total' or a group such as 'ethnicity:minority'
-- Notes: on the 34 set, years before 2025 are rebuilt from the former provinces (province_results).
select indicator_code, area_id, year, value
from region_results
where $level = 'nation' and boundary_set = $boundary and area_id = 'VN' and breakdown = $breakdown
  and value is not null
union all
select indicator_code, area_id, year, value
from region_results
where $level = 'region' and boundary_set = $boundary and area_id like 'R-%' and breakdown = $breakdown
  and value is not null
union all
select indicator_code, area_id, year, value
from province_results
where $level = 'province' and boundary_set = $boundary and breakdown = $breakdown and value is not null
order by indicator_code, area_id, year
