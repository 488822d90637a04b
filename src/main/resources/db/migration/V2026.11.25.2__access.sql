-- Who may use the ledger. Accounts and their roles are events (UserRegistered); this table is the lookup that
-- authentication reads, kept by a subscribing handler in the same transaction as the events.
create table user_account (
    username      varchar(64)  primary key,
    display_name  varchar(200) not null,
    agency_id     varchar(64),
    roles         varchar(200) not null,
    registered_at timestamptz  not null
);

-- Password hashes never go into an event: they live here only, as slow (bcrypt) hashes.
create table credentials (
    username      varchar(64)  primary key references user_account (username),
    password_hash varchar(100) not null,
    changed_at    timestamptz  not null
);

-- Personal access tokens, stored only as SHA-256 hashes of the random token.
create table api_token (
    token_id   uuid        primary key,
    token_hash char(64)    not null unique,
    username   varchar(64) not null references user_account (username),
    name       varchar(100) not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index api_token_username_idx on api_token (username);

-- Idempotency keys: a retried POST with the same key and body gets the first answer and records nothing new.
create table idempotency_key (
    username      varchar(64)  not null,
    idempotency_key varchar(128) not null,
    request_hash  char(64)     not null,
    status        integer      not null,
    content_type  varchar(200),
    body          bytea,
    location      varchar(500),
    created_at    timestamptz  not null,
    primary key (username, idempotency_key)
);
