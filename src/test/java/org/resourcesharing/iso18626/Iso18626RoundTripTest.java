package org.resourcesharing.iso18626;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.resourcesharing.iso18626.Fixtures.bytes;
import static org.resourcesharing.iso18626.Fixtures.fixture;
import static org.resourcesharing.iso18626.Iso18626Messages.format;
import static org.resourcesharing.iso18626.Iso18626Messages.offsetDateTime;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.resourcesharing.iso18626.model.ConfirmationHeader;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.iso18626.model.Request;
import org.resourcesharing.iso18626.model.RequestingAgencyMessage;
import org.resourcesharing.iso18626.model.RequestingAgencyMessageConfirmation;
import org.resourcesharing.iso18626.model.SupplyingAgencyMessage;
import org.resourcesharing.iso18626.model.TypeAction;
import org.resourcesharing.iso18626.model.TypeErrorType;
import org.resourcesharing.iso18626.model.TypeMessageStatus;
import org.resourcesharing.iso18626.model.TypeReasonForMessage;
import org.resourcesharing.iso18626.model.TypeRequestType;
import org.resourcesharing.iso18626.model.TypeServiceType;
import org.resourcesharing.iso18626.model.TypeStatus;

/** A peer's message read, written back and read again keeps every value. */
class Iso18626RoundTripTest {

    private final Iso18626Codec codec = new Iso18626Codec(Fixtures.MAX_MESSAGE_BYTES);

    @Test
    void request() {
        roundTrip("request.xml", message -> {
            Request request = message.getRequest();
            assertHeader(request.getHeader(), "2025-03-04T14:05:09-05:00", null);
            assertThat(request.getBibliographicInfo().getTitle()).isEqualTo("Introduction to Algorithms");
            assertThat(request.getBibliographicInfo().getAuthor()).startsWith("Cormen, Thomas H.;");
            assertThat(request.getBibliographicInfo().getEdition()).isEqualTo("Fourth edition");
            assertThat(request.getBibliographicInfo().getBibliographicItemId())
                    .extracting(id -> id.getBibliographicItemIdentifierCode().getValue() + " " + id.getBibliographicItemIdentifier())
                    .containsExactly("ISBN 9780262046305", "OCLC 1264174006");
            assertThat(request.getPublicationInfo().getPublisher()).isEqualTo("The MIT Press");
            assertThat(request.getPublicationInfo().getPublicationDate()).isEqualTo("2022");
            assertThat(request.getServiceInfo().getRequestType()).isEqualTo(TypeRequestType.NEW);
            assertThat(request.getServiceInfo().getServiceType()).isEqualTo(TypeServiceType.LOAN);
            assertThat(offsetDateTime(request.getServiceInfo().getNeedBeforeDate()))
                    .isEqualTo(OffsetDateTime.parse("2025-04-15T23:59:59-04:00"));
            assertThat(request.getServiceInfo().getNote()).contains("any edition from the third onwards");
            assertThat(request.getRequestingAgencyInfo().getName()).isEqualTo("Queen's University Library, Interlibrary Loan");
        });
    }

    @Test
    void supplyingAgencyMessage() {
        roundTrip("supplying-agency-message.xml", message -> {
            SupplyingAgencyMessage supplying = message.getSupplyingAgencyMessage();
            assertHeader(supplying.getHeader(), "2025-03-06T10:22:41-05:00", "QMM-ILL-88213");
            assertThat(supplying.getMessageInfo().getReasonForMessage()).isEqualTo(TypeReasonForMessage.STATUS_CHANGE);
            assertThat(supplying.getMessageInfo().getNote()).isEqualTo("Shipped by Canada Post, tracking 7023 4410 0081 2234.");
            assertThat(supplying.getStatusInfo().getStatus()).isEqualTo(TypeStatus.LOANED);
            assertThat(offsetDateTime(supplying.getStatusInfo().getDueDate())).isEqualTo(OffsetDateTime.parse("2025-04-30T23:59:59-04:00"));
            assertThat(offsetDateTime(supplying.getStatusInfo().getLastChange())).isEqualTo(OffsetDateTime.parse("2025-03-06T10:20:00-05:00"));
            assertThat(offsetDateTime(supplying.getDeliveryInfo().getDateSent())).isEqualTo(OffsetDateTime.parse("2025-03-06T10:15:00-05:00"));
            assertThat(supplying.getDeliveryInfo().getItemId()).isEqualTo("31761112233445");
            assertThat(supplying.getDeliveryInfo().getSentVia().getValue()).isEqualTo("Canada Post");
            assertThat(supplying.getDeliveryInfo().getLoanCondition().getValue()).isEqualTo("LibraryUseOnly");
        });
    }

    @Test
    void requestingAgencyMessage() {
        roundTrip("requesting-agency-message.xml", message -> {
            RequestingAgencyMessage requesting = message.getRequestingAgencyMessage();
            assertHeader(requesting.getHeader(), "2025-04-22T09:03:12-04:00", "QMM-ILL-88213");
            assertThat(requesting.getAction()).isEqualTo(TypeAction.SHIPPED_RETURN);
            assertThat(requesting.getNote()).isEqualTo("Returned by Canada Post, tracking 7023 4410 0093 1187.");
        });
    }

