-- Invariant: area ids are unique and a province code is unique within its boundary set.
-- Grain: one row per duplicated id or (boundary set, code) (must return zero rows).
-- Parameters: none.
select area_id as key, count(*) as n from areas group by area_id having count(*) > 1
union all
select boundary_set || ':' || code, count(*) from areas
where level = 'province' group by boundary_set, code having count(*) > 1
