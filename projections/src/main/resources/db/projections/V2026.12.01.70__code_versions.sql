-- The versions of the Code of Practice adopted through a consultation (CodeVersionAdopted), in the order adopted.
create table code_version (
    code_version    varchar(50)  primary key,
    consultation_id varchar(64)  not null,
    title           varchar(200) not null,
    adopted_on      date         not null,
    note            text,
    recorded_at     timestamptz  not null
);
