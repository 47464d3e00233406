package org.resourcesharing.borrowing;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final JdbcClient jdbc;

    LenderStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Record of(String lenderId) {
        OffsetDateTime since = OffsetDateTime.now().minusYears(1);
        Map<String, OffsetDateTime> asked = new HashMap<>();
        jdbc.sql("""
                select requesting_request_id, created_at from iso18626_message
                where direction = 'OUT' and message_type = 'request' and partner_agency_id = ? and created_at > ?
                """).params(lenderId, since)
                .query(rs -> {
                    asked.putIfAbsent(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                });
        if (asked.size() < MINIMUM_REQUESTS) {
            return new Record(null, null);
        }
        Map<String, OffsetDateTime> filled = new HashMap<>();
        jdbc.sql("""
                select requesting_request_id, created_at from iso18626_message
                where direction = 'IN' and partner_agency_id = ? and message_value in ('Loaned', 'CopyCompleted') and created_at > ?
                order by created_at
                """).params(lenderId, since)
                .query(rs -> {
                    filled.putIfAbsent(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                });
        double days = filled.entrySet().stream().filter(fill -> asked.containsKey(fill.getKey()))
                .mapToDouble(fill -> Duration.between(asked.get(fill.getKey()), fill.getValue()).toMinutes() / (60.0 * 24))
                .average().orElse(Double.NaN);
        long fills = filled.keySet().stream().filter(asked::containsKey).count();
        return new Record((double) fills / asked.size(), Double.isNaN(days) ? null : Math.round(days * 10) / 10.0);
    }
}
