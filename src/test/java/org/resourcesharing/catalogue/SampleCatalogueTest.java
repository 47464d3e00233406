package org.resourcesharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.marc4j.MarcReader;
import org.marc4j.MarcStreamReader;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.ControlField;
import org.marc4j.marc.DataField;
import org.marc4j.marc.Record;
import org.marc4j.marc.Subfield;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;
import org.marc4j.marc.VariableField;

/**
 * The sample catalogue the demo imports, shipped as binary MARC and as MARCXML. The demo's
 * borrowing and lending paths depend on its mix: records only partners hold, copies on loan,
 * reference and special-collections copies that must not be lent, and valid identifiers.
 */
class SampleCatalogueTest {

    private static final String BINARY = "/catalogue/sample-catalogue.mrc";
    private static final String MARCXML = "/catalogue/sample-catalogue.xml";
    private static final String SCHEMA = "/xsd/marcxml/MARC21slim.xsd";

    private static final Set<String> OWN_AGENCIES = Set.of("CA-OPETB", "CA-OODT");
    private static final Set<String> AGENCIES = Set.of("CA-OPETB", "CA-OODT", "CA-OKQ", "CA-QMM", "US-WAU", "AT-UBW");
    private static final Set<String> LOCATIONS = Set.of("STACKS", "REFERENCE", "RESERVES", "SPECCOLL", "NEWBOOKS", "PERIODICALS");
    private static final Set<String> ITEM_TYPES = Set.of("BOOK", "JOURNAL", "REFERENCE", "RARE", "EBOOK");

    private static List<Record> binaryRecords;
    private static List<Record> xmlRecords;

    @BeforeAll
    static void readBothFiles() {
        binaryRecords = read(BINARY, MarcStreamReader::new);
        xmlRecords = read(MARCXML, MarcXmlReader::new);
    }

    @Test
    void holdsAtLeastThreeHundredRecords() {
        assertThat(binaryRecords).hasSizeGreaterThanOrEqualTo(300);
        assertThat(xmlRecords).hasSameSizeAs(binaryRecords);
    }

    @Test
    void bothFilesHoldTheSameRecords() {
        assertThat(xmlRecords.stream().map(SampleCatalogueTest::controlNumber))
                .containsExactlyElementsOf(binaryRecords.stream().map(SampleCatalogueTest::controlNumber).toList());
        for (int i = 0; i < binaryRecords.size(); i++) {
            Record binary = binaryRecords.get(i);
            Record xml = xmlRecords.get(i);
            assertThat(leaderWithoutLengths(xml)).as(controlNumber(binary)).isEqualTo(leaderWithoutLengths(binary));
            assertThat(fieldsAsText(xml)).as(controlNumber(binary)).containsExactlyElementsOf(fieldsAsText(binary));
        }
    }

    @Test
    void controlNumbersAreUniqueAndLocal() {
        List<String> controlNumbers = binaryRecords.stream().map(SampleCatalogueTest::controlNumber).toList();

        assertThat(controlNumbers).doesNotHaveDuplicates().allMatch(number -> number.matches("rsw\\d{6}"));
        assertThat(binaryRecords).allSatisfy(r -> assertThat(controlField(r, "003")).isEqualTo("CaOPeTB"));
    }

    @Test
    void recordsAreUnicodeAndWellFormed() {
        assertThat(Stream.concat(binaryRecords.stream(), xmlRecords.stream()))
                .allSatisfy(r -> assertThat(r.getLeader().getCharCodingScheme()).as(controlNumber(r)).isEqualTo('a'))
                .allSatisfy(r -> assertThat(controlField(r, "008")).as(controlNumber(r)).hasSize(40))
                .allSatisfy(r -> assertThat(r.getVariableField("245")).as(controlNumber(r)).isNotNull());
        assertThat(binaryRecords).anySatisfy(r -> assertThat(subfield(r, "245", 'a')).isEqualTo("Les belles-sœurs /"));
    }

