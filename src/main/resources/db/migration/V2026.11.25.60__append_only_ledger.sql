-- The ledger is append-only, enforced by the database itself: no code path and no careless administrator working
-- through the normal role can change or remove a stored event. (A superuser can still disable triggers; the hash
-- chains and signed checkpoints are what make such tampering evident.)
create function ledger_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the ledger is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = '42501', hint = 'Record a new event instead of changing history.';
end
$$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function ledger_refuse_change();

create trigger domain_event_entry_no_truncate
    before truncate on domain_event_entry
    for each statement execute function ledger_refuse_change();
