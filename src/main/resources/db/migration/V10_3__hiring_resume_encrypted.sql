-- Résumés are encrypted at rest like the personnel file (AES-GCM, resource-sharing.hiring.encryption):
-- the file in resume, and the text Tika read from it in resume_text, which becomes binary. SQL cannot
-- encrypt, so résumés stored in the clear before this version are removed (the application itself
-- stays); they existed only on development databases, as V10 was never released without this.
update hiring_application set resume = null, resume_file_name = null, resume_media_type = null
where resume is not null or resume_text is not null;
alter table hiring_application drop column resume_text;
alter table hiring_application add column resume_text bytea;
