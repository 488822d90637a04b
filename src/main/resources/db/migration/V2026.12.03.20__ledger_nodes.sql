-- The ledger's running nodes, each beating every ledger.nodes.heartbeat (PostgreSQL's clock, so the nodes' own clocks
-- do not matter). The streaming read models share their segments fairly among the nodes seen here lately: a node
-- that stops beating is gone, and the others take over its segments (platform/storage/LedgerNodes).
create table ledger_node (
    node_id    varchar(255)             not null primary key,
    started_at timestamp with time zone not null,
    last_seen  timestamp with time zone not null
);
