-- Borrowing requests our patrons make, one row per request, whichever door it came through.
-- Personal data is kept to what staff need to find a patron's requests and answer an enquiry once
-- the process history is gone (it is deleted after the diagram's history time to live): the
-- patron's library id, name, email and type. Citation details beyond the title, notes and costs
-- stay in the process only.
create sequence borrowing_request_number start with 1;

create table borrowing_request (
    id             varchar(36)  primary key,
    request_number varchar(20)  not null unique,   -- B-000001, from borrowing_request_number; what the patron quotes
    business_key   varchar(20)  not null unique,   -- the process instance's business key: the request number
    status_token   varchar(64)  not null unique,   -- secret of the status page /requests/<token>: 32 random bytes, URL-safe base64
    patron_id      varchar(100) not null,          -- library card or campus id
    patron_name    varchar(200) not null,
    patron_email   varchar(254) not null,
    patron_type    varchar(50)  not null,          -- undergraduate, graduate, faculty, staff (resource-sharing.borrowing.patron-types)
    service_type   varchar(20)  not null,          -- Loan, Copy or CopyOrLoan
    title          varchar(1000) not null,         -- what the patron asked for, as the status page shows it
    channel        varchar(20)  not null,          -- api, openurl or staff
    created_at     timestamp with time zone not null,
    constraint ck_borrowing_request_service_type check (service_type in ('Loan', 'Copy', 'CopyOrLoan')),
    constraint ck_borrowing_request_channel check (channel in ('api', 'openurl', 'staff'))
);
create index ix_borrowing_request_patron on borrowing_request (patron_id);
