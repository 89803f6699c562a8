-- Question: which new province did each former province become part of on 1 July 2025?
-- Grain: one row per former province (63 set).
-- Parameters: none.
-- Notes: the lineage table holds the communes' conversion too; only province pairs are returned.
select l.former_id, l.successor_id
from lineage l
join areas a on a.area_id = l.former_id and a.level = 'province'
order by l.former_id
