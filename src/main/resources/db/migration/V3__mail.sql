-- Every email the workflows send: the audit record, the Message-ID replies will refer to, and
-- the key that makes a retried send step send once.
create table mail_sent (
    id                  varchar(36)  primary key,
    send_key            varchar(300) not null unique, -- process instance, step and visit: one send per visit
    message_id          varchar(300) not null unique,
    recipient           varchar(300) not null,
    template            varchar(100) not null,
    language            varchar(5)   not null,
    subject             varchar(500) not null,
    case_token          varchar(100),
    process_instance_id varchar(64),
    business_key        varchar(300),
    status              varchar(10)  not null,    -- SENDING, SENT, FAILED
    attempts            integer      not null,
    last_error          varchar(1000),
    created_at          timestamp with time zone not null,
    sent_at             timestamp with time zone
);
create index ix_mail_sent_process on mail_sent (process_instance_id);

-- Every email read from a mailbox, once: the unique message key is written in the same
-- transaction that starts or continues its process, and the message is flagged on the server only
-- after that commit, so a message read twice, or a crash in between, never starts two processes.
create table mail_received (
    id                  varchar(36)  primary key,
    mailbox             varchar(50)  not null,
    message_key         varchar(300) not null unique, -- Message-ID, or a digest of headers and body without one
    from_address        varchar(300),
    subject             varchar(1000),
    language            varchar(5),
    classification      varchar(30)  not null,        -- REPLY, LOAN_OR_COPY_REQUEST, JOB_APPLICATION, OTHER, UNREADABLE
    outcome             varchar(30)  not null,        -- CORRELATED, STARTED, TRIAGE
    process_instance_id varchar(64),
    business_key        varchar(300),
    problems            varchar(2000),
    raw_message         text         not null,        -- the whole message, base64, so nothing is ever lost
    received_at         timestamp with time zone not null
);
