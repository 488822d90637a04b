-- Where an agency's notifications are mailed (NotificationAddressSet); null until it sets one, and then they go to
-- its nominated representative's own address.
alter table agency_view add column notification_address varchar(254);
