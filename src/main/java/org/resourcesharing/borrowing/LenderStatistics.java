package org.resourcesharing.borrowing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.resourcesharing.iso18626.Iso18626MessageLog;
import org.resourcesharing.iso18626.Iso18626MessageLog.Asked;
import org.springframework.stereotype.Component;

/**
 * How a lender served us over the last year, from the ISO 18626 message record: the share of our
 * requests it filled (Loaned or CopyCompleted) and the average days from our request to that. Both
 * are unknown (null) below a handful of requests, where a rate would say little.
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
        List<Asked> asked = messageLog.askedOf(lenderId, OffsetDateTime.now().minusYears(1));
        if (asked.size() < MINIMUM_REQUESTS) {
            return new Record(null, null);
        }
        List<Asked> filled = asked.stream().filter(request -> request.filledAt() != null).toList();
        double days = filled.stream().mapToDouble(request -> Duration.between(request.askedAt(), request.filledAt()).toMinutes() / (60.0 * 24))
                .average().orElse(Double.NaN);
        return new Record((double) filled.size() / asked.size(), Double.isNaN(days) ? null : Math.round(days * 10) / 10.0);
    }
}
