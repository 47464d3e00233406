-- Reports count what happened in a date range: the domain records they read are found by their time.
-- (The engine's history tables already carry the indexes the reports use: ACT_HI_PROCINST by start
-- time, ACT_HI_ACTINST by process instance and activity, ACT_HI_VARINST by process instance and name,
-- ACT_HI_TASKINST by start time.)
create index ix_mail_received_received_at on mail_received (received_at);
create index ix_iso18626_message_partner_created on iso18626_message (partner_agency_id, created_at);
