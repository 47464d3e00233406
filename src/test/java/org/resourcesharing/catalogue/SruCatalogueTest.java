package org.resourcesharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marc4j.marc.Record;
import org.resourcesharing.catalogue.CatalogueRecord.Availability;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;

/**
 * The SRU client against a real HTTP server on this machine that answers as Koha, Alma and others
 * do. Every SRU 2.0 response served here first validates against the official SRU and MARCXML
 * schemas, so the client is tested on what real servers send.
 */
class SruCatalogueTest {

    private static final String SRU_2 = "http://docs.oasis-open.org/ns/search-ws/sruResponse";
    private static Schema sruAndMarcXml;

    private HttpServer server;
    private final List<String> queries = new ArrayList<>();
    private final List<Response> responses = new ArrayList<>();

    record Response(int status, String body, Duration delay) {
    }

    @BeforeAll
    static void loadTheOfficialSchemas() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver(new LocalSchemas());
        sruAndMarcXml = factory.newSchema(new StreamSource[] {
                new StreamSource(Path.of("src/main/xsd/sru/sruResponse.xsd").toFile()),
                new StreamSource(Path.of("src/main/xsd/marcxml/MARC21slim.xsd").toFile())});
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sru", exchange -> {
            queries.add(URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
            Response response = responses.isEmpty() ? new Response(500, "no response prepared", Duration.ZERO) : responses.remove(0);
            sleep(response.delay());
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=UTF-8");
            exchange.sendResponseHeaders(response.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void findsARecordByIsbnAndReadsItsCopiesAndTheirAvailability() {
        serve(sru2(TestMarcRecords.twoSolitudes()));

        List<CatalogueRecord> found = catalogue("2.0").search(CatalogueQuery.of("1-55199-901-3", null, null, null, null, null));

        assertThat(queries.get(0)).contains("operation=searchRetrieve", "version=2.0", "recordSchema=marcxml",
                "query=bath.isbn=\"9781551999012\" or bath.isbn=\"1551999013\"");
        CatalogueRecord record = found.get(0);
        assertThat(record.title()).isEqualTo("Two solitudes");
        assertThat(record.author()).isEqualTo("MacLennan, Hugh");
        assertThat(record.publicationYear()).isEqualTo(1945);
        assertThat(record.oclcNumbers()).containsExactly("1235870");
        assertThat(record.items()).extracting(CatalogueRecord.Item::agencyId, CatalogueRecord.Item::availability, CatalogueRecord.Item::dueDate)
                .containsExactly(
                        tuple("ISIL:CA-OPETB", Availability.ON_SHELF, null),
                        tuple("ISIL:CA-OODT", Availability.ON_LOAN, LocalDate.of(2026, 12, 14)),
                        tuple("ISIL:CA-OKQ", Availability.IN_LIBRARY_USE, null));
    }

    @Test
    void readsSru12ResponsesToo() {
        serve(sru12(TestMarcRecords.twoSolitudes()));

        List<CatalogueRecord> found = catalogue("1.2").search(CatalogueQuery.of("9781551999012", null, null, null, null, null));

        assertThat(queries.get(0)).contains("version=1.2", "recordPacking=xml");
        assertThat(found).extracting(CatalogueRecord::recordId).containsExactly("test-900001");
    }

    @Test
    void zeroHitsByIdentifierFallBackToTitleAndAuthor() {
        serve(sru2());
        serve(sru2(TestMarcRecords.twoSolitudes()));

        List<CatalogueRecord> found = catalogue("2.0").search(
                CatalogueQuery.of("9780306406157", null, null, null, "Two Solitudes", "MacLennan"));

        assertThat(queries).hasSize(2);
        assertThat(queries.get(1)).contains("query=dc.title all \"Two Solitudes\" and dc.creator all \"MacLennan\"");
        assertThat(found).hasSize(1);
    }

    @Test
    void zeroHitsAreNotAFailure() {
        serve(sru2());

        assertThat(catalogue("2.0").search(CatalogueQuery.of("9780306406157", null, null, null, null, null))).isEmpty();
    }

    @Test
    void aDiagnosticIsAFailureToRetryNotNotHeld() {
        serve(sru2Diagnostic("info:srw/diagnostic/1/16", "bath.isbn", "Unsupported index"));

        assertThatThrownBy(() -> catalogue("2.0").search(CatalogueQuery.of("9780306406157", null, null, null, null, null)))
                .isInstanceOf(CatalogueUnavailableException.class)
                .hasMessageContaining("Unsupported index").hasMessageContaining("info:srw/diagnostic/1/16");
    }

    @Test
    void anHttpErrorATimeoutOrAnUnreadableAnswerIsAFailure() {
        SruCatalogue slow = new SruCatalogue("test", settings("2.0", Duration.ofMillis(300), new SruCatalogue.Indexes(null, null, null, null, null, null)));
        CatalogueQuery query = CatalogueQuery.of("9780306406157", null, null, null, null, null);

        serve(new Response(500, "<html>Internal Server Error</html>", Duration.ZERO));
        assertThatThrownBy(() -> catalogue("2.0").search(query)).isInstanceOf(CatalogueUnavailableException.class).hasMessageContaining("HTTP 500");
        serve(new Response(200, sru2(TestMarcRecords.twoSolitudes()).body(), Duration.ofSeconds(2)));
        assertThatThrownBy(() -> slow.search(query)).isInstanceOf(CatalogueUnavailableException.class).hasMessageContaining("did not answer");
        serve(new Response(200, "<html><body>Maintenance until 6 am</body></html>", Duration.ZERO));
        assertThatThrownBy(() -> catalogue("2.0").search(query)).isInstanceOf(CatalogueUnavailableException.class)
                .hasMessageContaining("instead of an SRU searchRetrieveResponse");
        serve(new Response(200, "Maintenance until 6 am", Duration.ZERO));
        assertThatThrownBy(() -> catalogue("2.0").search(query)).isInstanceOf(CatalogueUnavailableException.class)
                .hasMessageContaining("not XML");
    }

    @Test
    void readsRecordsSentAsEscapedText() {
        String escaped = TestMarcRecords.marcXmlElement(TestMarcRecords.twoSolitudes()).replace("&", "&amp;").replace("<", "&lt;");
        serve(new Response(200, """
                <zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.2</zs:version>
                <zs:numberOfRecords>1</zs:numberOfRecords><zs:records><zs:record><zs:recordSchema>marcxml</zs:recordSchema>
                <zs:recordPacking>string</zs:recordPacking><zs:recordData>%s</zs:recordData><zs:recordPosition>1</zs:recordPosition>
                </zs:record></zs:records></zs:searchRetrieveResponse>""".formatted(escaped), Duration.ZERO));

        assertThat(catalogue("1.2").search(CatalogueQuery.of("9781551999012", null, null, null, null, null)))
                .extracting(CatalogueRecord::title).containsExactly("Two solitudes");
    }

    @Test
    void readsAlmaAvailabilityWithTheAlmaMapping() {
        HoldingsMapping alma = new HoldingsMapping("AVA", 'b', "ISIL:", 'j', 'd', null, null, null, null, 'e',
                Set.of("unavailable"), Set.of("REFERENCE", "RESERVES"));
        SruCatalogue catalogue = new SruCatalogue("alma", new SruCatalogue.Settings(URI.create(baseUrl()), "1.2", "marcxml", 10,
                Duration.ofSeconds(2), Duration.ofSeconds(5),
                new SruCatalogue.Indexes("alma.isbn", "alma.issn", "alma.other_system_number", null, "alma.title", "alma.creator"), alma));
        serve(sru12(TestMarcRecords.divinersFromAlma("unavailable")));
        serve(sru12(TestMarcRecords.divinersFromAlma("available")));

        CatalogueQuery query = CatalogueQuery.of("9780771047619", null, null, null, null, null);
        Availability first = catalogue.search(query).get(0).items().get(0).availability();
        Availability second = catalogue.search(query).get(0).items().get(0).availability();

        assertThat(queries.get(0)).contains("alma.isbn=\"9780771047619\"");
        assertThat(first).isEqualTo(Availability.ON_LOAN);
        assertThat(second).isEqualTo(Availability.ON_SHELF);
    }

    @Test
    void aBadIdentifierIsReportedAndNothingIsSearched() {
        assertThatThrownBy(() -> CatalogueQuery.of("978-0-7710-3461-8", "0317-8470", null, "not-a-doi", null, null))
                .isInstanceOfSatisfying(InvalidRequestException.class, invalid -> assertThat(invalid.errors())
                        .extracting(error -> error.field()).containsExactly("isbn", "issn", "doi"));
        assertThat(queries).isEmpty();
    }

    private SruCatalogue catalogue(String version) {
        return new SruCatalogue("test", settings(version, Duration.ofSeconds(5), new SruCatalogue.Indexes("bath.isbn", "bath.issn", null, null,
                "dc.title", "dc.creator")));
    }

    private SruCatalogue.Settings settings(String version, Duration readTimeout, SruCatalogue.Indexes indexes) {
        SruCatalogue.Indexes withDefaults = indexes.isbn() == null
                ? new SruCatalogue.Indexes("bath.isbn", "bath.issn", null, null, "dc.title", "dc.creator") : indexes;
        return new SruCatalogue.Settings(URI.create(baseUrl()), version, "marcxml", 10, Duration.ofSeconds(2), readTimeout,
                withDefaults, HoldingsMapping.koha());
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sru";
    }

    private void serve(Response response) {
        responses.add(response);
    }

    /** An SRU 2.0 response, validated against the official schemas before it is served. */
    private static Response sru2(Record... records) {
        StringBuilder body = new StringBuilder("<sruResponse:searchRetrieveResponse xmlns:sruResponse=\"" + SRU_2 + "\">")
                .append("<sruResponse:numberOfRecords>").append(records.length).append("</sruResponse:numberOfRecords>");
        if (records.length > 0) {
            body.append("<sruResponse:records>");
            for (int i = 0; i < records.length; i++) {
                body.append("<sruResponse:record><sruResponse:recordSchema>info:srw/schema/1/marcxml-v1.1</sruResponse:recordSchema>")
                        .append("<sruResponse:recordXMLEscaping>xml</sruResponse:recordXMLEscaping><sruResponse:recordData>")
                        .append(TestMarcRecords.marcXmlElement(records[i]))
                        .append("</sruResponse:recordData><sruResponse:recordPosition>").append(i + 1)
                        .append("</sruResponse:recordPosition></sruResponse:record>");
            }
            body.append("</sruResponse:records>");
        }
        body.append("<sruResponse:resultCountPrecision>info:srw/vocabulary/resultCountPrecision/1/exact</sruResponse:resultCountPrecision>")
                .append("</sruResponse:searchRetrieveResponse>");
        return valid(body.toString());
    }

    private static Response sru2Diagnostic(String uri, String details, String message) {
        return valid("<sruResponse:searchRetrieveResponse xmlns:sruResponse=\"" + SRU_2 + "\" "
                + "xmlns:diag=\"http://docs.oasis-open.org/ns/search-ws/diagnostic\">"
                + "<sruResponse:numberOfRecords>0</sruResponse:numberOfRecords><sruResponse:diagnostics><diag:diagnostic>"
                + "<diag:uri>" + uri + "</diag:uri><diag:details>" + details + "</diag:details><diag:message>" + message + "</diag:message>"
                + "</diag:diagnostic></sruResponse:diagnostics></sruResponse:searchRetrieveResponse>");
    }

    /** SRU 1.2 (namespace http://www.loc.gov/zing/srw/, as Koha, Evergreen and Alma serve it); no schema ships for it here. */
    private static Response sru12(Record... records) {
        StringBuilder body = new StringBuilder("<zs:searchRetrieveResponse xmlns:zs=\"http://www.loc.gov/zing/srw/\"><zs:version>1.2</zs:version>")
                .append("<zs:numberOfRecords>").append(records.length).append("</zs:numberOfRecords><zs:records>");
        for (int i = 0; i < records.length; i++) {
            body.append("<zs:record><zs:recordSchema>marcxml</zs:recordSchema><zs:recordPacking>xml</zs:recordPacking><zs:recordData>")
                    .append(TestMarcRecords.marcXmlElement(records[i]))
                    .append("</zs:recordData><zs:recordPosition>").append(i + 1).append("</zs:recordPosition></zs:record>");
        }
        return new Response(200, body.append("</zs:records></zs:searchRetrieveResponse>").toString(), Duration.ZERO);
    }

    private static Response valid(String body) {
        try {
            sruAndMarcXml.newValidator().validate(new StreamSource(new StringReader(body)));
        } catch (Exception invalid) {
            throw new AssertionError("the test's SRU response does not validate: " + invalid.getMessage() + "\n" + body, invalid);
        }
        return new Response(200, body, Duration.ZERO);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The official schemas import each other by absolute URL; here they come from the project (three stand-ins: see sru-stubs). */
    private static final class LocalSchemas implements LSResourceResolver {

        private static final Map<String, Path> BY_NAMESPACE = Map.of(
                "http://docs.oasis-open.org/ns/search-ws/diagnostic", Path.of("src/main/xsd/sru/diagnostic.xsd"),
                "http://docs.oasis-open.org/ns/search-ws/xcql", Path.of("src/main/xsd/sru/xcql.xsd"),
                "http://docs.oasis-open.org/ns/search-ws/facetedResults", Path.of("src/test/resources/sru-stubs/facetedResults.xsd"),
                "http://docs.oasis-open.org/ns/search-ws/searchResultAnalysis", Path.of("src/test/resources/sru-stubs/searchResultAnalysis.xsd"),
                "http://docs.oasis-open.org/ns/search-ws/scan", Path.of("src/test/resources/sru-stubs/scan.xsd"));

        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId, String baseUri) {
            Path local = BY_NAMESPACE.get(namespace);
            if (local == null) {
                return null;
            }
            try {
                DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance().getDOMImplementation("LS");
                LSInput input = ls.createLSInput();
                input.setSystemId(local.toUri().toString());
                input.setByteStream(Files.newInputStream(local));
                return input;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
