-- The reports' own record of each request (an instance of a process measured in resource-sharing.reports),
-- written in the engine's transaction as the request starts, reaches a milestone and ends, so the dashboard
-- reads two narrow tables by date instead of looking each request up in the engine's history tables.
create table request_record (
    process_instance_id varchar(64)   primary key,
    process_key         varchar(255)  not null,
    business_key        varchar(255),
    started             timestamp     not null,
    ended               timestamp,
    end_activity        varchar(255),  -- where it ended (the engine's end activity)
    service_type        varchar(255),  -- the last values of the process's configured variables
    partner             varchar(255),
    reason              varchar(4000)
);
create index ix_request_record_key_started on request_record (process_key, started);

-- When a request first reached each milestone; it carries the request's key and start, so that the
-- milestones of the requests started in a range are read by the same index as the requests themselves.
create table request_milestone (
    process_instance_id varchar(64)  not null,
    milestone           varchar(100) not null,
    process_key         varchar(255) not null,
    started             timestamp    not null,
    reached             timestamp    not null,
    primary key (process_instance_id, milestone)
);
create index ix_request_milestone_key_started on request_milestone (process_key, started);
