-- ledger_gap becomes an insert-only, hash-chained log. Until now the checkpointer deleted a gap once it was filled or
-- had timed out, so the runtime role could change the table at will: insert a gap row for an old position, put an
-- event there, and the checkpointer adopted it as a late commit. Now:
--   - nothing is ever updated or deleted (the same triggers as the event table; afterMigrate.sql gives the runtime
--     role SELECT and INSERT only);
--   - each row is chained: gap_hash = SHA-256(previous row's gap_hash (32 zero bytes for the first)
--                                             || int8(gap_index) || int8(global_index)
--                                             || int8(first_seen in microseconds since 1970-01-01T00:00:00Z))
--     computed by the trigger below in the transaction that inserts the row, whatever code path inserts it
--     (LedgerVerifier recomputes it: GAP_LOG_MISMATCH);
--   - whether a gap is still open is decided from the signed record, not from this table: a position stays open for
--     the gap timeout after the first checkpoint whose tree passed over it (Checkpointer, LedgerVerifier).

alter table ledger_gap add column gap_index bigint;
alter table ledger_gap add column gap_hash bytea;

create function ledger_gap_hash(previous bytea, gap_index bigint, global_index bigint, first_seen timestamptz)
    returns bytea
    language sql stable as
$$
select sha256(previous || int8send(gap_index) || int8send(global_index)
                  || int8send((extract(epoch from first_seen) * 1000000)::bigint))
$$;

-- Rows already there (open gaps at the time of the upgrade) start the chain, in position order.
do
$$
declare
    gap      record;
    previous bytea  := decode(repeat('00', 32), 'hex');
    next     bigint := 0;
begin
    for gap in select * from ledger_gap order by global_index
        loop
            previous := ledger_gap_hash(previous, next, gap.global_index, gap.first_seen);
            update ledger_gap set gap_index = next, gap_hash = previous where global_index = gap.global_index;
            next := next + 1;
        end loop;
end
$$;

alter table ledger_gap alter column gap_index set not null;
alter table ledger_gap alter column gap_hash set not null;
alter table ledger_gap add constraint ledger_gap_chain_position unique (gap_index);

-- Appends to the chain are serialised by a transaction-level advisory lock ("ledger gap chain"); a row skipped by
-- ON CONFLICT DO NOTHING is never stored, so its number is taken by the next row.
create function ledger_chain_gap() returns trigger
    language plpgsql as
$$
declare
    last record;
begin
    perform pg_advisory_xact_lock(5495528487342776400);
    select g.gap_index, g.gap_hash into last from ledger_gap g order by g.gap_index desc limit 1;
    if last.gap_index is null then
        new.gap_index := 0;
        new.gap_hash := ledger_gap_hash(decode(repeat('00', 32), 'hex'), 0, new.global_index, new.first_seen);
    else
        new.gap_index := last.gap_index + 1;
        new.gap_hash := ledger_gap_hash(last.gap_hash, new.gap_index, new.global_index, new.first_seen);
    end if;
    return new;
end
$$;

create trigger ledger_gap_chain
    before insert on ledger_gap
    for each row execute function ledger_chain_gap();
create trigger ledger_gap_append_only
    before update or delete on ledger_gap
    for each row execute function ledger_refuse_change();
create trigger ledger_gap_no_truncate
    before truncate on ledger_gap
    for each statement execute function ledger_refuse_change();
