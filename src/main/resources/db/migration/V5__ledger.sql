-- The ledger: what partners and patrons owe us and what we owe partners, one row per posting.
-- Rows are only ever inserted: a correction is a reversing posting, never an update or a delete.
create table ledger_posting (
    id                  varchar(36)     primary key,
    account_type        varchar(10)     not null, -- PARTNER or PATRON
    account_id          varchar(100)    not null, -- partner agency id (ISIL:CA-OKQ) or patron id
    direction           varchar(10)     not null, -- RECEIVABLE: they owe us; PAYABLE: we owe them
    kind                varchar(30)     not null, -- LENDING_FEE, OVERDUE_FINE, ... (Posting.Kind)
    amount              numeric(19, 4)  not null, -- as given, in currency; negative only in a reversal
    currency            char(3)         not null, -- ISO 4217
    home_amount         numeric(19, 4),           -- amount in home_currency; null until a rate converts it
    home_currency       char(3),
    exchange_rate       numeric(19, 10),          -- home currency per unit of currency: home_amount = amount * rate
    rate_date           date,
    rate_source         varchar(100),
    business_key        varchar(300),             -- the request the posting belongs to
    process_instance_id varchar(64),
    posting_key         varchar(300)    not null, -- the same key posts once: a retried step does not post twice
    reverses            varchar(36),              -- the posting this reversal cancels
    posted_by           varchar(100)    not null, -- a user id, or process:<process definition key>
    reason              varchar(1000)   not null,
    posted_at           timestamp with time zone not null,
    constraint uq_ledger_posting_key unique (posting_key),
    constraint uq_ledger_posting_reverses unique (reverses), -- a posting is reversed at most once
    constraint fk_ledger_posting_reverses foreign key (reverses) references ledger_posting (id),
    constraint ck_ledger_posting_account_type check (account_type in ('PARTNER', 'PATRON')),
    constraint ck_ledger_posting_direction check (direction in ('RECEIVABLE', 'PAYABLE')),
    constraint ck_ledger_posting_sign check ((reverses is null and amount > 0) or (reverses is not null and amount < 0)),
    constraint ck_ledger_posting_home check (
        (home_amount is null and home_currency is null and exchange_rate is null and rate_date is null and rate_source is null)
        or (home_amount is not null and home_currency is not null and exchange_rate is not null and rate_date is not null
            and rate_source is not null))
);
create index ix_ledger_posting_account on ledger_posting (account_type, account_id);
create index ix_ledger_posting_business_key on ledger_posting (business_key);
