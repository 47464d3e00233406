package org.resourcesharing.catalogue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.marc4j.MarcException;
import org.marc4j.MarcReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.MarcXmlWriter;
import org.marc4j.marc.Record;
import org.resourcesharing.catalogue.CatalogueRecord.Availability;
import org.resourcesharing.catalogue.CatalogueRecord.Item;
import org.resourcesharing.catalogue.CatalogueRecord.MaterialType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue of a library without SRU (and the demo's): MARC 21 exports, binary or MARCXML,
 * imported into the database and searched there. Re-importing a record with the same 001
 * replaces it, so a nightly full or partial export keeps the catalogue current.
 */
public class ImportedCatalogue implements CatalogueSource {

    public record ImportSummary(int created, int updated, int rejected, List<String> problems) {
    }

    private static final int SEARCH_LIMIT = 50;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MarcRecordMapper mapper;

    ImportedCatalogue(JdbcClient jdbc, TransactionTemplate transactions, HoldingsMapping holdings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mapper = new MarcRecordMapper(holdings);
    }

    /** Imports every record of a binary MARC or MARCXML file (told apart by their first byte), each record in its own transaction. */
    public ImportSummary importMarc(InputStream input) {
        BufferedInputStream in = new BufferedInputStream(input);
        MarcReader reader = isXml(in) ? new MarcXmlReader(in) : new MarcStreamReader(in, "UTF-8");
        int created = 0;
        int updated = 0;
        List<String> problems = new ArrayList<>();
        int position = 0;
        while (true) {
            position++;
            Record record;
            try {
                if (!reader.hasNext()) {
                    break;
                }
                record = reader.next();
            } catch (MarcException unreadable) {
                problems.add("record " + position + ": not readable as MARC (" + unreadable.getMessage() + "); import stopped there");
                break;
            }
            try {
                CatalogueRecord mapped = mapper.map(record);
                boolean existed = Boolean.TRUE.equals(transactions.execute(status -> store(mapped, record)));
                if (existed) {
                    updated++;
                } else {
                    created++;
                }
            } catch (IllegalArgumentException invalid) {
                problems.add("record " + position + ": " + invalid.getMessage());
            }
        }
        return new ImportSummary(created, updated, problems.size(), problems);
    }

    @Override
    public List<CatalogueRecord> search(CatalogueQuery query) {
        Set<String> ids = new LinkedHashSet<>();
        if (query.isbn() != null) {
            ids.addAll(byIdentifier("ISBN", query.isbn().isbn13()));
        }
        if (query.issn() != null) {
            ids.addAll(byIdentifier("ISSN", query.issn().value()));
        }
        if (query.oclcNumber() != null) {
            ids.addAll(byIdentifier("OCLC", query.oclcNumber().value()));
        }
        if (query.doi() != null) {
            ids.addAll(byIdentifier("DOI", query.doi().value()));
        }
        if (ids.isEmpty() && query.title() != null) {
            ids.addAll(byWords(query.title(), query.author()));
        }
        return ids.stream().limit(SEARCH_LIMIT).map(this::load).toList();
    }

    public long size() {
        return jdbc.sql("select count(*) from catalogue_record").query(Long.class).single();
    }

    /** Replaces the record and its identifiers and copies; true if it was there before. */
    private boolean store(CatalogueRecord mapped, Record marc) {
        String id = mapped.recordId();
        boolean existed = jdbc.sql("delete from catalogue_record where record_id = ?").param(id).update() > 0;
        jdbc.sql("""
                insert into catalogue_record (record_id, title, author, search_text, publication_year, material_type, marc_xml, imported_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, truncate(mapped.title(), 1000), truncate(mapped.author(), 500),
                        truncate(fold(mapped.title() + " " + (mapped.author() == null ? "" : mapped.author())), 2000),
                        mapped.publicationYear(), mapped.materialType().name(), marcXml(marc), OffsetDateTime.now())
                .update();
        Map<String, List<String>> identifiers = new LinkedHashMap<>();
        identifiers.put("ISBN", mapped.isbns());
        identifiers.put("ISSN", mapped.issns());
        identifiers.put("OCLC", mapped.oclcNumbers());
        identifiers.put("DOI", mapped.dois());
        identifiers.forEach((kind, values) -> values.forEach(value ->
                jdbc.sql("insert into catalogue_identifier (record_id, kind, identifier) values (?, ?, ?)").params(id, kind, value).update()));
        int position = 0;
        for (Item item : mapped.items()) {
            jdbc.sql("""
                    insert into catalogue_item (record_id, copy_number, agency_id, location, call_number, barcode, item_type, availability, due_date)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(id, ++position, item.agencyId(), item.location(), item.callNumber(), item.barcode(), item.itemType(),
                            item.availability().name(), item.dueDate() == null ? null : Date.valueOf(item.dueDate()))
                    .update();
        }
        return existed;
    }

    private List<String> byIdentifier(String kind, String value) {
        return jdbc.sql("select record_id from catalogue_identifier where kind = ? and identifier = ? order by record_id")
                .params(kind, value).query(String.class).list();
    }

    /** Every word of the title, and of the author if given, must occur; accents and case do not matter. */
    private List<String> byWords(String title, String author) {
        List<String> words = new ArrayList<>(Arrays.asList(fold(title).split(" ")));
        if (author != null) {
            words.addAll(Arrays.asList(fold(author).split(" ")));
        }
        words.removeIf(String::isBlank);
        if (words.isEmpty()) {
            return List.of();
        }
        String where = String.join(" and ", words.stream().map(word -> "search_text like ?").toList());
        return jdbc.sql("select record_id from catalogue_record where " + where + " order by title, record_id")
                .params(words.stream().map(word -> (Object) ("%" + word + "%")).toList())
                .query(String.class).list();
    }

    private CatalogueRecord load(String recordId) {
        Map<String, List<String>> identifiers = new LinkedHashMap<>();
        jdbc.sql("select kind, identifier from catalogue_identifier where record_id = ? order by kind, identifier").param(recordId)
                .query((ResultSet rs) -> {
                    identifiers.computeIfAbsent(rs.getString(1), kind -> new ArrayList<>()).add(rs.getString(2));
                });
        List<Item> items = jdbc.sql("""
                select agency_id, location, call_number, barcode, item_type, availability, due_date
                from catalogue_item where record_id = ? order by copy_number
                """).param(recordId).query(ImportedCatalogue::item).list();
        return jdbc.sql("select record_id, title, author, publication_year, material_type from catalogue_record where record_id = ?")
                .param(recordId)
                .query((rs, row) -> new CatalogueRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4, Integer.class), MaterialType.valueOf(rs.getString(5)),
                        identifiers.getOrDefault("ISBN", List.of()), identifiers.getOrDefault("ISSN", List.of()),
                        identifiers.getOrDefault("OCLC", List.of()), identifiers.getOrDefault("DOI", List.of()), items))
                .single();
    }

    private static Item item(ResultSet rs, int row) throws SQLException {
        Date due = rs.getDate("due_date");
        return new Item(rs.getString("agency_id"), rs.getString("location"), rs.getString("call_number"), rs.getString("barcode"),
                rs.getString("item_type"), Availability.valueOf(rs.getString("availability")), due == null ? null : due.toLocalDate());
    }

    /** Lower case, no accents, letters and digits only: how titles and authors are compared. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static boolean isXml(BufferedInputStream in) {
        try {
            in.mark(64);
            byte[] start = in.readNBytes(64);
            in.reset();
            String text = new String(start, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
            return text.startsWith("<");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String marcXml(Record record) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MarcXmlWriter writer = new MarcXmlWriter(out, "UTF-8");
        writer.write(record);
        writer.close();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
