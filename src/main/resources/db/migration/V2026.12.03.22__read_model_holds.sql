-- A node that rebuilds a streaming read model holds it for a moment: every other node's share of its segments is then
-- none, so they release their claims and the rebuilding node can reset every segment's token
-- (platform/storage/LedgerNodes). A hold ends when the reset is done, or by itself at held_until.
create table ledger_read_model_hold (
    processor_name varchar(255)             not null primary key,
    node_id        varchar(255)             not null,
    held_until     timestamp with time zone not null
);
