-- Macros: the aggregation rules, written once as DuckDB macros and used by every view that aggregates
-- (the 34-province rebuild, regions and the nation, communes). ascc/rules.py is the same rules in
-- Python (import checks, demo data, communes); tests/test_rules.py checks that both agree.
-- Grain: none (macro definitions, created before the views).
-- Parameters: none.
-- Rules: as below.
-- Inputs of the aggregate macros, per member row:
--   v     the value (NULL: the member did not report; it is left out)
--   num   numerator, den  denominator (ratios)
--   w     the weight: the row's own weight, else the reference weight of the indicator's weight kind
--         for the area and year (table weights), else NULL
--   wref  TRUE when w is the reference weight (the row had none)
-- The rules, over the members that reported a value:
--   ratio          sum(num) / sum(den) * scale when every member has both counts; otherwise, for
--                  rates published without counts, sum(v * w) / sum(w) when every member has a weight
--                  ("estimated with population weights"); otherwise NULL
--   weighted_mean  sum(v * w) / sum(w) when every member has a weight, else NULL
--   sum            sum(v)
--   mean           plain mean of v (indices are not summed or weighted)
create or replace macro rule_counts_ok(v, num, den) as
    count(v) filter (where num is not null and den is not null and den > 0) = count(v);

create or replace macro rule_weights_ok(v, w) as
    count(v) filter (where w is not null and w > 0) = count(v);

create or replace macro rule_value(rule, v, num, den, w, scale) as
    case rule
        when 'ratio' then
            case
                when count(v) = 0 then null
                when rule_counts_ok(v, num, den)
                    then sum(num) filter (where v is not null) / nullif(sum(den) filter (where v is not null), 0) * scale
                when rule_weights_ok(v, w)
                    then sum(v * w) filter (where v is not null) / nullif(sum(w) filter (where v is not null), 0)
            end
        when 'weighted_mean' then
            case when count(v) > 0 and rule_weights_ok(v, w)
                 then sum(v * w) filter (where v is not null) / nullif(sum(w) filter (where v is not null), 0) end
        when 'sum' then sum(v)
        when 'mean' then avg(v)
    end;

-- TRUE when rule_value used reference weights (a rate without counts, or a weighted mean whose rows
-- carried no weight): the aggregate is an estimate and is marked so.
create or replace macro rule_estimated(rule, v, num, den, w, wref) as
    case rule
        when 'ratio' then count(v) > 0 and not rule_counts_ok(v, num, den) and rule_weights_ok(v, w)
                          and coalesce(bool_or(wref) filter (where v is not null), false)
        when 'weighted_mean' then count(v) > 0 and rule_weights_ok(v, w)
                                  and coalesce(bool_or(wref) filter (where v is not null), false)
        else false
    end;

-- Why an aggregate of reported members has no value: 'no_weight' (a rate without counts, or a weighted
-- mean, where some member has no weight of the indicator's kind), else NULL.
create or replace macro rule_gap(rule, v, num, den, w) as
    case
        when count(v) = 0 then null
        when rule = 'ratio' and not rule_counts_ok(v, num, den) and not rule_weights_ok(v, w) then 'no_weight'
        when rule = 'weighted_mean' and not rule_weights_ok(v, w) then 'no_weight'
    end;

-- The counts and weight an aggregate carries upwards (so a region built from rebuilt provinces equals the
-- region built from the former provinces): counts only when every member has them.
create or replace macro rule_numerator(v, num, den) as
    case when count(v) > 0 and rule_counts_ok(v, num, den) then sum(num) filter (where v is not null) end;

create or replace macro rule_denominator(v, num, den) as
    case when count(v) > 0 and rule_counts_ok(v, num, den) then sum(den) filter (where v is not null) end;

create or replace macro rule_weight(v, w) as
    case when count(v) > 0 and rule_weights_ok(v, w) then sum(w) filter (where v is not null) end;

-- The weakest status of the members: estimated < preliminary < final.
create or replace macro status_rank(s) as
    case s when 'estimated' then 0 when 'preliminary' then 1 else 2 end;

create or replace macro weakest_status(s) as
    case min(status_rank(s)) when 0 then 'estimated' when 1 then 'preliminary' else 'final' end;

-- The name of a regional or national aggregate as every page, slide and download shows it: plain when
-- published or computed from every province, else with its coverage, e.g. "Cả nước (31/34 tỉnh, 88 %
-- dân số)" / "Viet Nam (31/34 provinces, 88% of population)", so a partial sum is never labelled plainly
-- as the nation or the region.
create or replace macro area_label(name, basis, n_reported, n_areas, pop_share, lang) as
    case
        when basis = 'computed' and n_reported < n_areas then
            name || ' (' || n_reported || '/' || n_areas
            || case when lang = 'en' then ' provinces' else ' tỉnh' end
            || case when pop_share is null then ''
                    when lang = 'en' then ', ' || cast(round(pop_share * 100) as integer) || '% of population'
                    else ', ' || cast(round(pop_share * 100) as integer) || ' % dân số' end
            || ')'
        else name
    end;
