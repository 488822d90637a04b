-- Consultations on new versions of the Code (consultation-views, subscribing): one row each, the circulated agencies
-- with their last answer, every answer in order, and the discussion in order.
create table consultation_view (
    consultation_id    varchar(64)  primary key,
    -- A version is consulted on once: two consultations opened at once on one version cannot both commit.
    code_version       varchar(50)  not null unique,
    title              varchar(200) not null,
    summary_of_changes text         not null,
    status             varchar(10)  not null,
    respond_by         timestamptz  not null,
    opened_at          timestamptz  not null,
    circulated_to      integer      not null,
    closed_at          timestamptz,
    adopted_on         date,
    adoption_note      text,
    adopted_at         timestamptz
);
create index consultation_view_opened_idx on consultation_view (opened_at desc);

-- Each circulated agency, in the order circulated, with its last answer (DEEMED_AGREED when it never answered by
-- the closing time; null while awaited).
create table consultation_agency (
    consultation_id varchar(64)  not null,
    agency_id       varchar(64)  not null,
    position        integer      not null,
    response        varchar(20),
    responded_at    timestamptz,
    comments        text,
    primary key (consultation_id, agency_id)
);
create index consultation_agency_agency_idx on consultation_agency (agency_id);

-- Every answer, in the order given (the event's sequence number in the consultation's stream).
create table consultation_answer (
    consultation_id varchar(64)  not null,
    sequence_number bigint       not null,
    agency_id       varchar(64)  not null,
    response        varchar(20)  not null,
    comments        text,
    answered_at     timestamptz  not null,
    primary key (consultation_id, sequence_number)
);

-- The discussion, in order; agency_id null when the Trust wrote.
create table consultation_comment (
    consultation_id varchar(64)  not null,
    sequence_number bigint       not null,
    agency_id       varchar(64),
    text            text         not null,
    recorded_at     timestamptz  not null,
    primary key (consultation_id, sequence_number)
);
