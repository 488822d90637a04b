-- Training attendances, kept from TrainingRecorded in the events' own transaction (training-views), so that a
-- decision can ask at once whether its actor is accredited.
create table training_record (
    record_id         varchar(64)  primary key,
    agency_id         varchar(64)  not null,
    practitioner      varchar(200) not null,
    -- the name as compared: lower case, spaces trimmed and collapsed
    practitioner_key  varchar(200) not null,
    username          varchar(100),
    -- one person, however often they attended: first by username, else by agency and name (see TrainingProjection)
    person_key        varchar(400) not null,
    course            varchar(40)  not null,
    completed_on      date         not null,
    assessment_passed boolean,
    valid_until       date,
    recorded_at       timestamptz  not null
);
create index training_record_username_idx on training_record (username, course) where username is not null;
create index training_record_name_idx on training_record (agency_id, practitioner_key);
create index training_record_completed_idx on training_record (completed_on);

-- Self-assessment rounds (the Laming review's position statements), kept from their events in the same transaction
-- (self-assessment-views).
create table self_assessment_view (
    self_assessment_id uuid         primary key,
    title              varchar(200) not null,
    -- [{"id": ..., "text": ...}] in the order the Trust asked them
    questions          jsonb        not null,
    due_by             timestamptz  not null,
    opened_at          timestamptz  not null,
    opened_by          varchar(64),
    -- OPEN until dueBy, then CLOSED
    status             varchar(20)  not null,
    closed_at          timestamptz
);
create index self_assessment_view_opened_idx on self_assessment_view (opened_at desc, self_assessment_id);

-- Each agency a round was circulated to: its latest return, or that it was overdue at dueBy.
create table self_assessment_agency (
    self_assessment_id uuid        not null references self_assessment_view (self_assessment_id),
    agency_id          varchar(64) not null,
    position           integer     not null,
    returned_at        timestamptz,
    returned_by        varchar(64),
    overdue            boolean     not null default false,
    primary key (self_assessment_id, agency_id)
);
create index self_assessment_agency_agency_idx on self_assessment_agency (agency_id);

-- Every return, in order (an agency may return again; the last counts).
create table self_assessment_return (
    self_assessment_id uuid        not null references self_assessment_view (self_assessment_id),
    seq                bigint      not null,
    agency_id          varchar(64) not null,
    -- [{"questionId": ..., "answer": "YES|PARTLY|NO", "evidence": ...}]
    answers            jsonb       not null,
    statement          text        not null,
    returned_at        timestamptz not null,
    returned_by        varchar(64),
    late               boolean     not null default false,
    primary key (self_assessment_id, seq)
);
