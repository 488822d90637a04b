-- Idempotency keys keep no answer: a stored body could hold a personal access token's secret, a child's timeline
-- or a request's details, kept for ever and given back without any check. A replay now answers the first status
-- and Location only (see RecordingRequestFilter), and keys expire after ledger.idempotency.key-lifetime (24 hours),
-- deleted by IdempotencyKeys. Existing bodies are dropped with their columns.
alter table idempotency_key drop column body;
alter table idempotency_key drop column content_type;
create index idempotency_key_created_at_idx on idempotency_key (created_at);
