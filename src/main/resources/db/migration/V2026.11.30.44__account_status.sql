-- Accounts can be ended (UserDisabled, UserEnabled) and a password set by someone else must be changed by its
-- owner (PasswordChanged with reset). Kept by the same subscribing handler as the rest of user_account, and read on
-- every authenticated request.
alter table user_account
    add column status               varchar(16) not null default 'ACTIVE',
    add column must_change_password boolean     not null default false;
create index user_account_agency_idx on user_account (agency_id);
