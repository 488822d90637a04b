-- Each child's own key for their personal details (name, date of birth), which events hold only sealed under it
-- (AES-256-GCM). The key is stored only wrapped under a key derived from LEDGER_SUBJECT_KEY, which the database never
-- holds, so a dump of the database alone opens nothing. Erasure deletes the row: what was sealed under the key, in
-- events or anywhere else, can then never be opened again. last_used_at is when a request last carried the child's
-- details; the retention job erases keys unused for ledger.subjects.retention.
create table subject_key (
    pseudonym    varchar(64) primary key,
    wrapped_key  bytea       not null,
    created_at   timestamptz not null,
    last_used_at timestamptz not null
);
create index subject_key_last_used_idx on subject_key (last_used_at);
