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

-- One row per course, term and work the automatic assessment has counted: the assessment locks it
-- (select ... for update) before adding up the earlier fair dealing clearances and keeps the lock until its
-- decision is committed, so two requests for the same work assessed at once are counted one after the other.
create table copyright_work_lock (
    course_code varchar(50)  not null,
    term        varchar(50)  not null,
    work_key    varchar(300) not null,
    constraint pk_copyright_work_lock primary key (course_code, term, work_key)
);
