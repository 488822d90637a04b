-- The share of first decisions taken by users accredited on the day (a passed, unexpired online information sharing
-- course): per request, whether its decision's actor was accredited (null: recorded before training was tracked),
-- and in the daily totals the decisions whose accreditation is known and those by accredited users.
alter table dashboard_request add column decided_by_accredited boolean;
alter table dashboard_daily add column decided_accreditation_known integer not null default 0;
alter table dashboard_daily add column decided_accredited integer not null default 0;
