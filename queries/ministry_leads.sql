-- Question: which ministry leads each indicator at a date, and which ministry led it before?
-- Grain: one row per indicator (its lead valid on $as_of).
-- Parameters:
--   $lang   varchar  'vi' or 'en': language of names and notes
--   $as_of  date     the date of the assignment to show (e.g. 2025-07-01 now, 2024-12-31 before the merger)
-- Notes: previous_* describe the lead before the current one (NULL when it never changed);
--   moved_note explains the move (e.g. poverty reduction from the labour ministry to Agriculture and
--   Environment in March 2025).
with leads as (
    select l.*,
           lag(l.ministry_code) over (partition by l.indicator_code order by coalesce(l.valid_from, date '1900-01-01'))
               as previous_code
    from indicator_leads l
),
at_date as (
    select * from leads
    where coalesce(valid_from, date '1900-01-01') <= $as_of
      and (valid_to is null or valid_to >= $as_of)
)
select
    i.indicator_code,
    case when $lang = 'en' then i.short_en else i.short_vi end as indicator_name,
    i.pillar_code,
    a.ministry_code,
    case when $lang = 'en' then m.name_en else m.name_vi end as ministry_name,
    case when $lang = 'en' then m.abbr_en else m.abbr_vi end as ministry_abbr,
    a.previous_code,
    case when $lang = 'en' then pm.name_en else pm.name_vi end as previous_name,
    case when $lang = 'en' then pm.abbr_en else pm.abbr_vi end as previous_abbr,
    case when a.previous_code is not null
         then nullif(case when $lang = 'en' then a.note_en else a.note_vi end, '') end as moved_note,
    cast(m.sort_order as integer) as ministry_order,
    cast(i.sort_order as integer) as indicator_order
from indicators i
join at_date a using (indicator_code)
join ministries m on m.ministry_code = a.ministry_code
left join ministries pm on pm.ministry_code = a.previous_code
order by m.sort_order, i.sort_order
