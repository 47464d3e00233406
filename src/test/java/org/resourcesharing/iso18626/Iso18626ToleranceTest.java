package org.resourcesharing.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resourcesharing.iso18626.Fixtures.bytes;
import static org.resourcesharing.iso18626.Fixtures.fixture;
import static org.resourcesharing.iso18626.Fixtures.replace;

import org.junit.jupiter.api.Test;
import org.resourcesharing.iso18626.model.MessageInfo;
import org.resourcesharing.iso18626.model.Request;
import org.resourcesharing.iso18626.model.SupplyingAgencyMessage;
import org.resourcesharing.iso18626.model.TypeAction;
import org.resourcesharing.iso18626.model.TypeErrorType;
import org.resourcesharing.iso18626.model.TypeReasonForMessage;
import org.resourcesharing.iso18626.model.TypeServiceType;
import org.resourcesharing.iso18626.model.TypeStatus;

/** Harmless deviations of real peers are repaired and recorded; anything else is still refused. */
class Iso18626ToleranceTest {

    private static final String INSERTED_MULTIPLE_ITEM_REQUEST_ID =
            "empty multipleItemRequestId inserted in header (required since version 1.2)";

    private final Iso18626Codec codec = new Iso18626Codec(Fixtures.MAX_MESSAGE_BYTES);

    @Test
    void aVersionOneOneRequestWithoutMultipleItemRequestId() {
        ParsedMessage parsed = codec.parse(bytes(fixture("tolerated/v1_1-request.xml")));

        assertThat(parsed.declaredVersion()).isEqualTo("1.1");
        assertThat(parsed.toleratedDeviations()).containsExactly(INSERTED_MULTIPLE_ITEM_REQUEST_ID, "version \"1.1\" read as 1.2");
        Request request = parsed.message().getRequest();
        assertThat(request.getHeader().getMultipleItemRequestId()).isEmpty();
        assertThat(request.getHeader().getRequestingAgencyRequestId()).isEqualTo("WAU-ILL-2025-30112");
        assertThat(request.getBibliographicInfo().getTitleOfComponent()).isEqualTo("Information as thing");
        assertThat(request.getBibliographicInfo().getBibliographicItemId().get(1).getBibliographicItemIdentifier())
                .isEqualTo("10.1002/(SICI)1097-4571(199106)42:5<351::AID-ASI5>3.0.CO;2-3");
        assertThat(request.getServiceInfo().getServiceType()).isEqualTo(TypeServiceType.COPY);
        assertThat(parsed.xml()).isEqualTo(fixture("tolerated/v1_1-request.xml"));
    }

    @Test
    void aVersionOneZeroMessageIsReadTheSameWay() {
        String versionOneZero = replace(fixture("tolerated/v1_1-request.xml"), "ill:version=\"1.1\"", "ill:version=\"1.0\"");

        ParsedMessage parsed = codec.parse(bytes(versionOneZero));

        assertThat(parsed.declaredVersion()).isEqualTo("1.0");
        assertThat(parsed.toleratedDeviations()).containsExactly(INSERTED_MULTIPLE_ITEM_REQUEST_ID, "version \"1.0\" read as 1.2");
        assertThat(parsed.message().getRequest().getHeader().getMultipleItemRequestId()).isEmpty();
    }

    @Test
    void aVersionOneOneMessageThatIsValidAsSentNeedsNoRepair() {
        String confirmation = replace(fixture("request-confirmation.xml"), "ill:version=\"1.2\"", "ill:version=\"1.1\"");

        ParsedMessage parsed = codec.parse(bytes(confirmation));

        assertThat(parsed.declaredVersion()).isEqualTo("1.1");
        assertThat(parsed.toleratedDeviations()).isEmpty();
        assertThat(parsed.message().getRequestConfirmation().getConfirmationHeader().getRequestingAgencyRequestId())
                .isEqualTo("OKQ-2025-000417");
    }

    @Test
    void emptyOptionalElementsAreRemoved() {
        ParsedMessage parsed = codec.parse(bytes(fixture("tolerated/empty-optional-elements.xml")));

        assertThat(parsed.declaredVersion()).isEqualTo("1.2");
        assertThat(parsed.toleratedDeviations()).containsExactly(
                "empty element supplyingAgencyRequestId removed",
                "empty element answerYesNo removed",
                "empty element note removed",
                "empty element retryAfter removed",
                "empty element retryBefore removed",
                "empty element dueDate removed");
        SupplyingAgencyMessage message = parsed.message().getSupplyingAgencyMessage();
        assertThat(message.getHeader().getSupplyingAgencyRequestId()).isNull();
        MessageInfo messageInfo = message.getMessageInfo();
        assertThat(messageInfo.getReasonForMessage()).isEqualTo(TypeReasonForMessage.REQUEST_RESPONSE);
        assertThat(messageInfo.getRetryAfter()).isNull();
        assertThat(messageInfo.getNote()).isNull();
        assertThat(message.getStatusInfo().getStatus()).isEqualTo(TypeStatus.WILL_SUPPLY);
        assertThat(Iso18626Messages.offsetDateTime(message.getStatusInfo().getExpectedDeliveryDate()))
                .hasToString("2025-03-07T17:00-05:00");
    }

