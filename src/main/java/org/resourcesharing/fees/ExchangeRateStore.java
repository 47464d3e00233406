package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The exchange_rate table. */
@Repository
class ExchangeRateStore {

    enum Saved {
        INSERTED, UPDATED, UNCHANGED
    }

    private final JdbcClient jdbc;

    ExchangeRateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the rate, or replaces the rate of its currency, day and source when the value differs;
     * the same value again changes nothing (not even the import time).
     */
    Saved save(ExchangeRate rate) {
        Optional<BigDecimal> existing = jdbc.sql("""
                select rate from exchange_rate where currency = ? and home_currency = ? and rate_date = ? and source = ?
                """)
                .params(rate.currency(), rate.homeCurrency(), rate.date(), rate.source()).query(BigDecimal.class).optional();
        if (existing.isEmpty()) {
            jdbc.sql("""
                    insert into exchange_rate (currency, home_currency, rate_date, rate, source, imported_at) values (?, ?, ?, ?, ?, ?)
                    """)
                    .params(rate.currency(), rate.homeCurrency(), rate.date(), rate.rate(), rate.source(), rate.importedAt()).update();
            return Saved.INSERTED;
        }
        if (existing.get().compareTo(rate.rate()) == 0) {
            return Saved.UNCHANGED;
        }
        jdbc.sql("""
                update exchange_rate set rate = ?, imported_at = ? where currency = ? and home_currency = ? and rate_date = ? and source = ?
                """)
                .params(rate.rate(), rate.importedAt(), rate.currency(), rate.homeCurrency(), rate.date(), rate.source()).update();
        return Saved.UPDATED;
    }

    /**
     * The rate of the day, or of the last earlier day that has one. When sources differ on a day, the
     * one imported last wins (then the source name, so the choice is always the same).
     */
    Optional<ExchangeRate> latestOnOrBefore(String currency, String homeCurrency, LocalDate day) {
        return jdbc.sql("""
                select * from exchange_rate where currency = ? and home_currency = ? and rate_date <= ?
                order by rate_date desc, imported_at desc, source fetch first 1 rows only
                """)
                .params(currency, homeCurrency, day).query(ExchangeRateStore::rate).optional();
    }

    /** Oldest first; every currency when {@code currency} is null. */
    List<ExchangeRate> list(String currency, String homeCurrency, LocalDate from, LocalDate to) {
        if (currency == null) {
            return jdbc.sql("select * from exchange_rate where home_currency = ? and rate_date between ? and ? order by rate_date, currency, source")
                    .params(homeCurrency, from, to).query(ExchangeRateStore::rate).list();
        }
        return jdbc.sql("""
                select * from exchange_rate where currency = ? and home_currency = ? and rate_date between ? and ? order by rate_date, source
                """)
                .params(currency, homeCurrency, from, to).query(ExchangeRateStore::rate).list();
    }

    private static ExchangeRate rate(ResultSet rs, int row) throws SQLException {
        BigDecimal rate = rs.getBigDecimal("rate").stripTrailingZeros();
        return new ExchangeRate(rs.getString("currency"), rs.getString("home_currency"), rs.getObject("rate_date", LocalDate.class),
                rate.scale() < 0 ? rate.setScale(0) : rate, rs.getString("source"), rs.getObject("imported_at", OffsetDateTime.class));
    }
}
