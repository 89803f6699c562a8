-- Invariant: one visible result per indicator x area x year x breakdown.
-- Grain: one row per duplicated key (must return zero rows).
-- Parameters: none.
select indicator_code, area_id, year, breakdown, count(*) as n
from results_latest
group by all
having count(*) > 1
