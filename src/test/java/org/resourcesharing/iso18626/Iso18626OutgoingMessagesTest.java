package org.resourcesharing.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resourcesharing.iso18626.Fixtures.bytes;
import static org.resourcesharing.iso18626.Fixtures.officialSchemaErrors;
import static org.resourcesharing.iso18626.Iso18626Messages.agencyId;
import static org.resourcesharing.iso18626.Iso18626Messages.header;
import static org.resourcesharing.iso18626.Iso18626Messages.itemId;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.resourcesharing.iso18626.model.ConfirmationHeader;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.iso18626.model.TypeAction;
import org.resourcesharing.iso18626.model.TypeErrorType;
import org.resourcesharing.iso18626.model.TypeMessageStatus;
import org.resourcesharing.iso18626.model.TypeReasonForMessage;
import org.resourcesharing.iso18626.model.TypeServiceType;
import org.resourcesharing.iso18626.model.TypeStatus;

/** Every kind of message the application can send is valid against the official schema. */
class Iso18626OutgoingMessagesTest {

    private static final OffsetDateTime SENT = OffsetDateTime.parse("2025-03-04T14:05:09-05:00");
    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2025-03-04T14:05:08.750-05:00");

    private final Iso18626Codec codec = new Iso18626Codec(Fixtures.MAX_MESSAGE_BYTES);

    @Test
    void request() {
        ISO18626Message request = Iso18626Messages.request(queensToMcGill(), TypeServiceType.LOAN,
                "The Structure of Scientific Revolutions", "Kuhn, Thomas S.", "2012",
                itemId("ISBN", "9780226458120"), itemId("OCLC", "756577475"));

        ISO18626Message read = sendAndRead(request);

        assertThat(read.getRequest().getBibliographicInfo().getTitle()).isEqualTo("The Structure of Scientific Revolutions");
        assertThat(read.getRequest().getBibliographicInfo().getBibliographicItemId())
                .extracting(id -> id.getBibliographicItemIdentifierCode().getValue() + " " + id.getBibliographicItemIdentifier())
                .containsExactly("ISBN 9780226458120", "OCLC 756577475");
        assertThat(read.getRequest().getServiceInfo().getServiceType()).isEqualTo(TypeServiceType.LOAN);
        assertThat(read.getRequest().getHeader().getMultipleItemRequestId()).isEmpty();
    }

