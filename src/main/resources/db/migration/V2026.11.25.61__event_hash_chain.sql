-- Every stored event carries a SHA-256 hash over a canonical encoding of what it is (identity, stream, sequence,
-- aggregate type, timestamp, payload type and revision, payload bytes, metadata bytes), chained to the hash of the
-- previous event of the same stream. The trigger computes it in the transaction that stores the event, whatever code
-- path stores it. It reads only the previous event of the same stream, so appends to different streams never wait for
-- each other; two appends to one stream are already serialised by the unique (aggregate, sequence) constraint.
--
-- Canonical encoding, version 1 (EventHashes.java computes the same bytes; the verifier recomputes every hash):
--   hash = SHA-256( previous hash (32 bytes; 32 zero bytes for sequence 0)
--                || field(event_identifier) || field(aggregate_identifier) || int8(sequence_number) || field(type)
--                || field(time_stamp) || field(payload_type) || field(payload_revision)
--                || field(payload) || field(meta_data) )
--   field(x) = int4(-1) when x is null, otherwise int4(length of x in bytes) || bytes of x (text as UTF-8)
--   int4, int8 = big-endian two's complement (PostgreSQL's int4send and int8send)
--
-- The helper functions are declared STABLE, as convert_to is: so the planner inlines them into the trigger's one
-- expression. Declared IMMUTABLE they were not inlined, and appends were a third slower.

create function ledger_field(value bytea) returns bytea
    language sql stable as
$$
select case when value is null then int4send(-1) else int4send(length(value)) || value end
$$;

create function ledger_text_field(value text) returns bytea
    language sql stable as
$$
select ledger_field(convert_to(value, 'UTF8'))
$$;

create function ledger_event_hash(previous bytea, event_identifier text, aggregate_identifier text,
                                  sequence_number bigint, type text, time_stamp text, payload_type text,
                                  payload_revision text, payload bytea, meta_data bytea) returns bytea
    language sql stable as
$$
select sha256(previous
                  || ledger_text_field(event_identifier)
                  || ledger_text_field(aggregate_identifier)
                  || int8send(sequence_number)
                  || ledger_text_field(type)
                  || ledger_text_field(time_stamp)
                  || ledger_text_field(payload_type)
                  || ledger_text_field(payload_revision)
                  || ledger_field(payload)
                  || ledger_field(meta_data))
$$;

create function ledger_chain_event() returns trigger
    language plpgsql as
$$
declare
    previous bytea;
begin
    if new.sequence_number = 0 then
        previous := decode(repeat('00', 32), 'hex');
    else
        select event_hash into previous
        from domain_event_entry
        where aggregate_identifier = new.aggregate_identifier
          and sequence_number = new.sequence_number - 1;
        if previous is null then
            raise exception 'cannot chain event % of stream %: event % of that stream is not stored',
                new.sequence_number, new.aggregate_identifier, new.sequence_number - 1
                using errcode = '23503';
        end if;
    end if;
    new.event_hash := ledger_event_hash(previous, new.event_identifier, new.aggregate_identifier,
                                        new.sequence_number, new.type, new.time_stamp, new.payload_type,
                                        new.payload_revision, new.payload, new.meta_data);
    return new;
end
$$;

alter table domain_event_entry add column event_hash bytea;

-- Events stored before this migration are chained now, stream by stream in sequence order.
alter table domain_event_entry disable trigger domain_event_entry_append_only;
do
$$
declare
    event    record;
    previous bytea;
    stream   text := null;
begin
    for event in select * from domain_event_entry order by aggregate_identifier, sequence_number
        loop
            if stream is distinct from event.aggregate_identifier or event.sequence_number = 0 then
                previous := decode(repeat('00', 32), 'hex');
            end if;
            stream := event.aggregate_identifier;
            previous := ledger_event_hash(previous, event.event_identifier, event.aggregate_identifier,
                                          event.sequence_number, event.type, event.time_stamp, event.payload_type,
                                          event.payload_revision, event.payload, event.meta_data);
            update domain_event_entry set event_hash = previous where global_index = event.global_index;
        end loop;
end
$$;
alter table domain_event_entry enable trigger domain_event_entry_append_only;

alter table domain_event_entry alter column event_hash set not null;

create trigger domain_event_entry_chain
    before insert on domain_event_entry
    for each row execute function ledger_chain_event();
