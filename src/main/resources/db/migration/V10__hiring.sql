-- Student assistant hiring (bpmn/student-hiring.bpmn). A posting is written here when a manager has
-- approved it, so that the public page /jobs lists what is open; applications, by the form on that
-- page or by email, are kept here with the résumé and the text read from it for screening.
create sequence hiring_posting_number start with 1;
create sequence hiring_application_number start with 1;

create table hiring_posting (
    posting_number  varchar(20)   primary key,     -- JOB-000001: the process instance's business key, the case token in emails
    title           varchar(200)  not null,
    duties          varchar(4000) not null,
    hours_per_week  numeric(4,1)  not null,
    wage_category   varchar(50)   not null,
    hourly_rate     numeric(7,2)  not null,
    work_study      boolean       not null,        -- a Trent Work Study position (at most 10 hours a week)
    positions       integer       not null,
    start_date      date          not null,
    closing_date    date          not null,
    supervisor      varchar(100)  not null,        -- Camunda user id
    status          varchar(10)   not null,        -- OPEN while applications are taken, CLOSED after the closing date
    process_instance_id varchar(64) not null,
    published_at    timestamp with time zone not null,
    constraint ck_hiring_posting_status check (status in ('OPEN', 'CLOSED'))
);

create table hiring_application (
    application_number varchar(20)  primary key,  -- A-1, A-2, …: what staff write on the shortlist
    posting_number   varchar(20)    not null references hiring_posting (posting_number),
    channel          varchar(10)    not null,      -- form or email
    applicant_name   varchar(200)   not null,
    student_number   varchar(20),                  -- not always in an emailed application
    email            varchar(254)   not null,
    program          varchar(200),
    credits          numeric(3,1),                 -- credits this term
    availability     varchar(500)   not null,      -- slots such as mon-evening,sat-day; empty when not given
    resume_file_name varchar(255),
    resume_media_type varchar(100),
    resume           bytea,
    resume_text      bytea,                        -- read by Tika, for the screening view; encrypted like the file
    consent          boolean        not null,      -- to the collection of personal information (the form asks; an email implies it)
    status           varchar(15)    not null,      -- RECEIVED, SHORTLISTED, OFFERED, DECLINED, EXPIRED, HIRED
    shortlist_rank   integer,
    interview_at     varchar(50),
    interview_score  integer,
    interview_notes  varchar(4000),
    offer_token      varchar(64)    unique,        -- secret of the offer page /jobs/offers/<token>
    received_at      timestamp with time zone not null,
    constraint ck_hiring_application_channel check (channel in ('form', 'email')),
    constraint ck_hiring_application_status check (status in ('RECEIVED', 'SHORTLISTED', 'OFFERED', 'DECLINED', 'EXPIRED', 'HIRED'))
);
create index ix_hiring_application_posting on hiring_application (posting_number);

-- The desk roster: students hired, with their availability. A supervisor directs at most
-- resource-sharing.hiring.max-students-per-supervisor active students.
create table hiring_student (
    student_id       varchar(36)   primary key,
    application_number varchar(20) not null unique references hiring_application (application_number),
    name             varchar(200)  not null,
    email            varchar(254)  not null,
    supervisor       varchar(100)  not null,
    work_study       boolean       not null,
    hours_per_week   numeric(4,1)  not null,        -- the position's hours; Work Study at most 10
    availability     varchar(500)  not null,
    start_date       date          not null,
    end_date         date,                          -- set when employment ends; retention counts from it
    active           boolean       not null
);
create index ix_hiring_student_supervisor on hiring_student (supervisor, active);
