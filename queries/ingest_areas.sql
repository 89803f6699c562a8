-- Question: by which names and codes can a file name an area, and what does the importer need to
--           compare subtotals (region, 2024 population) and explain a merged province (its successor)?
-- Grain: one row per area of the nation, region and province levels (provinces of both boundary sets).
-- Parameters: none.
select
    a.area_id,
    a.level,
    a.boundary_set,
    a.code,
    a.name_vi,
    a.name_en,
    a.name_ascii,
    a.short_vi,
    a.short_en,
    a.region_code,
    a.population,
    l.successor_id
from areas a
left join lineage l on l.former_id = a.area_id
where a.level in ('nation', 'region', 'province')
order by case a.level when 'nation' then 0 when 'region' then 1 else 2 end, a.boundary_set, a.sort_order, a.area_id
