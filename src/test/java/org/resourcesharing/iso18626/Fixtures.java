package org.resourcesharing.iso18626;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/** XML fixtures and a schema check that shares no code with the codec. */
final class Fixtures {

    static final int MAX_MESSAGE_BYTES = 100_000;

    private static final Schema OFFICIAL_SCHEMA = officialSchema();

    private Fixtures() {
    }

    static String fixture(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/iso18626/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** Replaces text that must be there, so a fixture edit can never silently test nothing. */
    static String replace(String xml, String target, String replacement) {
        assertThat(xml).contains(target);
        return xml.replace(target, replacement);
    }

    /** Schema errors of the text, empty if it is valid against the schema file in src/main/xsd. */
    static String officialSchemaErrors(String xml) {
        try {
            OFFICIAL_SCHEMA.newValidator().validate(new StreamSource(new StringReader(xml)));
            return "";
        } catch (SAXException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Schema officialSchema() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Path.of("src/main/xsd/iso18626/ISO-18626-v1_2.xsd").toFile());
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }
}
