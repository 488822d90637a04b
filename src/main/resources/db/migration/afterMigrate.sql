-- Flyway callback: runs after every migrate, also when nothing was pending, as the role that migrates (in
-- docker-compose the owner of the tables, ledger_owner). It gives the role the ledger runs as, named by the
-- placeholder app-role (spring.flyway.placeholders.app-role, from LEDGER_DB_APP_ROLE), exactly what it needs:
--   - the evidence tables (the events, and the hash chain's leaves, checkpoints and gap log once they exist): SELECT and
--     INSERT only, whatever the default privileges gave, so history can be added to but never changed or removed;
--   - every other table (read models, tokens, deadlines, accounts): SELECT, INSERT, UPDATE, DELETE;
--   - every sequence: USAGE; Flyway's own history table: nothing.
-- Then it checks the result, and refuses to go on if that role could still change an evidence table or act as the
-- owner of one (a superuser, a member of the owner, or granted pg_write_all_data, say).
-- When no such role exists (the embedded database, where the ledger runs as the superuser) it does nothing.
do $$
declare
    app_role constant text   := '${app-role}';
    evidence constant text[] := array['domain_event_entry', 'ledger_leaf', 'ledger_checkpoint', 'ledger_gap'];
    history  constant text   := '${flyway:table}';
    tbl      record;
begin
    if app_role = '' or not exists (select from pg_roles where rolname = app_role) then
        return;
    end if;

    for tbl in
        select c.oid::regclass as name, c.relname, c.relowner
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = '${flyway:defaultSchema}' and c.relkind in ('r', 'p', 'v')
    loop
        if tbl.relname = history then
            execute format('revoke all on table %s from %I', tbl.name, app_role);
        elsif tbl.relname = any (evidence) then
            execute format('revoke all on table %s from %I', tbl.name, app_role);
            execute format('grant select, insert on table %s to %I', tbl.name, app_role);
            if has_table_privilege(app_role, tbl.name, 'update, delete, truncate')
                    or pg_has_role(app_role, tbl.relowner, 'member') then
                raise exception 'the role % could still change the evidence table %', app_role, tbl.name
                    using errcode = '42501',
                          hint = 'The ledger''s own role must be no superuser, own nothing and belong to no role '
                              || 'that may change the tables.';
            end if;
        else
            execute format('grant select, insert, update, delete on table %s to %I', tbl.name, app_role);
        end if;
    end loop;

    execute format('grant usage on all sequences in schema %I to %I', '${flyway:defaultSchema}', app_role);
end
$$;
