-- The dashboards' read model: one row of facts per request, one per escalation, and the agencies' names and
-- sectors. Kept by a streaming (pooled) processor, so dashboards may lag the ledger by a moment; rebuilt by replay.
-- Queries aggregate these rows by agency and period through the indexes below and never read the event store.

create table dashboard_agency (
    agency_id varchar(64)  primary key,
    name      varchar(200) not null,
    sector    varchar(40)  not null
);

create table dashboard_request (
    request_id           uuid        primary key,
    requesting_agency_id varchar(64) not null,
    holding_agency_id    varchar(64) not null,
    requested_at         timestamptz not null,
    due_by               timestamptz not null,
    status               varchar(30) not null,
    decision             varchar(20),           -- the first decision: SHARED, PARTIALLY_SHARED or REFUSED
    refusal_reason       varchar(60),
    decided_at           timestamptz,           -- when the first decision really happened (occurredAt)
    decided_late         boolean     not null default false,
    became_overdue       boolean     not null default false,
    escalation_open      boolean     not null default false
);
create index dashboard_request_holder_idx on dashboard_request (holding_agency_id, requested_at);
create index dashboard_request_requester_idx on dashboard_request (requesting_agency_id, requested_at);
create index dashboard_request_requested_idx on dashboard_request (requested_at);

create table dashboard_escalation (
    request_id  uuid        not null references dashboard_request (request_id),
    seq         bigint      not null,
    stage       varchar(40) not null,
    raised_at   timestamptz not null,
    outcome     varchar(20),
    resolved_at timestamptz,
    primary key (request_id, seq)
);

-- Requests still awaiting a decision, by due time: "overdue now" without reading the rest.
create index dashboard_request_awaiting_idx on dashboard_request (due_by) where status = 'AWAITING_DECISION';
