-- View: province_results — every province value on both boundary sets, reported or rebuilt.
-- Grain: one row per indicator x province (P63-* and P34-*) x year x breakdown.
-- Parameters: none (a view; queries filter it).
-- Rules: the macros of 00_rules.sql, as follows.
--   * Reported rows are taken as they are (derived = false). Their weight is the row's own, else the
--     reference weight of the indicator's weight kind for the area and year (area_weights; weight_ref
--     says which), so a rate published without counts can still be aggregated.
--   * A new province (34 set) in a year it did not report (years before 2025) is rebuilt from its
--     former provinces through the lineage by the indicator's rule (rule_value): ratios as sum of
--     numerators over sum of denominators (never an average of rates); rates without counts and
--     weighted means as a mean weighted by the weights above (estimated = true when reference weights
--     were used); sums summed; indices averaged. Rebuilt rows are marked derived = true.
--   * A rebuilt value needs every former province to have reported (and the counts or weights the rule
--     needs): otherwise value is NULL, complete = false and gap says why ('incomplete': a former
--     province did not report; 'no_weight': no weight of the indicator's kind).
--   * The status of a rebuilt value is the weakest of its members (estimated < preliminary < final);
--     its source lists the members' sources.
create or replace view province_results as
with rep as (
    select r.indicator_code, r.area_id, cast(r.year as integer) as year, r.breakdown, r.value,
           r.numerator, r.denominator, coalesce(r.weight, w.value) as weight,
           r.weight is null and w.value is not null as weight_ref,
           r.status, r.source, r.batch_id, a.boundary_set
    from results r
    join areas a using (area_id)
    join indicators i using (indicator_code)
    left join area_weights w
           on w.area_id = r.area_id and w.weight_kind = i.weight_kind and w.year = cast(r.year as integer)
    where a.level = 'province'
),
members as (
    select successor_id, count(*) as n_members from lineage group by successor_id
),
rebuilt as (
    select
        rep.indicator_code,
        l.successor_id as area_id,
        rep.year,
        rep.breakdown,
        rule_value(any_value(i.aggregation), rep.value, rep.numerator, rep.denominator, rep.weight,
                   any_value(i.scale)) as value,
        rule_numerator(rep.value, rep.numerator, rep.denominator) as numerator,
        rule_denominator(rep.value, rep.numerator, rep.denominator) as denominator,
        rule_weight(rep.value, rep.weight) as weight,
        coalesce(bool_or(rep.weight_ref), false) as weight_ref,
        rule_estimated(any_value(i.aggregation), rep.value, rep.numerator, rep.denominator, rep.weight,
                       rep.weight_ref) as estimated,
        rule_gap(any_value(i.aggregation), rep.value, rep.numerator, rep.denominator, rep.weight) as gap,
        weakest_status(rep.status) as status,
        string_agg(distinct rep.source, '; ' order by rep.source) as source,
        count(rep.value) as n_reported,
        any_value(m.n_members) as n_members
    from rep
    join lineage l on l.former_id = rep.area_id
    join members m on m.successor_id = l.successor_id
    join indicators i on i.indicator_code = rep.indicator_code
    where rep.boundary_set = '63' and rep.value is not null
    group by rep.indicator_code, l.successor_id, rep.year, rep.breakdown
)
select indicator_code, area_id, boundary_set, year, breakdown, value, numerator, denominator, weight,
       weight_ref, status, source, batch_id, false as derived, true as complete, false as estimated,
       cast(null as varchar) as gap, 1 as n_reported, 1 as n_members
from rep
union all
select b.indicator_code, b.area_id, '34' as boundary_set, b.year, b.breakdown,
       case when b.n_reported = b.n_members then b.value end as value,
       b.numerator, b.denominator, b.weight, b.weight_ref, b.status, b.source,
       cast(null as varchar) as batch_id,
       true as derived, b.n_reported = b.n_members and b.value is not null as complete,
       -- one former province alone is its own value: no weighting happened
       b.estimated and b.n_reported = b.n_members and b.n_members > 1,
       case when b.n_reported < b.n_members then 'incomplete' else b.gap end as gap,
       b.n_reported, b.n_members
from rebuilt b
where not exists (
    select 1 from rep
    where rep.indicator_code = b.indicator_code and rep.area_id = b.area_id
      and rep.year = b.year and rep.breakdown = b.breakdown
)
