package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Waivers and the ledger they post to, on a fresh database of their own migrated as in production (as {@link TestLedgers}). */
record TestWaivers(Ledger ledger, Waivers waivers) {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** Home currency CAD; staff may waive up to CAD {@code staffLimit}. */
    static TestWaivers withStaffLimit(String staffLimit) {
        TestDatabase.Jdbc database = TestDatabase.create("waivers" + DATABASES.incrementAndGet());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        PostingStore store = new PostingStore(JdbcClient.create(dataSource));
        Ledger ledger = new Ledger(store, new FeesProperties(Currency.getInstance("CAD")));
        return new TestWaivers(ledger, new Waivers(ledger, store, new WaiverProperties(new BigDecimal(staffLimit), Currency.getInstance("CAD"))));
    }
}
