-- Digital copies sent through interlibrary loan. Copyright Act s.30.2(5.02): the person may use a
-- copy for five business days from its first use, so the first access is recorded and the file
-- deleted after expiry; SOR/99-325 s.4: the record is kept three years.
create table copy_delivery (
    id              varchar(36)  primary key,         -- also the file's name on disk: <id>.pdf
    token           varchar(64)  not null unique,     -- the download link's secret: 32 random bytes, URL-safe base64
    business_key    varchar(300) not null,            -- the request the copy was made for
    content_sha256  varchar(64)  not null,
    file_name       varchar(300) not null,            -- as uploaded, for the download only
    page_count      integer      not null,
    copyright_basis varchar(300),                     -- what allowed the copy (licence terms, s.30.2, fair dealing)
    stored_at       timestamp with time zone not null,
    first_access_at timestamp with time zone,
    expires_at      timestamp with time zone,         -- end of the fifth business day of use; null until first use
    file_deleted_at timestamp with time zone,
    -- the same file stored again for the same request (a retried step) is the same delivery
    constraint uq_copy_delivery_content unique (business_key, content_sha256)
);

-- Every download of a copy.
create table copy_access (
    id             varchar(36) primary key,
    delivery_id    varchar(36) not null references copy_delivery (id),
    accessed_at    timestamp with time zone not null,
    remote_address varchar(45)                        -- IPv4 or IPv6: a link passed on shows up as other addresses
);
create index ix_copy_access_delivery on copy_access (delivery_id);
