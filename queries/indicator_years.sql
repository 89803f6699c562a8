-- Question: in which years does an indicator have province values on a boundary set?
-- Grain: one row per year with at least one province value (reported or rebuilt).
-- Parameters:
--   $indicator  varchar  indicator code
--   $boundary   varchar  '34' or '63'
--   $breakdown  varchar  'total' or a group
select cast(year as integer) as year, count(value) as n_values
from province_results
where indicator_code = $indicator and boundary_set = $boundary and breakdown = $breakdown
  and value is not null
group by year
order by year
