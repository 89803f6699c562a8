-- Question: which import batches does the dataset's log record, who delivered them, and which were
--           withdrawn (rolled back)?
-- Grain: one row per batch (its "committed" entry), newest first; empty without a batch log.
-- Parameters: none.
with withdrawn as (
    select batch_id, min(logged_at) as withdrawn_at, any_value(who) as withdrawn_by, any_value(note) as withdrawn_note
    from batches
    where status = 'withdrawn'
    group by batch_id
)
select
    c.seq,
    c.batch_id,
    case when w.batch_id is null then 'committed' else 'withdrawn' end as status,
    c.logged_at as committed_at,
    c.who,
    c.file_name,
    c.sha256,
    c.rows,
    c.indicators,
    c.years,
    c.note,
    w.withdrawn_at,
    w.withdrawn_by,
    w.withdrawn_note
from batches c
left join withdrawn w using (batch_id)
where c.status = 'committed'
order by c.seq desc
