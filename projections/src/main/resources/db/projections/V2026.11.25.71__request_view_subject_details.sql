-- A child's personal details as a request carried them: only sealed (the ciphertext from the event, opened at read
-- time for those allowed to see the request), never in clear. Erasure drops the ciphertext here and keeps when.
alter table request_view add column subject_pseudonym varchar(64);
alter table request_view add column subject_details text;
alter table request_view add column subject_details_erased_at timestamptz;
create index request_view_subject_details_idx on request_view (subject_pseudonym) where subject_details is not null;
