-- Shift coverage (bpmn/shift-coverage.bpmn): absences from desk shifts (kept for absenteeism
-- follow-up) and the offers of each shift to the other students, one secret link each.
create table hiring_absence (
    absence_id       varchar(20)   primary key,     -- SHIFT-1, SHIFT-2, …: the process's business key
    application_number varchar(20) not null references hiring_student (application_number),
    shift_date       date          not null,
    slot             varchar(20)   not null,        -- mon-evening … sun-evening, as in the availability grid
    reason           varchar(1000),
    reported_at      timestamp with time zone not null,
    covered_by       varchar(20)   references hiring_student (application_number),
    status           varchar(15)   not null,        -- OPEN, COVERED, UNCOVERED
    constraint ck_hiring_absence_status check (status in ('OPEN', 'COVERED', 'UNCOVERED'))
);
create sequence hiring_absence_number start with 1;

create table hiring_shift_offer (
    token            varchar(64)   primary key,     -- secret of /jobs/shifts/<token>
    absence_id       varchar(20)   not null references hiring_absence (absence_id),
    application_number varchar(20) not null references hiring_student (application_number),
    status           varchar(10)   not null,        -- OFFERED, ACCEPTED, TAKEN (someone else was first)
    constraint ck_hiring_shift_offer_status check (status in ('OFFERED', 'ACCEPTED', 'TAKEN'))
);
create index ix_hiring_shift_offer_absence on hiring_shift_offer (absence_id);
