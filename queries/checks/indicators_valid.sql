-- Invariant: every indicator has a known pillar, a known lead ministry, a valid aggregation rule,
--            and a scale for ratios.
-- Grain: one row per invalid indicator (must return zero rows).
-- Parameters: none.
select i.indicator_code
from indicators i
left join pillars p using (pillar_code)
left join ministries m on m.ministry_code = i.ministry_code
where p.pillar_code is null or m.ministry_code is null
   or i.aggregation not in ('ratio', 'weighted_mean', 'sum', 'mean')
   or (i.aggregation = 'ratio' and (i.scale is null or i.scale <= 0))
   or i.base_year >= i.target_year
