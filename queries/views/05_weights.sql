-- View: area_weights — the reference weight of every province for every year that has results, by kind.
-- Grain: one row per province (P63-*, P34-*) x weight kind x year (years of results).
-- Parameters: none (a view; queries filter it).
-- Rules: the weight of the same year (table weights, e.g. NSO E02.01 population); for a year the table does
--   not have, the latest earlier year, else the earliest later year (population moves slowly; the year
--   used is kept in weight_year). Population falls back to areas.population (2024) when the table has none.
create or replace view area_weights as
with years as (
    select distinct cast(year as integer) as year from results
),
kinds as (
    select distinct weight_kind from weights
    union
    select 'population'
),
grid as (
    select a.area_id, k.weight_kind, y.year, a.population
    from areas a cross join kinds k cross join years y
    where a.level = 'province'
),
ranked as (
    select g.area_id, g.weight_kind, g.year, w.value, cast(w.year as integer) as weight_year, g.population,
           row_number() over (partition by g.area_id, g.weight_kind, g.year
                              order by w.year is null, w.year > g.year, abs(w.year - g.year)) as rn
    from grid g
    left join weights w on w.area_id = g.area_id and w.weight_kind = g.weight_kind
)
select area_id, weight_kind, year,
       coalesce(value, case when weight_kind = 'population' then population end) as value,
       case when value is not null then weight_year end as weight_year
from ranked
where rn = 1 and coalesce(value, case when weight_kind = 'population' then population end) is not null
