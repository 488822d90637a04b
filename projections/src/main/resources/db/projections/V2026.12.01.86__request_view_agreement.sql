-- The Information Sharing Protocol a request was made under, if any (InformationRequested.agreementId).
alter table request_view add column agreement_id uuid;
create index request_view_agreement_idx on request_view (agreement_id) where agreement_id is not null;
