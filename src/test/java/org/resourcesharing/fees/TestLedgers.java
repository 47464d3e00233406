package org.resourcesharing.fees;

import java.util.Currency;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A ledger on a fresh database of its own (H2, or PostgreSQL under RS_TEST_DATABASE=postgres), migrated as in production. */
public final class TestLedgers {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestLedgers() {
    }

    /** Home currency CAD, as the default configuration has it. */
    public static Ledger newLedger() {
        TestDatabase.Jdbc database = TestDatabase.create("ledger" + DATABASES.incrementAndGet());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new Ledger(new PostingStore(JdbcClient.create(dataSource)), new FeesProperties(Currency.getInstance("CAD")));
    }
}
