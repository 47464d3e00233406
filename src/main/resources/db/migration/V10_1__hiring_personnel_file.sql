-- The personnel file of a hired student (bpmn/student-onboarding.bpmn): tax forms, SIN, banking
-- details, training certificates and Work Study eligibility. Every item is encrypted at rest
-- (AES-GCM, key from resource-sharing.hiring.encryption); only the hiring group reaches it, through
-- /api/hiring. The process keeps nothing of it but that an item was received.
create table hiring_personnel_item (
    id               varchar(36)   primary key,
    application_number varchar(20) not null references hiring_application (application_number),
    item             varchar(20)   not null,       -- td1, sin, banking, aoda, whsa, eligibility
    file_name        varchar(255),                 -- uploaded forms and certificates
    media_type       varchar(100),
    content          bytea         not null,       -- encrypted: the file, or the details as JSON
    received_by      varchar(100)  not null,
    received_at      timestamp with time zone not null,
    constraint uq_hiring_personnel_item unique (application_number, item),
    constraint ck_hiring_personnel_item check (item in ('td1', 'sin', 'banking', 'aoda', 'whsa', 'eligibility'))
);
