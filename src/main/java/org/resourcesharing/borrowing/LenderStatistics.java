package org.resourcesharing.borrowing;

import java.time.OffsetDateTime;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.resourcesharing.iso18626.Iso18626MessageLog;
import org.resourcesharing.iso18626.Iso18626MessageLog.LenderFigures;
import org.springframework.stereotype.Component;

/**
 * How a lender served us over the last year, from the ISO 18626 message record: the share of our
 * requests it filled (Loaned or CopyCompleted) and the average days from our request to that. Both
 * are unknown (null) below a handful of requests, where a rate would say little. Figures over a year hardly move
 * in minutes, so each lender's are kept for {@code lender-figures-max-age} rather than read from the growing message log
 * for every request (that read was the borrowing path's largest cost). The reports' lender ranking
 * ({@code /api/reports/lender-ranking}) shows the same figures, from the same query, for every lender.
 */
@Component
class LenderStatistics {

    record Record(Double fillRate, Double turnaroundDays) {
    }

    static final int MINIMUM_REQUESTS = 5;

    private final Iso18626MessageLog messageLog;
    private final LoadingCache<String, Record> recent;

    LenderStatistics(Iso18626MessageLog messageLog, BorrowingProperties properties) {
        this.messageLog = messageLog;
        this.recent = Caffeine.newBuilder().expireAfterWrite(properties.lenderFiguresMaxAge()).maximumSize(10_000).build(this::read);
    }

    Record of(String lenderId) {
        return recent.get(lenderId);
    }

    private Record read(String lenderId) {
        OffsetDateTime now = OffsetDateTime.now();
        LenderFigures figures = messageLog.lenderFigures(now.minusYears(1), now, lenderId).stream().findFirst().orElse(null);
        if (figures == null || figures.asked() < MINIMUM_REQUESTS) {
            return new Record(null, null);
        }
        Double days = figures.averageDays();
        return new Record((double) figures.filled() / figures.asked(), days == null ? null : Math.round(days * 10) / 10.0);
    }
}
