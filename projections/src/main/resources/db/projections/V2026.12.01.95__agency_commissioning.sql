-- Which signatory commissions which (CommissioningRecorded, CommissioningEnded): one row per commissioned provider,
-- agent or subcontractor while the arrangement lasts. The contracts officer monitors that providers stay signed.
create table agency_commissioning (
    agency_id          varchar(64)  primary key,
    commissioned_by    varchar(64)  not null,
    contract_reference varchar(100),
    commissioned_at    timestamptz  not null
);
create index agency_commissioning_by_idx on agency_commissioning (commissioned_by, agency_id);