    static Stream<Arguments> everyReasonWithEveryStatus() {
        return Arrays.stream(TypeReasonForMessage.values())
                .flatMap(reason -> Arrays.stream(TypeStatus.values()).map(status -> Arguments.of(reason, status)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyReasonWithEveryStatus")
    void supplyingAgencyMessage(TypeReasonForMessage reason, TypeStatus status) {
        ISO18626Message message = Iso18626Messages.supplyingAgencyMessage(mcGillToQueens(), reason, status, "Shipped today.");

        ISO18626Message read = sendAndRead(message);

        assertThat(read.getSupplyingAgencyMessage().getMessageInfo().getReasonForMessage()).isEqualTo(reason);
        assertThat(read.getSupplyingAgencyMessage().getStatusInfo().getStatus()).isEqualTo(status);
        assertThat(Iso18626Messages.offsetDateTime(read.getSupplyingAgencyMessage().getStatusInfo().getLastChange()))
                .isEqualTo(SENT);
    }

    @ParameterizedTest
    @EnumSource(TypeAction.class)
    void requestingAgencyMessage(TypeAction action) {
        ISO18626Message message = Iso18626Messages.requestingAgencyMessage(queensToMcGill(), action, null);

        ISO18626Message read = sendAndRead(message);

        assertThat(read.getRequestingAgencyMessage().getAction()).isEqualTo(action);
        assertThat(read.getRequestingAgencyMessage().getNote()).isNull();
    }

    @Test
    void confirmationsOk() {
        ISO18626Message request = sendAndRead(Iso18626Messages.requestConfirmation(queensToMcGill(), RECEIVED, null, null));
        ISO18626Message supplying = sendAndRead(Iso18626Messages.supplyingAgencyMessageConfirmation(
                mcGillToQueens(), RECEIVED, TypeReasonForMessage.STATUS_CHANGE, null, null));
        ISO18626Message requesting = sendAndRead(Iso18626Messages.requestingAgencyMessageConfirmation(
                queensToMcGill(), RECEIVED, TypeAction.RECEIVED, null, null));

        assertThat(request.getRequestConfirmation().getErrorData()).isNull();
        assertOk(request.getRequestConfirmation().getConfirmationHeader());
        assertOk(supplying.getSupplyingAgencyMessageConfirmation().getConfirmationHeader());
        assertThat(supplying.getSupplyingAgencyMessageConfirmation().getReasonForMessage()).isEqualTo(TypeReasonForMessage.STATUS_CHANGE);
        assertOk(requesting.getRequestingAgencyMessageConfirmation().getConfirmationHeader());
        assertThat(requesting.getRequestingAgencyMessageConfirmation().getAction()).isEqualTo(TypeAction.RECEIVED);
    }

    @ParameterizedTest
    @EnumSource(TypeErrorType.class)
    void confirmationsWithError(TypeErrorType error) {
        ISO18626Message request = sendAndRead(Iso18626Messages.requestConfirmation(queensToMcGill(), RECEIVED, error, "why 1"));
        ISO18626Message supplying = sendAndRead(Iso18626Messages.supplyingAgencyMessageConfirmation(
                mcGillToQueens(), RECEIVED, null, error, "why 2"));
        ISO18626Message requesting = sendAndRead(Iso18626Messages.requestingAgencyMessageConfirmation(
                queensToMcGill(), RECEIVED, null, error, "why 3"));

        assertThat(request.getRequestConfirmation().getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.ERROR);
        assertThat(request.getRequestConfirmation().getErrorData().getErrorType()).isEqualTo(error);
        assertThat(request.getRequestConfirmation().getErrorData().getErrorValue()).isEqualTo("why 1");
        assertThat(supplying.getSupplyingAgencyMessageConfirmation().getErrorData().getErrorType()).isEqualTo(error);
        assertThat(supplying.getSupplyingAgencyMessageConfirmation().getErrorData().getErrorValue()).isEqualTo("why 2");
        assertThat(requesting.getRequestingAgencyMessageConfirmation().getErrorData().getErrorType()).isEqualTo(error);
        assertThat(requesting.getRequestingAgencyMessageConfirmation().getErrorData().getErrorValue()).isEqualTo("why 3");
    }

    @Test
    void confirmationsOfUnreadableMessagesHaveNoHeaderToCopy() {
        ISO18626Message request = sendAndRead(Iso18626Messages.requestConfirmation(
                null, RECEIVED, TypeErrorType.BADLY_FORMED_MESSAGE, "not well-formed XML"));
        ISO18626Message supplying = sendAndRead(Iso18626Messages.supplyingAgencyMessageConfirmation(
                null, RECEIVED, null, TypeErrorType.BADLY_FORMED_MESSAGE, "not well-formed XML"));
        ISO18626Message requesting = sendAndRead(Iso18626Messages.requestingAgencyMessageConfirmation(
                null, RECEIVED, null, TypeErrorType.BADLY_FORMED_MESSAGE, "not well-formed XML"));

        for (ConfirmationHeader header : new ConfirmationHeader[] {request.getRequestConfirmation().getConfirmationHeader(),
                supplying.getSupplyingAgencyMessageConfirmation().getConfirmationHeader(),
                requesting.getRequestingAgencyMessageConfirmation().getConfirmationHeader()}) {
            assertThat(header.getSupplyingAgencyId()).isNull();
            assertThat(header.getRequestingAgencyRequestId()).isNull();
            assertThat(header.getMessageStatus()).isEqualTo(TypeMessageStatus.ERROR);
            assertThat(Iso18626Messages.offsetDateTime(header.getTimestampReceived())).isEqualTo(RECEIVED);
        }
    }

    @Test
    void anInvalidOutgoingMessageIsOurBugAndNeverWritten() {
        ISO18626Message message = Iso18626Messages.requestingAgencyMessage(queensToMcGill(), null, "action forgotten");

        assertThatThrownBy(() -> codec.write(message))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outgoing ISO 18626 message is invalid")
                .hasMessageContaining("action")
                .hasMessageContaining("/ISO18626Message/requestingAgencyMessage");
    }

    @Test
    void writesVersionOneTwoWithTheIllPrefix() {
        ISO18626Message message = Iso18626Messages.requestingAgencyMessage(queensToMcGill(), TypeAction.CANCEL, null);
        message.setVersion("1.1");

        String xml = codec.write(message);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ill:ISO18626Message")
                .contains("ill:version=\"1.2\"", "<ill:action>Cancel</ill:action>")
                .doesNotContain("ns2:");
    }

    /** Writes with the codec, checks the text with an independent validator, and reads it back. */
    private ISO18626Message sendAndRead(ISO18626Message message) {
        String xml = codec.write(message);
        assertThat(officialSchemaErrors(xml)).as(xml).isEmpty();
        ParsedMessage parsed = codec.parse(bytes(xml));
        assertThat(parsed.declaredVersion()).isEqualTo("1.2");
        assertThat(parsed.toleratedDeviations()).isEmpty();
        return parsed.message();
    }

    private static void assertOk(ConfirmationHeader header) {
        assertThat(header.getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(Iso18626Messages.offsetDateTime(header.getTimestampReceived())).isEqualTo(RECEIVED);
        assertThat(header.getRequestingAgencyRequestId()).isEqualTo("OKQ-2025-000417");
    }

    private static Header queensToMcGill() {
        return header(agencyId("ISIL:CA-QMM"), agencyId("ISIL:CA-OKQ"), "OKQ-2025-000417", null, SENT);
    }

    private static Header mcGillToQueens() {
        return header(agencyId("ISIL:CA-QMM"), agencyId("ISIL:CA-OKQ"), "OKQ-2025-000417", "QMM-ILL-88213", SENT);
    }
}
