-- A notification may tell of a consultation on the Code (NotificationSent.consultationId) rather than a request.
alter table notification_view alter column request_id drop not null;
alter table notification_view add column consultation_id varchar(64);
