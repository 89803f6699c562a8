-- Invariant: a province's (or commune's) annual results belong to the boundary set in force on 31 December
--            of the year (the 63 former provinces and their communes up to 2024, the 34 new ones and
--            theirs from 2025), so no year is reported on two sets.
-- Grain: one row per result outside its area's period (must return zero rows).
-- Parameters: none.
select r.indicator_code, r.area_id, r.year, a.valid_from, a.valid_to
from results_latest r
join areas a using (area_id)
where a.level in ('province', 'commune')
  and ((a.valid_to is not null and make_date(cast(r.year as integer), 12, 31) > a.valid_to)
       or (a.valid_from is not null and make_date(cast(r.year as integer), 12, 31) < a.valid_from))
