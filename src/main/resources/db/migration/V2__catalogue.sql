-- The imported catalogue: MARC records from a library's export, searchable by identifier and by
-- title/author, with one row per copy (item) and where it is.
create table catalogue_record (
    record_id        varchar(100) primary key, -- the record's 001
    title            varchar(1000) not null,
    author           varchar(500),
    search_text      varchar(2000) not null,   -- title and author, folded for searching
    publication_year integer,
    material_type    varchar(20)  not null,
    marc_xml         text         not null,
    imported_at      timestamp with time zone not null
);

create table catalogue_identifier (
    record_id  varchar(100) not null references catalogue_record (record_id) on delete cascade,
    kind       varchar(10)  not null, -- ISBN (13 digits), ISSN, OCLC, DOI
    identifier varchar(300) not null,
    primary key (record_id, kind, identifier)
);
create index ix_catalogue_identifier_value on catalogue_identifier (kind, identifier);

create table catalogue_item (
    record_id    varchar(100) not null references catalogue_record (record_id) on delete cascade,
    copy_number  integer      not null,
    agency_id    varchar(100) not null,
    location     varchar(100),
    call_number  varchar(200),
    barcode      varchar(100),
    item_type    varchar(50),
    availability varchar(20)  not null,
    due_date     date,
    primary key (record_id, copy_number)
);
create index ix_catalogue_item_agency on catalogue_item (agency_id);
