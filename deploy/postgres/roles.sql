-- The ledger's own database roles. init-roles.sh runs this once, as the superuser, in the ledger's database, when
-- the postgres container initialises an empty volume; LeastPrivilegeRolesIT runs the same statements.
-- psql variables: owner_role, owner_password, app_role, app_password (DBNAME is psql's own).
--
-- owner_role owns the schema and every table in it. Only Flyway logs in as it, to migrate.
-- app_role is what the running ledger logs in as. It owns nothing, so it can never ALTER a table, for instance to
-- disable the triggers that keep domain_event_entry append-only. What it may do with each table is set by the
-- Flyway callback afterMigrate.sql after every migration: SELECT and INSERT only on the evidence tables.

create role :"owner_role" login nosuperuser nocreatedb nocreaterole noreplication nobypassrls
    password :'owner_password';
create role :"app_role" login nosuperuser nocreatedb nocreaterole noreplication nobypassrls
    password :'app_password';

-- Only these two may connect (a superuser always can).
revoke all on database :"DBNAME" from public;
grant connect on database :"DBNAME" to :"owner_role", :"app_role";

-- The owner owns the schema; the application may use it but create nothing in it.
alter schema public owner to :"owner_role";
revoke all on schema public from public;
grant usage on schema public to :"app_role";

-- Tables and sequences the owner creates later (every Flyway migration) are open to the application by default;
-- afterMigrate.sql narrows the evidence tables to SELECT and INSERT.
alter default privileges for role :"owner_role" in schema public
    grant select, insert, update, delete on tables to :"app_role";
alter default privileges for role :"owner_role" in schema public
    grant usage on sequences to :"app_role";
