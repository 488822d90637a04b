-- The Information Sharing Protocol a request was made under, if any: the dashboards count requests made under one.
-- Requests made before agreements existed cite none, so null is right for them (and a rebuild gives the same).
alter table dashboard_request add column agreement_id uuid;
create index dashboard_request_agreement_idx on dashboard_request (requested_at) where agreement_id is not null;
