-- Partner libraries (and the library's own agencies) that exchange ISO 18626 messages with us.
create table partner (
    agency_id            varchar(100) primary key, -- type:value, e.g. ISIL:CA-OKQ
    name                 varchar(200)  not null,
    own_agency           boolean       not null,
    endpoint_url         varchar(500),             -- null: the partner takes requests by email only
    email                varchar(200),
    tier                 varchar(50)   not null,   -- consortium tier, an input of lending policy
    currency             char(3)       not null,
    lending_fee          numeric(12, 2) not null,
    incoming_auth_type   varchar(20)   not null,   -- how the partner authenticates its calls to us
    incoming_username    varchar(100),
    incoming_secret_hash varchar(100)  not null,
    outgoing_auth_type   varchar(20),              -- how we authenticate our calls to the partner
    outgoing_username    varchar(100),
    outgoing_secret      varchar(200),
    answer_timeout       varchar(30)   not null,   -- ISO 8601 duration we wait for the partner's answer
    active               boolean       not null,
    updated_at           timestamp with time zone not null,
    updated_by           varchar(100)  not null
);

-- One ISO 18626 transaction: a request between one requesting and one supplying agency.
create table iso18626_transaction (
    id                    varchar(36)  primary key,
    role                  varchar(10)  not null, -- REQUESTER: we borrow; SUPPLIER: we lend
    requesting_agency_id  varchar(100) not null,
    requesting_request_id varchar(200) not null,
    supplying_agency_id   varchar(100) not null,
    supplying_request_id  varchar(200),
    business_key          varchar(300) not null,
    created_at            timestamp with time zone not null,
    constraint uq_iso18626_transaction unique (role, requesting_agency_id, requesting_request_id, supplying_agency_id)
);

-- Every message in and out, with the confirmation it got or gave.
create table iso18626_message (
    id                    varchar(36)  primary key,
    direction             varchar(3)   not null, -- IN, OUT
    partner_agency_id     varchar(100),
    requesting_request_id varchar(200),
    business_key          varchar(300),
    process_instance_id   varchar(64),
    message_type          varchar(40)  not null,
    message_value         varchar(60),           -- the status, action or reason it carries
    outcome               varchar(30)  not null,
    confirmation_status   varchar(10),
    error_type            varchar(60),
    error_value           varchar(1000),
    note                  varchar(1000),         -- e.g. which deviations of a peer were tolerated
    message_xml           text,
    confirmation_xml      text,
    created_at            timestamp with time zone not null
);
create index ix_iso18626_message_business_key on iso18626_message (business_key);
create index ix_iso18626_message_request_id on iso18626_message (requesting_request_id);
