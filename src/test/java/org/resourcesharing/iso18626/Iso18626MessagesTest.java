package org.resourcesharing.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.resourcesharing.iso18626.Iso18626Messages.agencyId;
import static org.resourcesharing.iso18626.Iso18626Messages.dateTime;
import static org.resourcesharing.iso18626.Iso18626Messages.format;
import static org.resourcesharing.iso18626.Iso18626Messages.offsetDateTime;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resourcesharing.iso18626.model.ConfirmationHeader;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.iso18626.model.Request;
import org.resourcesharing.iso18626.model.TypeAgencyId;
import org.resourcesharing.iso18626.model.TypeMessageStatus;
import org.resourcesharing.iso18626.model.TypeServiceType;

class Iso18626MessagesTest {

    private static final OffsetDateTime SENT = OffsetDateTime.parse("2025-03-04T14:05:00-05:00");

    @Test
    void agencyIdsInTheirConfigurationForm() {
        TypeAgencyId queens = agencyId("ISIL:CA-OKQ");
        TypeAgencyId symbol = agencyId("OCLC:ABC:1");

        assertThat(queens.getAgencyIdType().getValue()).isEqualTo("ISIL");
        assertThat(queens.getAgencyIdValue()).isEqualTo("CA-OKQ");
        assertThat(format(queens)).isEqualTo("ISIL:CA-OKQ");
        assertThat(format(agencyId("ISIL", "US-WAU"))).isEqualTo("ISIL:US-WAU");
        assertThat(symbol.getAgencyIdValue()).isEqualTo("ABC:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"CA-OKQ", ":CA-OKQ", "ISIL:"})
    void anAgencyIdWithoutTypeOrValueIsRefused(String malformed) {
        assertThatIllegalArgumentException().isThrownBy(() -> agencyId(malformed))
                .withMessage("agency id must look like ISIL:CA-OKQ, not " + malformed);
    }

    @Test
    void headersAlwaysCarryTheMultipleItemRequestIdThatVersionOneTwoRequires() {
        Header header = Iso18626Messages.header(agencyId("ISIL:CA-QMM"), agencyId("ISIL:CA-OKQ"), "OKQ-2025-000417", null, SENT);

        assertThat(header.getMultipleItemRequestId()).isEmpty();
        assertThat(header.getSupplyingAgencyRequestId()).isNull();
        assertThat(header.getTimestamp().toXMLFormat()).isEqualTo("2025-03-04T14:05:00-05:00");
    }

    @Test
    void dateTimesKeepTheirOffsetAndPrecision() {
        OffsetDateTime withMillis = OffsetDateTime.parse("2025-11-02T01:30:15.250+05:30");

        assertThat(dateTime(withMillis).toXMLFormat()).isEqualTo("2025-11-02T01:30:15.25+05:30");
        assertThat(offsetDateTime(dateTime(withMillis))).isEqualTo(withMillis);
        assertThat(dateTime(null)).isNull();
        assertThat(offsetDateTime(null)).isNull();
    }

    @Test
    void aPeersTimeWithoutZoneIsReadAsUtc() {
        var zoneless = DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar("2025-03-04T19:05:00");

        assertThat(offsetDateTime(zoneless)).isEqualTo(OffsetDateTime.parse("2025-03-04T19:05:00Z"));
        assertThat(zoneless.toXMLFormat()).isEqualTo("2025-03-04T19:05:00");
    }

    @Test
    void aRequestLeavesOutWhatIsUnknown() {
        Header header = Iso18626Messages.header(agencyId("ISIL:CA-QMM"), agencyId("ISIL:CA-OKQ"), "OKQ-2025-000418", null, SENT);

        Request request = Iso18626Messages.request(header, TypeServiceType.COPY_OR_LOAN, "Braiding Sweetgrass", null, null).getRequest();

        assertThat(request.getBibliographicInfo().getTitle()).isEqualTo("Braiding Sweetgrass");
        assertThat(request.getBibliographicInfo().getAuthor()).isNull();
        assertThat(request.getBibliographicInfo().getBibliographicItemId()).isEmpty();
        assertThat(request.getPublicationInfo()).isNull();
        assertThat(request.getServiceInfo().getServiceType()).isEqualTo(TypeServiceType.COPY_OR_LOAN);
    }

    @Test
    void aConfirmationCopiesTheIncomingHeaderWithoutSharingIt() {
        Header incoming = Iso18626Messages.header(agencyId("ISIL:CA-QMM"), agencyId("ISIL:CA-OKQ"), "OKQ-2025-000417", null, SENT);
        incoming.getRequestingAgencyId().getAgencyIdType().setScheme("http://illtransactions.org/ISO18626/OpenCodeList/AgencyIdTypeList-V1.1");
        OffsetDateTime received = SENT.plusSeconds(1);
        OffsetDateTime before = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);

        ISO18626Message message = Iso18626Messages.requestConfirmation(incoming, received, null, "ignored without an error");

        ConfirmationHeader header = message.getRequestConfirmation().getConfirmationHeader();
        assertThat(format(header.getSupplyingAgencyId())).isEqualTo("ISIL:CA-QMM");
        assertThat(format(header.getRequestingAgencyId())).isEqualTo("ISIL:CA-OKQ");
        assertThat(header.getRequestingAgencyId()).isNotSameAs(incoming.getRequestingAgencyId());
        assertThat(header.getRequestingAgencyId().getAgencyIdType().getScheme())
                .isEqualTo("http://illtransactions.org/ISO18626/OpenCodeList/AgencyIdTypeList-V1.1");
        assertThat(header.getRequestingAgencyRequestId()).isEqualTo("OKQ-2025-000417");
        assertThat(offsetDateTime(header.getTimestampReceived())).isEqualTo(received);
        assertThat(offsetDateTime(header.getTimestamp())).isBetween(before, OffsetDateTime.now());
        assertThat(header.getMessageStatus()).isEqualTo(TypeMessageStatus.OK);
        assertThat(message.getRequestConfirmation().getErrorData()).isNull();
        assertThat(message.getVersion()).isEqualTo("1.2");
    }
}
