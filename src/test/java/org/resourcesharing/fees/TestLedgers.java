package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * A ledger on a fresh database of its own (H2, or PostgreSQL under RS_TEST_DATABASE=postgres), migrated
 * as in production, with its exchange rates and converter: the configuration of application.yml.
 */
public final class TestLedgers {

    /** The rates {@link #newLedger()} has on every day of the last two weeks: CAD per unit. */
    public static final BigDecimal USD_RATE = new BigDecimal("1.4012");
    public static final BigDecimal EUR_RATE = new BigDecimal("1.6150");
    public static final BigDecimal JPY_RATE = new BigDecimal("0.009061");

    private static final AtomicInteger DATABASES = new AtomicInteger();
    static final ZoneId ZONE = ZoneId.of("America/Toronto");

    private TestLedgers() {
    }

    /** A ledger, its exchange rates and its converter, on one database, with transactions on it. */
    record TestLedger(Ledger ledger, ExchangeRates rates, ExchangeRateConverter converter, JdbcClient jdbc, TransactionTemplate transactions) {

        /** The same ledger (same database, rates and converter) whose "now" is another clock's. */
        Ledger at(Clock clock) {
            FeesProperties properties = properties("");
            PaymentUnits units = new PaymentUnits(properties.iflaVouchers());
            return new Ledger(new PostingStore(jdbc, units), units, converter, properties, clock);
        }

        /** Imports the rates of a Valet JSON file as an upload does. */
        ExchangeRates.ImportSummary load(TestRates valet) {
            return rates.importValet(valet.json().getBytes(java.nio.charset.StandardCharsets.UTF_8), ValetFile.Format.JSON);
        }
    }

    /**
     * Home currency CAD, as the default configuration has it, and rates for USD, EUR and JPY (above) on
     * every day of the last two weeks, so that postings in those currencies are converted.
     */
    public static Ledger newLedger() {
        return withRates().ledger();
    }

    /** As {@link #newLedger()}, with its rates, converter and database. */
    static TestLedger withRates() {
        TestLedger ledger = withoutRates(Clock.systemUTC());
        LocalDate today = LocalDate.now(ZONE);
        TestRates rates = new TestRates();
        for (LocalDate day = today.minusDays(14); !day.isAfter(today.plusDays(1)); day = day.plusDays(1)) {
            rates.on(day, "FXUSDCAD", USD_RATE.toPlainString()).on(day, "FXEURCAD", EUR_RATE.toPlainString())
                    .on(day, "FXJPYCAD", JPY_RATE.toPlainString());
        }
        ledger.load(rates);
        return ledger;
    }

    /** A ledger on a database without exchange rates, whose "now" is the clock's. */
    static TestLedger withoutRates(Clock clock) {
        TestDatabase.Jdbc database = TestDatabase.create("ledger" + DATABASES.incrementAndGet());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        FeesProperties properties = properties("");
        PaymentUnits units = new PaymentUnits(properties.iflaVouchers());
        ExchangeRateStore store = new ExchangeRateStore(jdbc);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        ExchangeRates rates = new ExchangeRates(store, transactions, properties, clock);
        ExchangeRateConverter converter = new ExchangeRateConverter(store, units, properties);
        return new TestLedger(new Ledger(new PostingStore(jdbc, units), units, converter, properties, clock), rates, converter, jdbc,
                transactions);
    }

    /** As application.yml has them, with the given import URL. */
    static FeesProperties properties(String importUrl) {
        return new FeesProperties(Currency.getInstance("CAD"), ZONE,
                new FeesProperties.Rates(Period.ofDays(7), "Bank of Canada", importUrl, "0 0 17 * * MON-FRI", Duration.ofSeconds(2),
                        Duration.ofSeconds(5), DataSize.ofMegabytes(5), "fees/demo-rates.json"),
                new FeesProperties.IflaVouchers("XIV", new BigDecimal("8.00"), Currency.getInstance("EUR"), new BigDecimal("0.5")),
                new FeesProperties.Invoicing(List.of("Trent University Library", "Interlibrary Loan"),
                        "Payment within 30 days, quoting the invoice number."));
    }
}
