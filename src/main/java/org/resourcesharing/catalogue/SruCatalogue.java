package org.resourcesharing.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.marc4j.MarcException;
import org.marc4j.MarcXmlReader;
import org.marc4j.marc.Record;
import org.resourcesharing.platform.SecureXml;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A library system's catalogue over SRU {@code searchRetrieve} (1.2 or 2.0, CQL, MARCXML
 * records): Alma, Koha, Evergreen, FOLIO, the national union catalogues. Copies and their
 * availability are read from the records' holdings fields, as the {@link HoldingsMapping} says.
 */
class SruCatalogue implements CatalogueSource {

    private static final String MARC_NAMESPACE = "http://www.loc.gov/MARC21/slim";

    /**
     * @param indexes        the CQL index for each kind of search; an index left empty is not searched
     * @param maximumRecords how many records one search returns at most
     */
    record Settings(URI baseUrl, @DefaultValue("1.2") String version, @DefaultValue("marcxml") String recordSchema,
            @DefaultValue("20") int maximumRecords, @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("20s") Duration readTimeout, @DefaultValue Indexes indexes, @DefaultValue HoldingsMapping holdings) {
    }

    record Indexes(@DefaultValue("bath.isbn") String isbn, @DefaultValue("bath.issn") String issn, String oclcNumber, String doi,
            @DefaultValue("dc.title") String title, @DefaultValue("dc.creator") String author) {
    }

    private final String name;
    private final Settings settings;
    private final HttpClient http;
    private final MarcRecordMapper mapper;

    SruCatalogue(String name, Settings settings) {
        this.name = name;
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.mapper = new MarcRecordMapper(settings.holdings());
    }

    @Override
    public List<CatalogueRecord> search(CatalogueQuery query) {
        String byIdentifier = identifierQuery(query);
        List<CatalogueRecord> found = byIdentifier == null ? List.of() : searchRetrieve(byIdentifier);
        if (found.isEmpty() && query.title() != null) {
            found = searchRetrieve(titleQuery(query));
        }
        return found;
    }

    /** The CQL for the query's identifiers, or null when it has none the catalogue indexes. */
    String identifierQuery(CatalogueQuery query) {
        Indexes indexes = settings.indexes();
        List<String> clauses = new ArrayList<>();
        if (query.isbn() != null && present(indexes.isbn())) {
            clauses.add(term(indexes.isbn(), query.isbn().isbn13()));
            if (query.isbn().isbn10() != null) {
                clauses.add(term(indexes.isbn(), query.isbn().isbn10()));
            }
        }
        if (query.issn() != null && present(indexes.issn())) {
            clauses.add(term(indexes.issn(), query.issn().value()));
        }
        if (query.oclcNumber() != null && present(indexes.oclcNumber())) {
            clauses.add(term(indexes.oclcNumber(), query.oclcNumber().value()));
        }
        if (query.doi() != null && present(indexes.doi())) {
            clauses.add(term(indexes.doi(), query.doi().value()));
        }
        return clauses.isEmpty() ? null : String.join(" or ", clauses);
    }

    String titleQuery(CatalogueQuery query) {
        String cql = settings.indexes().title() + " all " + quoted(query.title());
        return query.author() == null ? cql : cql + " and " + settings.indexes().author() + " all " + quoted(query.author());
    }

    private List<CatalogueRecord> searchRetrieve(String cql) {
        boolean sru2 = settings.version().startsWith("2");
        String url = settings.baseUrl() + (settings.baseUrl().toString().contains("?") ? "&" : "?")
                + "operation=searchRetrieve&version=" + settings.version()
                + "&query=" + URLEncoder.encode(cql, StandardCharsets.UTF_8)
                + "&recordSchema=" + URLEncoder.encode(settings.recordSchema(), StandardCharsets.UTF_8)
                + "&maximumRecords=" + settings.maximumRecords()
                + (sru2 ? "&recordXMLEscaping=xml" : "&recordPacking=xml");
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(settings.readTimeout())
                    .header("Accept", "application/xml, text/xml").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CatalogueUnavailableException(name + " catalogue did not answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogueUnavailableException(name + " catalogue: interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new CatalogueUnavailableException(name + " catalogue answered HTTP " + response.statusCode(), null);
        }
        return records(response.body());
    }

    /** The MARC records of an SRU 1.2 or 2.0 response; a diagnostic without records is a failure, not "no hits". */
    List<CatalogueRecord> records(byte[] body) {
        Document document;
        try {
            document = SecureXml.parse(body);
        } catch (SAXException unreadable) {
            throw new CatalogueUnavailableException(name + " catalogue sent a response that is not XML: " + unreadable.getMessage(), unreadable);
        }
        Element root = document.getDocumentElement();
        if (!"searchRetrieveResponse".equals(root.getLocalName())) {
            throw new CatalogueUnavailableException(name + " catalogue sent <" + root.getLocalName() + "> instead of an SRU searchRetrieveResponse", null);
        }
        List<CatalogueRecord> records = new ArrayList<>(marcRecordsIn(document));
        for (Node recordData : elements(document, "recordData")) {
            if (((Element) recordData).getElementsByTagNameNS(MARC_NAMESPACE, "record").getLength() == 0
                    && recordData.getTextContent().contains("<")) {
                records.addAll(escapedRecords(recordData.getTextContent()));
            }
        }
        if (records.isEmpty()) {
            List<Node> diagnostics = elements(document, "diagnostic");
            if (!diagnostics.isEmpty()) {
                throw new CatalogueUnavailableException(name + " catalogue: SRU diagnostic " + describe((Element) diagnostics.get(0)), null);
            }
        }
        return records;
    }

    /** Records the server sent as escaped text (recordPacking=string). */
    private List<CatalogueRecord> escapedRecords(String xml) {
        try {
            return marcRecordsIn(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException unreadable) {
            throw new CatalogueUnavailableException(name + " catalogue sent an unreadable record: " + unreadable.getMessage(), unreadable);
        }
    }

    private List<CatalogueRecord> marcRecordsIn(Document document) {
        NodeList marcRecords = document.getElementsByTagNameNS(MARC_NAMESPACE, "record");
        List<CatalogueRecord> records = new ArrayList<>();
        for (int i = 0; i < marcRecords.getLength(); i++) {
            records.add(mapper.map(readMarc((Element) marcRecords.item(i))));
        }
        return records;
    }

    private Record readMarc(Element marcRecord) {
        try {
            MarcXmlReader reader = new MarcXmlReader(new ByteArrayInputStream(serialise(marcRecord)));
            return reader.next();
        } catch (MarcException unreadable) {
            throw new CatalogueUnavailableException(name + " catalogue sent a MARC record marc4j cannot read: " + unreadable.getMessage(), unreadable);
        }
    }

    private static byte[] serialise(Element element) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot serialise a MARC record element", e);
        }
    }

    private static String describe(Element diagnostic) {
        String uri = text(diagnostic, "uri");
        String message = text(diagnostic, "message");
        String details = text(diagnostic, "details");
        return (message == null ? "" : message) + (details == null ? "" : " (" + details + ")") + (uri == null ? "" : " [" + uri + "]");
    }

    private static String text(Element parent, String localName) {
        NodeList children = parent.getElementsByTagNameNS("*", localName);
        return children.getLength() == 0 ? null : children.item(0).getTextContent().trim();
    }

    private static List<Node> elements(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        List<Node> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add(nodes.item(i));
        }
        return list;
    }

    private static String term(String index, String value) {
        return index + "=" + quoted(value);
    }

    /** A CQL string: quotes and backslashes escaped. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean present(String index) {
        return index != null && !index.isBlank();
    }
}
