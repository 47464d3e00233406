-- Copies of course materials uploaded on the Digitize and post page (copyright permission): the instructor's
-- email links to them. Kept, file and record, as long as the decision log (resource-sharing.copyright-permission
-- .decision-retention), then deleted with it.
create table course_copy (
    id              varchar(36)  primary key,         -- also the file's name on disk: <id>.pdf
    token           varchar(64)  not null unique,     -- the download link's secret: 32 random bytes, URL-safe base64
    business_key    varchar(64)  not null,            -- the request (CR-...)
    content_sha256  varchar(64)  not null,
    file_name       varchar(300) not null,            -- as uploaded, for the download only
    page_count      integer      not null,
    stored_at       timestamp with time zone not null,
    -- the same file uploaded again for the same request (a resubmitted page) is the same copy
    constraint uq_course_copy_content unique (business_key, content_sha256)
);
