#!/usr/bin/env bash
# Creates the ledger's database roles (roles.sql, which says what each may do) when the postgres container
# initialises an empty volume: docker-compose.yml mounts this script into /docker-entrypoint-initdb.d and roles.sql
# at /ledger/roles.sql. The passwords come from the environment, never from a command line.
# Written to work whether the image's entrypoint runs it or sources it: no "set -u", no "exit".
set -e
: "${POSTGRES_USER:?}" "${POSTGRES_DB:?}"
: "${LEDGER_DB_OWNER_PASSWORD:?set LEDGER_DB_OWNER_PASSWORD (the password of the role that owns the tables)}"
: "${LEDGER_DB_APP_PASSWORD:?set LEDGER_DB_APP_PASSWORD (the password of the role the ledger runs as)}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set owner_role="${LEDGER_DB_OWNER_ROLE:-ledger_owner}" \
    --set app_role="${LEDGER_DB_APP_ROLE:-ledger_app}" <<EOSQL
\getenv owner_password LEDGER_DB_OWNER_PASSWORD
\getenv app_password LEDGER_DB_APP_PASSWORD
\i '${LEDGER_DB_ROLES_SQL:-/ledger/roles.sql}'
EOSQL
