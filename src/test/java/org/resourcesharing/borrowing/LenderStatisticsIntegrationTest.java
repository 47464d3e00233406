package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A lender's fill rate and turnaround, as the lender selection table gets them, from the ISO 18626 message record. */
@ResourceSharingIntegrationTest
class LenderStatisticsIntegrationTest {

    @Autowired
    LenderStatistics statistics;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aLenderAskedOftenEnoughHasItsShareOfFilledRequestsAndItsAverageDaysToShip() {
        String lender = "ISIL:CA-STAT" + UUID.randomUUID().toString().substring(0, 6);
        OffsetDateTime asked = OffsetDateTime.now().minusDays(30);
        for (int n = 1; n <= 5; n++) {
            message("OUT", lender, "R-" + lender + n, "request", "Loan", asked);
        }
        for (int n = 1; n <= 4; n++) {
            message("IN", lender, "R-" + lender + n, "supplyingAgencyMessage", "WillSupply", asked.plusDays(1));
            message("IN", lender, "R-" + lender + n, "supplyingAgencyMessage", n <= 2 ? "Loaned" : "CopyCompleted", asked.plusDays(n));
        }
        message("IN", lender, "R-" + lender + 5, "supplyingAgencyMessage", "Unfilled", asked.plusDays(1));
        message("OUT", lender, "R-OLD", "request", "Loan", OffsetDateTime.now().minusYears(2));
        // requests still waiting for the lender say nothing yet about its fill rate
        for (int n = 1; n <= 10; n++) {
            message("OUT", lender, "R-OPEN-" + lender + n, "request", "Loan", OffsetDateTime.now().minusHours(1));
        }

        LenderStatistics.Record record = statistics.of(lender);

        assertThat(record.fillRate()).isEqualTo(0.8);
        assertThat(record.turnaroundDays()).isEqualTo(2.5); // 1, 2, 3 and 4 days
    }

    @Test
    void aLenderAskedOnlyAFewTimesHasNoFiguresYet() {
        String lender = "ISIL:CA-FEW" + UUID.randomUUID().toString().substring(0, 6);
        for (int n = 1; n < LenderStatistics.MINIMUM_REQUESTS; n++) {
            message("OUT", lender, "R-" + lender + n, "request", "Loan", OffsetDateTime.now().minusDays(3));
        }

        assertThat(statistics.of(lender)).isEqualTo(new LenderStatistics.Record(null, null));
    }

    @Test
    void aLendersFiguresAreReadOnceAndKeptForTheirMaximumAge() {
        String lender = "ISIL:CA-KEPT" + UUID.randomUUID().toString().substring(0, 6);
        OffsetDateTime asked = OffsetDateTime.now().minusDays(10);
        for (int n = 1; n <= 5; n++) {
            message("OUT", lender, "R-" + lender + n, "request", "Loan", asked);
            message("IN", lender, "R-" + lender + n, "supplyingAgencyMessage", "Loaned", asked.plusDays(2));
        }
        LenderStatistics.Record read = statistics.of(lender);

        message("OUT", lender, "R-" + lender + 6, "request", "Loan", asked);
        message("IN", lender, "R-" + lender + 6, "supplyingAgencyMessage", "Unfilled", asked.plusDays(1));

        assertThat(read).isEqualTo(new LenderStatistics.Record(1.0, 2.0));
        assertThat(statistics.of(lender)).as("within lender-figures-max-age (10 minutes)").isEqualTo(read);
    }

    private void message(String direction, String lender, String requestId, String type, String value, OffsetDateTime at) {
        jdbc.sql("""
                insert into iso18626_message (id, direction, partner_agency_id, requesting_request_id, message_type, message_value, outcome, created_at)
                values (?, ?, ?, ?, ?, ?, 'SENT', ?)
                """).params(UUID.randomUUID().toString(), direction, lender, requestId, type, value, at).update();
    }
}
