-- Daily totals per holding and requesting agency, kept by the dashboards' processor as each event arrives, so the
-- dashboards sum at most (days × agency pairs) rows however many requests there are. A request counts on the day it
-- was made (UTC), whatever happens to it later.
create table dashboard_daily (
    day                  date        not null,
    holding_agency_id    varchar(64) not null,
    requesting_agency_id varchar(64) not null,
    received             integer     not null default 0,
    decided              integer     not null default 0,
    shared               integer     not null default 0,
    partially_shared     integer     not null default 0,
    refused              integer     not null default 0,
    decided_late         integer     not null default 0,
    withdrawn            integer     not null default 0,
    became_overdue       integer     not null default 0,
    escalations          integer     not null default 0,
    escalations_open     integer     not null default 0,
    escalations_shared   integer     not null default 0,
    escalations_upheld   integer     not null default 0,
    primary key (day, holding_agency_id, requesting_agency_id)
);
create index dashboard_daily_holder_idx on dashboard_daily (holding_agency_id, day);
create index dashboard_daily_requester_idx on dashboard_daily (requesting_agency_id, day);

create table dashboard_daily_reason (
    day               date        not null,
    holding_agency_id varchar(64) not null,
    reason            varchar(60) not null,
    refused           integer     not null default 0,
    primary key (day, holding_agency_id, reason)
);

create table dashboard_daily_stage (
    day                  date        not null,
    requesting_agency_id varchar(64) not null,
    stage                varchar(40) not null,
    raised               integer     not null default 0,
    primary key (day, requesting_agency_id, stage)
);
