package org.resourcesharing.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resourcesharing.iso18626.Fixtures.bytes;
import static org.resourcesharing.iso18626.Fixtures.fixture;
import static org.resourcesharing.iso18626.Fixtures.replace;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resourcesharing.iso18626.model.TypeErrorType;

/** Each way an incoming message is refused yields the error type and a value that tells the peer why. */
class Iso18626RejectionTest {

    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private final Iso18626Codec codec = new Iso18626Codec(Fixtures.MAX_MESSAGE_BYTES);

    @Test
    void aMessageLargerThanTheLimit() {
        byte[] request = bytes(fixture("request.xml"));
        Iso18626Codec smallLimit = new Iso18626Codec(request.length - 1);

        Iso18626MessageException refused = refusal(smallLimit, request);

        assertThat(refused.errorType()).isEqualTo(TypeErrorType.BADLY_FORMED_MESSAGE);
        assertThat(refused.errorValue()).isEqualTo("message larger than " + (request.length - 1) + " bytes");
        assertThat(refused.getMessage()).isEqualTo("BadlyFormedMessage: message larger than " + (request.length - 1) + " bytes");
        assertThat(new Iso18626Codec(request.length).parse(request).message().getRequest()).isNotNull();
    }

    @Test
    void xmlThatIsNotWellFormed() {
        String truncated = replace(fixture("requesting-agency-message.xml"), "</ill:note>", "");

        Iso18626MessageException refused = refusal(truncated);

        assertThat(refused.errorType()).isEqualTo(TypeErrorType.BADLY_FORMED_MESSAGE);
        assertThat(refused.errorValue())
                .startsWith("not well-formed XML at line 21, column ")
                .contains("\"ill:note\"")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void anEmptyBody() {
        Iso18626MessageException refused = refusal("");

        assertThat(refused.errorType()).isEqualTo(TypeErrorType.BADLY_FORMED_MESSAGE);
        assertThat(refused.errorValue()).startsWith("not well-formed XML at line 1");
    }

    @Test
    void anExternalEntityIsRefusedWithoutReadingTheFile(@TempDir Path directory) throws IOException {
        String secret = "secret-" + UUID.randomUUID();
        Path file = Files.writeString(directory.resolve("secret.txt"), secret);
        String xxe = XML_DECLARATION + "\n<!DOCTYPE ill:ISO18626Message [ <!ENTITY secret SYSTEM \"" + file.toUri() + "\"> ]>"
                + replace(withoutDeclaration("request.xml"), "Introduction to Algorithms", "&secret;");

        Iso18626MessageException refused = refusal(xxe);

        assertThat(refused.errorType()).isEqualTo(TypeErrorType.BADLY_FORMED_MESSAGE);
        assertThat(refused.errorValue()).contains("DOCTYPE");
        assertThat(refused.getMessage() + refused.errorValue() + stackTrace(refused)).doesNotContain(secret);
    }

    @Test
    void externalDtdsAndParameterEntitiesAreNeverFetched() throws IOException {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            String externalDtd = XML_DECLARATION + "<!DOCTYPE ill:ISO18626Message SYSTEM \"" + base + "/iso18626.dtd\">"
                    + withoutDeclaration("request.xml");
            String parameterEntity = XML_DECLARATION + "<!DOCTYPE ill:ISO18626Message [ <!ENTITY % remote SYSTEM \""
                    + base + "/evil.dtd\"> %remote; ]>" + withoutDeclaration("request.xml");

            assertThat(refusal(externalDtd).errorType()).isEqualTo(TypeErrorType.BADLY_FORMED_MESSAGE);
            assertThat(refusal(parameterEntity).errorType()).isEqualTo(TypeErrorType.BADLY_FORMED_MESSAGE);
            assertThat(fetches).hasValue(0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aDoctypeWithoutEntities() {
        String doctype = XML_DECLARATION + "<!DOCTYPE ill:ISO18626Message>" + withoutDeclaration("request.xml");

        Iso18626MessageException refused = refusal(doctype);

        assertThat(refused.errorType()).isEqualTo(TypeErrorType.BADLY_FORMED_MESSAGE);
        assertThat(refused.errorValue()).startsWith("not well-formed XML at line 1").contains("DOCTYPE is disallowed");
    }

    @Test
    void anActionTheStandardDoesNotHave() {
        String recall = replace(fixture("requesting-agency-message.xml"), "<ill:action>ShippedReturn", "<ill:action>Recall");

        Iso18626MessageException refused = refusal(recall);

        assertThat(refused.errorType()).isEqualTo(TypeErrorType.UNSUPPORTED_ACTION_TYPE);
        assertThat(refused.errorValue()).isEqualTo("Recall");
    }

    @Test
    void aReasonForMessageTheStandardDoesNotHave() {
        String statusUpdate = replace(fixture("supplying-agency-message.xml"),
                "<reasonForMessage>StatusChange", "<reasonForMessage>StatusUpdate");

        Iso18626MessageException refused = refusal(statusUpdate);

        assertThat(refused.errorType()).isEqualTo(TypeErrorType.UNSUPPORTED_REASON_FOR_MESSAGE_TYPE);
        assertThat(refused.errorValue()).isEqualTo("StatusUpdate");
    }

    @Test
    void aMissingRequiredElement() {
        String withoutTimestamp = replace(fixture("request.xml"),
                "<ill:timestamp>2025-03-04T14:05:09.000-05:00</ill:timestamp>", "");

        Iso18626MessageException refused = refusal(withoutTimestamp);

        assertThat(refused.errorType()).isEqualTo(TypeErrorType.BADLY_FORMED_MESSAGE);
        assertThat(refused.errorValue())
                .contains("requestingAgencyRequestId", ":timestamp}' is expected")
                .endsWith("(at /ISO18626Message/request/header/requestingAgencyRequestId)");
    }

    @Test
    void aBadDateInARequiredElement() {
        String europeanDate = replace(fixture("supplying-agency-message.xml"),
                "<lastChange>2025-03-06T10:20:00.000-05:00</lastChange>", "<lastChange>06/03/2025 10:20</lastChange>");

        Iso18626MessageException refused = refusal(europeanDate);

        assertThat(refused.errorType()).isEqualTo(TypeErrorType.BADLY_FORMED_MESSAGE);
        assertThat(refused.errorValue())
                .isEqualTo("cvc-datatype-valid.1.2.1: '06/03/2025 10:20' is not a valid value for 'dateTime'."
                        + " (at /ISO18626Message/supplyingAgencyMessage/statusInfo/lastChange)");
    }

    @Test
    void aRootElementOtherThanTheMessage() {
        String headerOnly = XML_DECLARATION + "<header xmlns=\"http://illtransactions.org/2013/iso18626\"/>";
        String noNamespace = replace(fixture("request.xml"), "xmlns:ill=\"http://illtransactions.org/2013/iso18626\"",
                "xmlns:ill=\"http://illtransactions.org/2013/iso18626/\"");

        assertThat(refusal(headerOnly).errorValue()).isEqualTo("root element must be {http://illtransactions.org/2013/iso18626}"
                + "ISO18626Message, not {http://illtransactions.org/2013/iso18626}header");
        assertThat(refusal(noNamespace).errorValue()).endsWith("not {http://illtransactions.org/2013/iso18626/}ISO18626Message");
    }

    private Iso18626MessageException refusal(String xml) {
        return refusal(codec, bytes(xml));
    }

    private static Iso18626MessageException refusal(Iso18626Codec codec, byte[] xml) {
        Iso18626MessageException refused = catchThrowableOfType(Iso18626MessageException.class, () -> codec.parse(xml));
        assertThat(refused).as("refused").isNotNull();
        return refused;
    }

    private static String withoutDeclaration(String fixture) {
        return replace(fixture(fixture), XML_DECLARATION, "");
    }

    private static String stackTrace(Throwable throwable) {
        StringWriter trace = new StringWriter();
        throwable.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
