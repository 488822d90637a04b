-- Grants of timeline access as the Trust and reviewers see them. The child appears only by pseudonym.
create table timeline_grant (
    grant_id          uuid         primary key,
    reviewer          varchar(64)  not null,
    review            varchar(200) not null,
    reason            text         not null,
    valid_until       timestamptz  not null,
    subject_kind      varchar(20)  not null,     -- NHS_NUMBER, LOCAL_REFERENCE or CASE_REFERENCE
    subject_pseudonym char(64),
    case_reference    varchar(100),
    granted_by        varchar(64),
    granted_at        timestamptz  not null,
    revoked_at        timestamptz,
    revoked_by        varchar(64),
    revocation_reason text
);
create index timeline_grant_reviewer_idx on timeline_grant (reviewer, granted_at desc);
