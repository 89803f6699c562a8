-- View: commune_years — the years each indicator has reported commune values, by boundary set.
-- Grain: one row per indicator x boundary set ('63' former communes, '34' new communes) x year.
-- Parameters: none (a view; queries filter it).
-- Rules: reported rows only (not the rebuilt 34-set rows), total breakdown, a value present. Computed
--   once per dataset version with the other shared views (ascc/db.py), so listing the indicators with
--   commune data does not scan the commune rows.
create or replace view commune_years as
select indicator_code, boundary_set, cast(year as integer) as year, count(*) as n_communes
from commune_results
where not derived and breakdown = 'total' and value is not null
group by all
