-- The Merkle tree over every event hash, and the signed checkpoints of its root (RFC 9162 hashing; checkpoints as
-- c2sp.org/tlog-checkpoint signed notes). The Checkpointer appends leaves in the background, in the order in which
-- events became visible: normally store order (global_index); an event whose transaction committed late, after
-- later positions were already in the tree, joins the tree when it appears (ledger_gap tracks the positions that
-- may still fill). The signing key is never stored here: only signed statements are.

create table ledger_leaf (
    leaf_index           bigint       primary key,
    global_index         bigint       not null unique,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    event_hash           bytea        not null
);

create table ledger_checkpoint (
    tree_size bigint      primary key,
    root_hash bytea       not null,
    signed_at timestamptz not null,
    statement text        not null
);

-- Positions below the tree's highest position that no committed event holds yet (a transaction may still be
-- committing there). They are dropped once older than the gap timeout: a transaction never takes that long.
create table ledger_gap (
    global_index bigint      primary key,
    first_seen   timestamptz not null
);

create trigger ledger_leaf_append_only
    before update or delete on ledger_leaf
    for each row execute function ledger_refuse_change();
create trigger ledger_leaf_no_truncate
    before truncate on ledger_leaf
    for each statement execute function ledger_refuse_change();
create trigger ledger_checkpoint_append_only
    before update or delete on ledger_checkpoint
    for each row execute function ledger_refuse_change();
create trigger ledger_checkpoint_no_truncate
    before truncate on ledger_checkpoint
    for each statement execute function ledger_refuse_change();
