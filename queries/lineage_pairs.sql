-- Question: which new province did each former province become part of on 1 July 2025?
-- Grain: one row per former province (63 set).
-- Parameters: none.
select former_id, successor_id from lineage order by former_id
