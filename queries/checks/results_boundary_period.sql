-- Invariant: a province's (or commune's) annual results fall within the years its boundary set existed:
--            the 63 former provinces and their communes up to 2025 (the year of the merger: the statistics
--            office still published 2025 on the former provinces), the 34 new ones and theirs from 2025.
-- Grain: one row per result outside its area's years (must return zero rows).
-- Parameters: none.
select r.indicator_code, r.area_id, r.year, a.valid_from, a.valid_to
from results_latest r
join areas a using (area_id)
where a.level in ('province', 'commune')
  and ((a.valid_to is not null and cast(r.year as integer) > year(a.valid_to))
       or (a.valid_from is not null and cast(r.year as integer) < year(a.valid_from)))
