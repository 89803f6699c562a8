-- View: commune_results — every commune value on both boundary sets, reported or rebuilt.
-- Grain: one row per indicator x commune (C63-* and C34-*) x year x breakdown.
-- Parameters: none (a view; queries filter it).
-- Rules: the province rules of queries/views/10_province_results.sql, one level down.
--   * Reported commune rows are taken as they are (derived = false).
--   * A new commune (34 set) in a year it did not report (years before 2025) is rebuilt from its
--     former communes through the commune lineage, by the indicator's aggregation rule (the macros of
--     00_rules.sql: ratios as sum of numerators over sum of denominators, weighted means by the rows'
--     weights, sums, plain means of indices; commune rows carry their own counts or weights).
--     Rebuilt rows are marked derived = true. Every former commune has exactly one successor (a
--     divided one goes whole to its default new commune: data/README.md), so the rebuilt communes of a
--     new province add up to the rebuilt province. A rebuilt value needs every former commune to have
--     reported: otherwise value is NULL and complete = false.
--   * The status of a rebuilt value is the weakest of its members (estimated < preliminary < final).
--   * province_id is the commune's province on the commune's own set (areas.parent_id), so a question
--     about one province filters on it.
-- NOTE: built so that a query's filters on indicator_code, province_id, area_id, year and breakdown
--   reach the Parquet scan: year is left as stored (a cast would stop the filter), the CTEs are not
--   materialized, and a reported row wins over a rebuilt one through a window partitioned by those
--   columns rather than an anti-join (filters do not cross into the inner side of an anti-join).
create or replace view commune_results as
with com as not materialized (
    select area_id, boundary_set, parent_id from areas where level = 'commune'
),
rep as not materialized (
    select r.indicator_code, r.area_id, r.year, r.breakdown, r.value, r.numerator, r.denominator,
           r.weight, r.status, r.source, c.boundary_set, c.parent_id as province_id
    from results_latest r
    join com c using (area_id)
    -- Commune ids start with C (data/README.md): a filter on a results column lets DuckDB skip
    -- province rows while scanning, before the latest-batch step.
    where starts_with(r.area_id, 'C')
),
members as not materialized (
    select l.successor_id, count(*) as n_members
    from lineage l
    join com c on c.area_id = l.successor_id
    group by l.successor_id
),
rebuilt as not materialized (
    select
        rep.indicator_code,
        l.successor_id as area_id,
        s.parent_id as province_id,
        rep.year,
        rep.breakdown,
        rule_value(any_value(i.aggregation), rep.value, rep.numerator, rep.denominator, rep.weight,
                   any_value(i.scale)) as value,
        rule_numerator(rep.value, rep.numerator, rep.denominator) as numerator,
        rule_denominator(rep.value, rep.numerator, rep.denominator) as denominator,
        rule_weight(rep.value, rep.weight) as weight,
        weakest_status(rep.status) as status,
        string_agg(distinct rep.source, '; ' order by rep.source) as source,
        count(rep.value) as n_reported,
        any_value(m.n_members) as n_members
    from rep
    join lineage l on l.former_id = rep.area_id
    join com s on s.area_id = l.successor_id
    join members m on m.successor_id = l.successor_id
    join indicators i on i.indicator_code = rep.indicator_code
    where rep.boundary_set = '63' and rep.value is not null
    group by rep.indicator_code, l.successor_id, s.parent_id, rep.year, rep.breakdown
),
both_kinds as not materialized (
    select indicator_code, area_id, province_id, boundary_set, year, breakdown, value, numerator,
           denominator, weight, status, source, false as derived, true as complete, 1 as n_reported,
           1 as n_members
    from rep
    union all
    select indicator_code, area_id, province_id, '34', year, breakdown,
           case when n_reported = n_members then value end,
           numerator, denominator, weight, status, source,
           true, n_reported = n_members and value is not null, n_reported, n_members
    from rebuilt
)
select * exclude (_rn)
from (
    select *, row_number() over (partition by indicator_code, area_id, province_id, year, breakdown
                                 order by derived) as _rn
    from both_kinds
)
where _rn = 1
