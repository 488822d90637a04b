-- Serious case review timelines: one row per step of every request, keyed by the child's pseudonym and by the
-- case reference, with the step's position in the event store so that it can be checked against the ledger.
create table timeline_agency (
    agency_id varchar(64)  primary key,
    name      varchar(200) not null,
    sector    varchar(40)  not null
);

create table timeline_actor (
    username     varchar(64)  primary key,
    display_name varchar(200) not null
);

create table timeline_request (
    request_id           uuid        primary key,
    subject_pseudonym    char(64)    not null,
    case_reference       varchar(100),
    requesting_agency_id varchar(64) not null,
    holding_agency_id    varchar(64) not null,
    due_by               timestamptz not null
);

create table timeline_entry (
    event_id          varchar(64) primary key,
    position          bigint      not null,
    request_id        uuid        not null references timeline_request (request_id),
    subject_pseudonym char(64)    not null,
    case_reference    varchar(100),
    step              varchar(30) not null,
    recorded_at       timestamptz not null,
    occurred_at       timestamptz not null,
    actor_username    varchar(64),
    actor_agency_id   varchar(64),
    actor_roles       varchar(200),
    details           jsonb       not null
);
create index timeline_entry_subject_idx on timeline_entry (subject_pseudonym, position);
create index timeline_entry_case_idx on timeline_entry (case_reference, position);

-- Who looked at timelines touching an agency's records: one row per query and agency involved.
create table timeline_access (
    event_id    varchar(64)  not null,
    agency_id   varchar(64)  not null,
    reviewer    varchar(64)  not null,
    grant_id    uuid         not null,
    review      varchar(200) not null,
    reason      text         not null,
    subject     varchar(20)  not null,
    as_of       timestamptz,
    format      varchar(40)  not null,
    queried_at  timestamptz  not null,
    primary key (event_id, agency_id)
);
create index timeline_access_agency_idx on timeline_access (agency_id, queried_at desc);
