-- Each agency's periods of membership of the Code of Practice, by the dates things happened: one row from the day it
-- signed (AgencySigned, AgencySignedAgain) to the day it withdrew (AgencyWithdrawn; null while it lasts). An agency is
-- a signatory on day d when signed_on <= d < withdrawn_on.
create table agency_membership (
    agency_id                varchar(64) not null,
    period                   integer     not null,
    signed_on                date        not null,
    code_of_practice_version varchar(50) not null,
    withdrawn_on             date,
    withdrawal_reason        text,
    signed_recorded_at       timestamptz not null,
    withdrawn_recorded_at    timestamptz,
    primary key (agency_id, period)
);

create index agency_membership_signed_on on agency_membership (signed_on);
create index agency_membership_withdrawn_on on agency_membership (withdrawn_on);

-- Until now no agency could sign again, so each has one period, which agency_view already holds: a withdrawn
-- agency's view changes no more after its withdrawal, so its changed_at is when the withdrawal was recorded. A rebuild
-- gives the same rows from the events.
insert into agency_membership (agency_id, period, signed_on, code_of_practice_version, withdrawn_on,
    withdrawal_reason, signed_recorded_at, withdrawn_recorded_at)
select agency_id, 1, signed_on, code_of_practice_version, withdrawn_on, withdrawal_reason, registered_at,
       case when withdrawn_on is not null then changed_at end
from agency_view;
