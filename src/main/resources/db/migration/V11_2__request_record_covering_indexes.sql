-- Covering indexes for the dashboard: the request measures read the requests (and their milestones) of one process
-- started in a range, and every column they group or time by is in the index, so PostgreSQL answers them from the
-- index alone instead of fetching each request's row. They replace the (process_key, started) indexes of V11_1.
drop index ix_request_record_key_started;
create index ix_request_record_key_started on request_record (process_key, started, service_type, partner, ended, end_activity, process_instance_id);

drop index ix_request_milestone_key_started;
create index ix_request_milestone_key_started on request_milestone (process_key, started, process_instance_id, milestone, reached);

-- The lender ranking reads the ISO 18626 messages of a date range over every lender: by date, not lender first.
create index ix_iso18626_message_created on iso18626_message (created_at);
