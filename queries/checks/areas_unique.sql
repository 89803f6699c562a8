-- Invariant: area ids are unique and a province or commune code is unique within its level and boundary set.
-- Grain: one row per duplicated id or (level, boundary set, code) (must return zero rows).
-- Parameters: none.
select area_id as key, count(*) as n from areas group by area_id having count(*) > 1
union all
select level || ':' || boundary_set || ':' || code, count(*) from areas
where level in ('province', 'commune') group by level, boundary_set, code having count(*) > 1
