-- Invariant: every former province (63 set) has exactly one successor, which is a new province (34 set),
--            and every new province has at least one former province. The same holds one level down:
--            every former commune has exactly one successor, a new commune lying in the new province its
--            own province became part of, and every new commune has at least one former commune.
-- Grain: one row per area breaking the rule (must return zero rows).
-- Parameters: none.
select a.area_id, count(l.successor_id) as n_successors, 'former' as side
from areas a
left join lineage l on l.former_id = a.area_id
left join areas s on s.area_id = l.successor_id and s.boundary_set = '34' and s.level = a.level
left join lineage lp on lp.former_id = a.parent_id
where a.level in ('province', 'commune') and a.boundary_set = '63'
group by a.area_id
having count(s.area_id) <> 1 or count(l.successor_id) <> 1
    or count(*) filter (where a.level = 'commune' and s.parent_id is distinct from lp.successor_id) > 0
union all
select a.area_id, count(l.former_id), 'new'
from areas a
left join lineage l on l.successor_id = a.area_id
where a.level in ('province', 'commune') and a.boundary_set = '34'
group by a.area_id
having count(l.former_id) = 0