    @Test
    void anEmptyElementTheSchemaRequiresIsKept() {
        String emptyRequestId = replace(fixture("tolerated/v1_1-request.xml"),
                "<ill:requestingAgencyRequestId>WAU-ILL-2025-30112</ill:requestingAgencyRequestId>",
                "<ill:requestingAgencyRequestId></ill:requestingAgencyRequestId>");

        ParsedMessage parsed = codec.parse(bytes(emptyRequestId));

        assertThat(parsed.toleratedDeviations()).containsExactly(INSERTED_MULTIPLE_ITEM_REQUEST_ID, "version \"1.1\" read as 1.2");
        assertThat(parsed.message().getRequest().getHeader().getRequestingAgencyRequestId()).isEmpty();
    }

    @Test
    void extensionElementsInAnotherNamespaceAreRemoved() {
        ParsedMessage parsed = codec.parse(bytes(fixture("tolerated/extension-elements.xml")));

        assertThat(parsed.toleratedDeviations()).containsExactly(
                "extension element {https://ill.lib.washington.edu/iso18626/extensions}routingSlip removed",
                "extension element {https://ill.lib.washington.edu/iso18626/extensions}receivedBy removed");
        assertThat(parsed.message().getRequestingAgencyMessage().getAction()).isEqualTo(TypeAction.RECEIVED);
        assertThat(parsed.message().getRequestingAgencyMessage().getNote()).isEqualTo("Received in good condition.");
        assertThat(parsed.message().getRequestingAgencyMessage().getHeader().getSupplyingAgencyRequestId())
                .isEqualTo("OKQ-L-2025-01298");
    }

    @Test
    void anUnknownVersionIsAcceptedWhenTheMessageIsValid() {
        String versionTwo = replace(fixture("requesting-agency-message.xml"), "ill:version=\"1.2\"", "ill:version=\"2.0\"");

        ParsedMessage parsed = codec.parse(bytes(versionTwo));

        assertThat(parsed.declaredVersion()).isEqualTo("2.0");
        assertThat(parsed.toleratedDeviations()).containsExactly("unknown version \"2.0\" read as 1.2");
        assertThat(parsed.message().getRequestingAgencyMessage().getAction()).isEqualTo(TypeAction.SHIPPED_RETURN);
    }

    @Test
    void aVersionAttributeWithoutNamespace() {
        String unqualified = replace(fixture("requesting-agency-message.xml"), "ill:version=\"1.2\"", "version=\"1.2\"");

        ParsedMessage parsed = codec.parse(bytes(unqualified));

        assertThat(parsed.declaredVersion()).isEqualTo("1.2");
        assertThat(parsed.toleratedDeviations()).containsExactly("version \"1.2\" (attribute without namespace) read as 1.2");
        assertThat(parsed.message().getVersion()).isEqualTo("1.2");
    }

    @Test
    void aMissingVersion() {
        String versionless = replace(fixture("requesting-agency-message.xml"), " ill:version=\"1.2\"", "");

        ParsedMessage parsed = codec.parse(bytes(versionless));

        assertThat(parsed.declaredVersion()).isNull();
        assertThat(parsed.toleratedDeviations()).containsExactly("missing version read as 1.2");
        assertThat(parsed.message().getRequestingAgencyMessage().getAction()).isEqualTo(TypeAction.SHIPPED_RETURN);
    }

    @Test
    void anUnknownElementOfTheStandardsNamespaceIsStillRefused() {
        String withComment = replace(fixture("tolerated/v1_1-request.xml"), "<ill:volume>",
                "<ill:comment>Please send by courier.</ill:comment><ill:volume>");

        Iso18626MessageException refused = catchThrowableOfType(Iso18626MessageException.class,
                () -> codec.parse(bytes(withComment)));

        assertThat(refused.errorType()).isEqualTo(TypeErrorType.BADLY_FORMED_MESSAGE);
        assertThat(refused.errorValue())
                .startsWith("cvc-complex-type.2.4.a: Invalid content was found starting with element"
                        + " '{\"http://illtransactions.org/2013/iso18626\":comment}'")
                .endsWith("(at /ISO18626Message/request/bibliographicInfo/comment)");
    }
}
