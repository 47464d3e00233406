package org.resourcesharing.copyright.permission;

import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** A decision log on a fresh database of its own (H2, or PostgreSQL under RS_TEST_DATABASE=postgres), migrated as in production. */
final class TestCopyrightDecisions {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestCopyrightDecisions() {
    }

    /** The log, its database and its transactions, for steps that run in transactions of their own as process steps do. */
    record Database(CopyrightDecisions log, JdbcClient jdbc, TransactionTemplate transactions) {
    }

    static CopyrightDecisions newLog() {
        return newDatabase().log();
    }

    static Database newDatabase() {
        TestDatabase.Jdbc database = TestDatabase.create("copyright" + DATABASES.incrementAndGet());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        return new Database(new CopyrightDecisions(jdbc, transactions), jdbc, new TransactionTemplate(transactions));
    }
}
