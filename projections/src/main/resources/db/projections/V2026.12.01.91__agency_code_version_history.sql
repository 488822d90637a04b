-- Which version of the Code of Practice each agency was on from which day: one row when it signs (AgencySigned,
-- AgencySignedAgain: from signed_on) and one when it moves to an adopted version (AgencyMovedToCodeVersion: from the
-- day of the adoption). On day d an agency is on the version of its last row (by effective_on, then change) with
-- effective_on <= d.
create table agency_code_version_history (
    agency_id    varchar(64) not null,
    change       integer     not null,
    effective_on date        not null,
    code_version varchar(50) not null,
    recorded_at  timestamptz not null,
    primary key (agency_id, change)
);

-- No agency has moved before this version of the ledger: each is on the version it signed.
insert into agency_code_version_history (agency_id, change, effective_on, code_version, recorded_at)
select agency_id, 1, signed_on, code_of_practice_version, registered_at from agency_view;