    @Test
    void requestConfirmation() {
        roundTrip("request-confirmation.xml", message -> {
            ConfirmationHeader header = message.getRequestConfirmation().getConfirmationHeader();
            assertConfirmationHeader(header, "CA-OKQ", "OKQ-2025-000417", "2025-03-04T14:05:09.900-05:00");
            assertThat(header.getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
            assertThat(message.getRequestConfirmation().getErrorData()).isNull();
        });
    }

    @Test
    void supplyingAgencyMessageConfirmation() {
        roundTrip("supplying-agency-message-confirmation.xml", message -> {
            ConfirmationHeader header = message.getSupplyingAgencyMessageConfirmation().getConfirmationHeader();
            assertConfirmationHeader(header, "CA-OKQ", "OKQ-2025-000417", "2025-03-06T10:22:41.870-05:00");
            assertThat(header.getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
            assertThat(message.getSupplyingAgencyMessageConfirmation().getReasonForMessage()).isEqualTo(TypeReasonForMessage.STATUS_CHANGE);
        });
    }

    @Test
    void requestingAgencyMessageConfirmation() {
        roundTrip("requesting-agency-message-confirmation.xml", message -> {
            RequestingAgencyMessageConfirmation confirmation = message.getRequestingAgencyMessageConfirmation();
            assertConfirmationHeader(confirmation.getConfirmationHeader(), "US-WAU", "WAU-ILL-2025-31877", "2025-05-02T16:40:03.201-04:00");
            assertThat(confirmation.getConfirmationHeader().getMessageStatus()).isEqualTo(TypeMessageStatus.ERROR);
            assertThat(confirmation.getAction()).isEqualTo(TypeAction.RENEW);
            assertThat(confirmation.getErrorData().getErrorType()).isEqualTo(TypeErrorType.UNRECOGNISED_DATA_VALUE);
            assertThat(confirmation.getErrorData().getErrorValue()).isEqualTo("no request WAU-ILL-2025-31877 from US-WAU");
        });
    }

    @Test
    void oneCodecServesManyThreads() throws Exception {
        List<Callable<String>> parses = new ArrayList<>();
        for (String name : List.of("request.xml", "supplying-agency-message.xml", "requesting-agency-message.xml")) {
            byte[] xml = bytes(fixture(name));
            for (int i = 0; i < 40; i++) {
                parses.add(() -> requestingAgencyAfterRoundTrip(xml));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<String> result : pool.invokeAll(parses)) {
                assertThat(result.get()).isEqualTo("ISIL:CA-OKQ");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Checks the fixture as read, then the same checks after writing it and reading our own text. */
    private void roundTrip(String fixture, Consumer<ISO18626Message> expectations) {
        ParsedMessage received = codec.parse(bytes(fixture(fixture)));
        assertThat(received.toleratedDeviations()).isEmpty();
        expectations.accept(received.message());

        String written = codec.write(received.message());
        assertThat(Fixtures.officialSchemaErrors(written)).isEmpty();
        ParsedMessage reread = codec.parse(bytes(written));

        assertThat(reread.declaredVersion()).isEqualTo("1.2");
        expectations.accept(reread.message());
    }

    private String requestingAgencyAfterRoundTrip(byte[] xml) {
        ISO18626Message message = codec.parse(codec.write(codec.parse(xml).message()).getBytes(UTF_8)).message();
        Header header = message.getRequest() != null ? message.getRequest().getHeader()
                : message.getSupplyingAgencyMessage() != null ? message.getSupplyingAgencyMessage().getHeader()
                : message.getRequestingAgencyMessage().getHeader();
        return format(header.getRequestingAgencyId());
    }

    private static void assertHeader(Header header, String timestamp, String supplyingAgencyRequestId) {
        assertThat(format(header.getSupplyingAgencyId())).isEqualTo("ISIL:CA-QMM");
        assertThat(format(header.getRequestingAgencyId())).isEqualTo("ISIL:CA-OKQ");
        assertThat(header.getMultipleItemRequestId()).isEmpty();
        assertThat(offsetDateTime(header.getTimestamp())).isEqualTo(OffsetDateTime.parse(timestamp));
        assertThat(header.getRequestingAgencyRequestId()).isEqualTo("OKQ-2025-000417");
        assertThat(header.getSupplyingAgencyRequestId()).isEqualTo(supplyingAgencyRequestId);
    }

    private static void assertConfirmationHeader(ConfirmationHeader header, String requestingAgency,
                                                 String requestingAgencyRequestId, String timestampReceived) {
        assertThat(format(header.getSupplyingAgencyId())).isEqualTo("ISIL:CA-QMM");
        assertThat(format(header.getRequestingAgencyId())).isEqualTo("ISIL:" + requestingAgency);
        assertThat(header.getRequestingAgencyRequestId()).isEqualTo(requestingAgencyRequestId);
        assertThat(offsetDateTime(header.getTimestampReceived())).isEqualTo(OffsetDateTime.parse(timestampReceived));
    }
}
