-- Invariant: every former province (63 set) has exactly one successor, which is a new province (34 set),
--            and every new province has at least one former province.
-- Grain: one row per area breaking the rule (must return zero rows).
-- Parameters: none.
select a.area_id, count(l.successor_id) as n_successors, 'former' as side
from areas a
left join lineage l on l.former_id = a.area_id
left join areas s on s.area_id = l.successor_id and s.boundary_set = '34'
where a.level = 'province' and a.boundary_set = '63'
group by a.area_id
having count(s.area_id) <> 1 or count(l.successor_id) <> 1
union all
select a.area_id, count(l.former_id), 'new'
from areas a
left join lineage l on l.successor_id = a.area_id
where a.level = 'province' and a.boundary_set = '34'
group by a.area_id
having count(l.former_id) = 0
