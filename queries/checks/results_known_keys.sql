-- Invariant: every result names a known indicator and a known area.
-- Grain: one row per result with an unknown indicator or area (must return zero rows).
-- Parameters: none.
select r.indicator_code, r.area_id, r.year, r.breakdown,
       i.indicator_code is null as unknown_indicator, a.area_id is null as unknown_area
from results_latest r
left join indicators i using (indicator_code)
left join areas a using (area_id)
where i.indicator_code is null or a.area_id is null
