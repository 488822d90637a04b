-- A case reference is free text set by the requesting agency: it names a case only together with that agency.
-- timeline_entry.case_agency_id is the agency that set the entry's case_reference (the request's requesting
-- agency), and timelines by case reference are read by (case_agency_id, case_reference). Existing rows are filled
-- from timeline_request; a rebuild fills it from the events.
alter table timeline_entry add column case_agency_id varchar(64);
update timeline_entry e set case_agency_id = r.requesting_agency_id
from timeline_request r
where r.request_id = e.request_id and e.case_reference is not null;
drop index if exists timeline_entry_case_idx;
create index timeline_entry_case_agency_idx on timeline_entry (case_agency_id, case_reference, position);

-- A grant by case reference names the agency too. Grants given before (case_agency_id null) open no timeline:
-- the Trust grants again, naming the agency (see docs/timelines.md).
alter table timeline_grant add column case_agency_id varchar(64);
