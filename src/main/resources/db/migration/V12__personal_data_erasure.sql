-- The personal data of a finished request is erased after resource-sharing.privacy.keep-for
-- (README "Retention and privacy"): the row stays for statistics, without who the person was.
alter table borrowing_request alter column patron_id drop not null;
alter table borrowing_request alter column patron_name drop not null;
alter table borrowing_request alter column patron_email drop not null;
alter table borrowing_request add column personal_data_erased_at timestamp with time zone;
-- the audit record of an email stays, without the address it went to
alter table mail_sent alter column recipient drop not null;
-- an email a person sent us stays counted (mailbox, classification, outcome, time), without the message
alter table mail_received alter column raw_message drop not null;
