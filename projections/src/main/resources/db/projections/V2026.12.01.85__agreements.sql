-- Information Sharing Protocols (agreements), kept from their events in the same transaction (agreement-views).
create table agreement_view (
    agreement_id       uuid         primary key,
    title              varchar(200) not null,
    purpose            text         not null,
    data_items         text[]       not null,
    lawful_basis       text         not null,
    review_on          date         not null,
    status             varchar(30)  not null,
    proposed_by        varchar(64),
    proposed_at        timestamptz  not null,
    terminated_at      timestamptz,
    termination_reason text,
    changed_at         timestamptz  not null
);
create index agreement_view_proposed_idx on agreement_view (proposed_at desc, agreement_id);

-- Each party of each agreement, in the order the proposal named them, and whether, when and by whom it signed.
create table agreement_party (
    agreement_id uuid        not null references agreement_view (agreement_id),
    agency_id    varchar(64) not null,
    position     integer     not null,
    signed_at    timestamptz,
    signed_by    varchar(64),
    primary key (agreement_id, agency_id)
);
create index agreement_party_agency_idx on agreement_party (agency_id);

-- Every step of every agreement, in the aggregate's order.
create table agreement_history (
    agreement_id uuid        not null references agreement_view (agreement_id),
    seq          bigint      not null,
    type         varchar(40) not null,
    recorded_at  timestamptz not null,
    actor        varchar(64),
    agency_id    varchar(64),
    detail       text,
    primary key (agreement_id, seq)
);