    @Test
    void everyIsbnAndIssnIsValid() {
        List<String> isbns = subfieldValues("020", 'a');
        List<String> issns = subfieldValues("022", 'a');

        assertThat(isbns).hasSizeGreaterThan(200);
        assertThat(issns).hasSizeGreaterThanOrEqualTo(40);
        assertThat(isbns).allMatch(Isbn::isValid);
        assertThat(issns).allSatisfy(issn -> assertThat(Issn.parse(issn).value()).isEqualTo(issn));
        assertThat(subfieldValues("022", 'l')).allSatisfy(issn -> assertThat(Issn.parse(issn).value()).isEqualTo(issn));
    }

    @Test
    void everyDoiAndOclcNumberIsValid() {
        assertThat(subfieldValues("024", 'a')).allMatch(Doi::isValid);
        assertThat(subfieldValues("035", 'a'))
                .allMatch(number -> number.startsWith("(OCoLC)"))
                .allMatch(OclcNumber::isValid);
        assertThat(count(r -> r.getVariableField("035") != null)).isGreaterThanOrEqualTo(binaryRecords.size() / 2);
    }

    @Test
    void marcXmlValidatesAgainstTheMarc21SlimSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Schema schema = factory.newSchema(resource(SCHEMA));

        List<String> errors = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException exception) {
                errors.add("warning at line " + exception.getLineNumber() + ": " + exception.getMessage());
            }

            @Override
            public void error(SAXParseException exception) {
                errors.add("line " + exception.getLineNumber() + ": " + exception.getMessage());
            }

            @Override
            public void fatalError(SAXParseException exception) {
                errors.add("fatal, line " + exception.getLineNumber() + ": " + exception.getMessage());
            }
        });
        try (InputStream xml = resource(MARCXML).openStream()) {
            validator.validate(new StreamSource(xml));
        }

        assertThat(errors).isEmpty();
    }

    @Test
    void itemsFollowTheKohaConventions() {
        List<DataField> items = binaryRecords.stream().flatMap(r -> items(r).stream()).toList();

        assertThat(items).allSatisfy(item -> {
            assertThat(value(item, 'a')).isIn(AGENCIES);
            assertThat(value(item, 'b')).isEqualTo(value(item, 'a'));
            assertThat(value(item, 'c')).isIn(LOCATIONS);
            assertThat(value(item, 'o')).isNotBlank();
            assertThat(value(item, 'p')).matches("\\d{14}");
            assertThat(value(item, 'y')).isIn(ITEM_TYPES);
            assertThat(value(item, '7')).isIn("0", "1", "2");
        });
        assertThat(items.stream().map(item -> value(item, 'p'))).doesNotHaveDuplicates();
        assertThat(items.stream().filter(item -> value(item, 'c').equals("SPECCOLL")))
                .allSatisfy(item -> assertThat(value(item, '7')).isEqualTo("2"));
        assertThat(items.stream().filter(item -> value(item, 'y').equals("REFERENCE")))
                .allSatisfy(item -> assertThat(value(item, '7')).isEqualTo("1"));
    }

    @Test
    void onlyLendableCopiesAreOnLoan() {
        List<DataField> onLoan = binaryRecords.stream().flatMap(r -> items(r).stream()).filter(item -> item.getSubfield('q') != null).toList();

        assertThat(onLoan).hasSizeGreaterThanOrEqualTo(30).allSatisfy(item -> {
            assertThat(value(item, '7')).isEqualTo("0");
            assertThat(LocalDate.parse(value(item, 'q'))).isBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31));
        });
        assertThat(onLoan).anySatisfy(item -> assertThat(value(item, 'c')).isEqualTo("RESERVES"));
    }

    @Test
    void theMixOfMaterialsHolds() {
        assertThat(count(r -> r.getLeader().getTypeOfRecord() == 'a' && r.getLeader().getImplDefined1()[0] == 'm'
                && hasItem(r, item -> value(item, 'y').equals("BOOK")))).as("books").isGreaterThanOrEqualTo(150);
        assertThat(count(r -> r.getLeader().getImplDefined1()[0] == 's')).as("serials").isGreaterThanOrEqualTo(40);
        assertThat(count(r -> hasItem(r, item -> value(item, 'y').equals("REFERENCE") && value(item, '7').equals("1"))))
                .as("reference works").isGreaterThanOrEqualTo(30);
        assertThat(count(r -> hasItem(r, item -> value(item, 'c').equals("SPECCOLL") && value(item, '7').equals("2"))))
                .as("special collections").isGreaterThanOrEqualTo(25);
        assertThat(count(r -> r.getVariableFields("024").stream().map(DataField.class::cast)
                .anyMatch(f -> f.getIndicator1() == '7' && "doi".equals(value(f, '2'))))).as("with a DOI").isGreaterThanOrEqualTo(5);
    }

    @Test
    void partnersHoldWhatTheOwnAgenciesLack() {
        assertThat(count(r -> !hasItem(r, item -> OWN_AGENCIES.contains(value(item, 'a'))))).isGreaterThanOrEqualTo(50);
        assertThat(count(r -> hasItem(r, item -> OWN_AGENCIES.contains(value(item, 'a')))
                && hasItem(r, item -> !OWN_AGENCIES.contains(value(item, 'a'))))).isGreaterThanOrEqualTo(150);
    }

    @Test
    void specialCollectionsArePreTwentiethCenturyImprints() {
        assertThat(binaryRecords.stream().filter(r -> hasItem(r, item -> value(item, 'y').equals("RARE"))))
                .allSatisfy(r -> assertThat(Integer.parseInt(controlField(r, "008").substring(7, 11))).isLessThan(1900))
                .allSatisfy(r -> assertThat(r.getVariableFields("500")).isNotEmpty());
    }

    @Test
    void eBooksLinkToTheTextAndAreHeldByAnOwnAgency() {
        List<Record> eBooks = binaryRecords.stream().filter(r -> hasItem(r, item -> value(item, 'y').equals("EBOOK"))).toList();

        assertThat(eBooks).hasSizeGreaterThanOrEqualTo(5).allSatisfy(r -> {
            assertThat(subfield(r, "856", 'u')).startsWith("https://");
            assertThat(items(r)).singleElement().satisfies(item -> assertThat(value(item, 'a')).isIn(OWN_AGENCIES));
        });
    }

    private static List<Record> read(String name, Function<InputStream, MarcReader> readerFactory) {
        try (InputStream in = resource(name).openStream()) {
            MarcReader reader = readerFactory.apply(in);
            List<Record> records = new ArrayList<>();
            while (reader.hasNext()) {
                records.add(reader.next());
            }
            return records;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL resource(String name) {
        return Objects.requireNonNull(SampleCatalogueTest.class.getResource(name), name);
    }

    /** Record length and base address depend on the serialisation, not on the content. */
    private static String leaderWithoutLengths(Record record) {
        String leader = record.getLeader().marshal();
        return leader.substring(5, 12) + leader.substring(17);
    }

    private static List<String> fieldsAsText(Record record) {
        return record.getVariableFields().stream().map(VariableField::toString).toList();
    }

    private static String controlNumber(Record record) {
        return record.getControlNumber();
    }

    private static String controlField(Record record, String tag) {
        return ((ControlField) record.getVariableField(tag)).getData();
    }

    private static String subfield(Record record, String tag, char code) {
        return value((DataField) record.getVariableField(tag), code);
    }

    private static String value(DataField field, char code) {
        Subfield subfield = field.getSubfield(code);
        return subfield == null ? null : subfield.getData();
    }

    private static List<String> subfieldValues(String tag, char code) {
        return binaryRecords.stream().flatMap(r -> r.getVariableFields(tag).stream()).map(DataField.class::cast)
                .flatMap(f -> f.getSubfields(code).stream()).map(Subfield::getData).toList();
    }

    private static List<DataField> items(Record record) {
        return record.getVariableFields("952").stream().map(DataField.class::cast).toList();
    }

    private static boolean hasItem(Record record, Predicate<DataField> condition) {
        return items(record).stream().anyMatch(condition);
    }

    private static long count(Predicate<Record> condition) {
        return binaryRecords.stream().filter(condition).count();
    }
}
