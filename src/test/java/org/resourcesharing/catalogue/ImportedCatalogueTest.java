package org.resourcesharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcStreamReader;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.springframework.core.io.ClassPathResource;

/** The sample catalogue the demo ships, imported from binary MARC and from MARCXML. */
class ImportedCatalogueTest {

    private static TestCatalogues.Imported fromBinary;
    private static List<Record> sample;

    @BeforeAll
    static void importTheSampleCatalogue() throws IOException {
        fromBinary = TestCatalogues.newImported();
        try (InputStream mrc = new ClassPathResource("catalogue/sample-catalogue.mrc").getInputStream()) {
            fromBinary.catalogue().importMarc(mrc);
        }
        sample = new ArrayList<>();
        try (InputStream mrc = new ClassPathResource("catalogue/sample-catalogue.mrc").getInputStream()) {
            MarcStreamReader reader = new MarcStreamReader(mrc, "UTF-8");
            while (reader.hasNext()) {
                sample.add(reader.next());
            }
        }
    }

    @Test
    void binaryMarcAndMarcXmlGiveTheSameCatalogue() throws IOException {
        TestCatalogues.Imported fromXml = TestCatalogues.newImported();
        ImportedCatalogue.ImportSummary summary;
        try (InputStream xml = new ClassPathResource("catalogue/sample-catalogue.xml").getInputStream()) {
            summary = fromXml.catalogue().importMarc(xml);
        }

        assertThat(summary.created()).isEqualTo(sample.size()).isGreaterThanOrEqualTo(300);
        assertThat(summary.rejected()).isZero();
        assertThat(contents(fromXml)).isEqualTo(contents(fromBinary));
    }

    @Test
    void reimportUpdatesRecordsAndNeverDuplicatesThem() {
        TestCatalogues.Imported catalogue = TestCatalogues.newImported();
        Record original = sample.get(0);
        catalogue.importRecords(original);
        DataField title = (DataField) original.getVariableField("245");
        title.getSubfield('a').setData("A revised title for the re-import test /");

        ImportedCatalogue.ImportSummary again = catalogue.importRecords(original);

        assertThat(again.created()).isZero();
        assertThat(again.updated()).isOne();
        assertThat(catalogue.catalogue().size()).isOne();
        assertThat(catalogue.jdbc().sql("select title from catalogue_record").query(String.class).single())
                .isEqualTo("A revised title for the re-import test");
    }

    @Test
    void findsRecordsByEachIdentifierKind() {
        Record withIsbn = first(record -> record.getVariableField("020") != null);
        Record withIssn = first(record -> record.getVariableField("022") != null);
        Record withOclc = first(record -> subfield(record, "035", 'a').startsWith("(OCoLC)"));
        Record withDoi = first(record -> record.getVariableField("024") != null && subfield(record, "024", '2').equals("doi"));

        assertThat(ids(CatalogueQuery.of(subfield(withIsbn, "020", 'a'), null, null, null, null, null))).contains(id(withIsbn));
        assertThat(ids(CatalogueQuery.of(null, subfield(withIssn, "022", 'a'), null, null, null, null))).contains(id(withIssn));
        assertThat(ids(CatalogueQuery.of(null, null, subfield(withOclc, "035", 'a'), null, null, null))).contains(id(withOclc));
        assertThat(ids(CatalogueQuery.of(null, null, null, "https://doi.org/" + subfield(withDoi, "024", 'a').toUpperCase(), null, null)))
                .contains(id(withDoi));
    }

    @Test
    void findsRecordsByTitleAndAuthorWhateverTheCaseAndAccents() {
        Record book = first(record -> record.getVariableField("100") != null && subfield(record, "245", 'a').split(" ").length >= 3);
        String title = subfield(book, "245", 'a').replaceAll("[/:;,.]+$", "").toUpperCase();
        String surname = subfield(book, "100", 'a').split(",")[0];

        assertThat(ids(CatalogueQuery.of(null, null, null, null, title, surname))).contains(id(book));
        assertThat(ids(CatalogueQuery.of(null, null, null, null, title, "Nobody-By-This-Name"))).isEmpty();
    }

    @Test
    void unreadableInputIsReportedNotTakenForAnEmptyCatalogue() {
        ImportedCatalogue.ImportSummary summary = TestCatalogues.newImported().catalogue()
                .importMarc(new ByteArrayInputStream("00042this is not MARC at all, just text".getBytes(StandardCharsets.UTF_8)));

        assertThat(summary.created()).isZero();
        assertThat(summary.problems()).singleElement().asString().contains("not readable as MARC");
    }

    private static List<String> ids(CatalogueQuery query) {
        return fromBinary.catalogue().search(query).stream().map(CatalogueRecord::recordId).toList();
    }

    private static Record first(Predicate<Record> condition) {
        return sample.stream().filter(condition).findFirst().orElseThrow(() -> new AssertionError("the sample has no such record"));
    }

    private static String id(Record record) {
        return record.getControlNumber().trim();
    }

    private static String subfield(Record record, String tag, char code) {
        DataField field = (DataField) record.getVariableField(tag);
        return field == null || field.getSubfield(code) == null ? "" : field.getSubfield(code).getData().trim();
    }

    private static List<Map<String, Object>> contents(TestCatalogues.Imported catalogue) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(catalogue.jdbc().sql("select record_id, title, author, search_text, publication_year, material_type, marc_xml "
                + "from catalogue_record order by record_id").query().listOfRows());
        rows.addAll(catalogue.jdbc().sql("select * from catalogue_identifier order by record_id, kind, identifier").query().listOfRows());
        rows.addAll(catalogue.jdbc().sql("select * from catalogue_item order by record_id, copy_number").query().listOfRows());
        return rows;
    }
}
