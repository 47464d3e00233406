-- Copyright permission fees are owed to rights holders (publishers, authors, collective societies): a third kind of account.
alter table ledger_posting alter column account_type set data type varchar(20);
alter table ledger_posting drop constraint ck_ledger_posting_account_type;
alter table ledger_posting add constraint ck_ledger_posting_account_type check (account_type in ('PARTNER', 'PATRON', 'RIGHTS_HOLDER'));
