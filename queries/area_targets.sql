-- Question: which areas have targets of their own (besides the national ones)?
-- Grain: one row per indicator x area x target year, for areas other than the nation.
-- Parameters: none.
select indicator_code, area_id, cast(year as integer) as year, target_value
from targets
where area_id <> 'VN'
order by indicator_code, area_id, year
