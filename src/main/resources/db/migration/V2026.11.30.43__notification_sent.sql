-- Which notifications were sent: one row per event told of and agency told, written in the same transaction as the
-- notifications processor's token and the NotificationSent event, and checked before mailing, so that a restart or a
-- retry after a mail server outage never sends or records one twice.
create table notification_sent (
    event_id        varchar(64)  not null,
    agency_id       varchar(64)  not null,
    notification_id varchar(64)  not null unique,
    step            varchar(40)  not null,
    sent_at         timestamptz  not null,
    primary key (event_id, agency_id)
);
