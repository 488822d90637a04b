-- Read models kept by subscribing processors, in the same transaction as the events they come from.

-- The register of signatories (GET /api/agencies) and the directory the write side asks.
create table agency_view (
    agency_id                varchar(64)  primary key,
    name                     varchar(200) not null,
    sector                   varchar(40)  not null,
    local_delivery_area      varchar(100),
    status                   varchar(20)  not null,
    signed_on                date         not null,
    withdrawn_on             date,
    withdrawal_reason        text,
    representative_name      varchar(200),
    representative_email     varchar(254),
    code_of_practice_version varchar(50)  not null,
    registered_at            timestamptz  not null,
    changed_at               timestamptz  not null
);

-- One row per request: what GET /api/requests/{id} and the lists show. Never the child's identifiers.
create table request_view (
    request_id           uuid         primary key,
    requesting_agency_id varchar(64)  not null,
    holding_agency_id    varchar(64)  not null,
    case_reference       varchar(100),
    purpose              varchar(40)  not null,
    purpose_detail       text,
    lawful_basis         varchar(40)  not null,
    consent_status       varchar(20)  not null,
    consent_detail       text,
    urgency              varchar(20)  not null,
    information_sought   text         not null,
    status               varchar(30)  not null,
    requested_at         timestamptz  not null,
    due_by               timestamptz  not null,
    became_overdue_at    timestamptz,
    decided_at           timestamptz,
    decision             jsonb,
    escalation           jsonb,
    changed_at           timestamptz  not null
);
create index request_view_holder_idx on request_view (holding_agency_id, requested_at desc);
create index request_view_requester_idx on request_view (requesting_agency_id, requested_at desc);

-- Every step of every request, in order, with who took it and when (recorded and really).
create table request_history (
    request_id  uuid         not null references request_view (request_id),
    seq         bigint       not null,
    event_id    varchar(64)  not null,
    type        varchar(40)  not null,
    recorded_at timestamptz  not null,
    occurred_at timestamptz  not null,
    actor       varchar(64),
    agency_id   varchar(64),
    details     jsonb        not null,
    primary key (request_id, seq)
);
