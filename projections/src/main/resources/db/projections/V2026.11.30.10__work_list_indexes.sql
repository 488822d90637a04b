-- The practitioners' work list (GET /requests): each section's query reads its page straight from an index, in
-- the page's order, however many requests an agency has had.

-- Awaiting our decision, soonest due first: only the open requests are indexed.
create index request_view_awaiting_idx on request_view (holding_agency_id, due_by, request_id)
    where status = 'AWAITING_DECISION';

-- Open escalations, by the holder (its nominated representative) or across all agencies (the Trust).
create index request_view_escalated_idx on request_view (holding_agency_id, changed_at, request_id)
    where status = 'ESCALATED';
create index request_view_escalated_all_idx on request_view (changed_at, request_id)
    where status = 'ESCALATED';

-- Requests we made, newest first, in all statuses or filtered by one.
create index request_view_made_idx on request_view (requesting_agency_id, requested_at desc, request_id);
create index request_view_made_status_idx on request_view (requesting_agency_id, status, requested_at desc, request_id);
