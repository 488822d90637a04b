-- Each agency's notifications (NotificationSent), for GET /api/agencies/{agencyId}/notifications.
create table notification_view (
    notification_id varchar(64)  primary key,
    agency_id       varchar(64)  not null,
    address         varchar(254) not null,
    step            varchar(40)  not null,
    request_id      varchar(64)  not null,
    about_event_id  varchar(64)  not null,
    sent_at         timestamptz  not null
);
create index notification_view_agency_idx on notification_view (agency_id, sent_at desc);
