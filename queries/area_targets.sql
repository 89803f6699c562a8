-- Question: which areas have targets of their own (besides the national ones)?
-- Grain: one row per indicator x area x target year, for areas other than the nation.
-- Parameters: none.
-- Notes: target_upper is the other bound of a range (NULL for one value); target_type is 'level' or
--   'annual_change' (target_value and target_upper are then changes a year).
select indicator_code, area_id, cast(year as integer) as year, target_value, target_upper, target_type
from targets
where area_id <> 'VN'
order by indicator_code, area_id, year
