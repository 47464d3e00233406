package org.resourcesharing.borrowing;

import java.time.OffsetDateTime;

import org.resourcesharing.iso18626.Iso18626MessageLog;
import org.resourcesharing.iso18626.Iso18626MessageLog.LenderFigures;
import org.springframework.stereotype.Component;

/**
 * How a lender served us over the last year, from the ISO 18626 message record: the share of our
 * requests it filled (Loaned or CopyCompleted) and the average days from our request to that. Both
 * are unknown (null) below a handful of requests, where a rate would say little. The reports' lender ranking
 * ({@code /api/reports/lender-ranking}) shows the same figures, from the same query, for every lender.
 */
@Component
class LenderStatistics {

    record Record(Double fillRate, Double turnaroundDays) {
    }

    static final int MINIMUM_REQUESTS = 5;

    private final Iso18626MessageLog messageLog;

    LenderStatistics(Iso18626MessageLog messageLog) {
        this.messageLog = messageLog;
    }

    Record of(String lenderId) {
        OffsetDateTime now = OffsetDateTime.now();
        LenderFigures figures = messageLog.lenderFigures(now.minusYears(1), now, lenderId).stream().findFirst().orElse(null);
        if (figures == null || figures.asked() < MINIMUM_REQUESTS) {
            return new Record(null, null);
        }
        Double days = figures.averageDays();
        return new Record((double) figures.filled() / figures.asked(), days == null ? null : Math.round(days * 10) / 10.0);
    }
}
