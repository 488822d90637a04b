-- A case reviewer's timeline is checked against the events of the child's requests (ReadModelReconciliation): the
-- requests are found by the child's pseudonym (or case reference) in InformationRequested payloads, and the agencies
-- and users they name in AgencySigned and UserRegistered payloads. Without an index each lookup read and parsed every
-- stored payload of that type: about a second at 300,000 events, tens of seconds at ten million (issue 14).
-- Payloads are UTF-8 JSON, written once and never changed, so their parsed form is an immutable function of the bytes.
create function ledger_payload(payload bytea) returns jsonb
    language sql immutable strict parallel safe
    as $$ select convert_from(payload, 'UTF8')::jsonb $$;

create index domain_event_entry_requested_subject_idx on domain_event_entry ((ledger_payload(payload) ->> 'subjectPseudonym'))
    where payload_type = 'org.sharingledger.request.api.InformationRequested';
create index domain_event_entry_requested_case_idx on domain_event_entry
    ((ledger_payload(payload) ->> 'caseReference'), (ledger_payload(payload) ->> 'requestingAgencyId'))
    where payload_type = 'org.sharingledger.request.api.InformationRequested';
create index domain_event_entry_agency_signed_idx on domain_event_entry ((ledger_payload(payload) ->> 'agencyId'))
    where payload_type = 'org.sharingledger.agency.api.AgencySigned';
create index domain_event_entry_user_registered_idx on domain_event_entry ((ledger_payload(payload) ->> 'username'))
    where payload_type = 'org.sharingledger.access.api.UserRegistered';
