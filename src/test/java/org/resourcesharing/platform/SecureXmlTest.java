package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/** Each thread reuses its parser and serialiser: a refused or broken document must leave them as new. */
class SecureXmlTest {

    private static final String ENTITY_ATTACK = """
            <?xml version="1.0"?>
            <!DOCTYPE note [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <note>&secret;</note>""";

    @Test
    void aReusedParserStillRefusesDoctypesAndReadsTheNextDocument() throws SAXException {
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> SecureXml.parse(bytes(ENTITY_ATTACK))).isInstanceOf(SAXException.class).hasMessageContaining("DOCTYPE");
            assertThatThrownBy(() -> SecureXml.parse(bytes("<note><to>Durham</note>"))).isInstanceOf(SAXException.class);
            Document document = SecureXml.parse(bytes("<n:note xmlns:n=\"urn:example\"><n:to>Durham</n:to></n:note>"));
            assertThat(document.getDocumentElement().getNamespaceURI()).isEqualTo("urn:example");
            assertThat(document.getDocumentElement().getTextContent()).isEqualTo("Durham");
        }
    }

    @Test
    void aReusedSerialiserWritesEachDocumentWhole() throws SAXException {
        Document first = SecureXml.parse(bytes("<note><to>Durham</to></note>"));
        Document second = SecureXml.newDocument();
        second.appendChild(second.createElement("empty"));

        String written = SecureXml.serialise(first);
        assertThat(written).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<note>\n  <to>Durham</to>\n</note>\n");
        assertThat(SecureXml.serialise(second)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<empty/>\n");
        assertThat(SecureXml.serialise(first)).isEqualTo(written);
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
