package org.resourcesharing.copyright.permission;

import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A decision log on a fresh database of its own (H2, or PostgreSQL under RS_TEST_DATABASE=postgres), migrated as in production. */
final class TestCopyrightDecisions {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestCopyrightDecisions() {
    }

    static CopyrightDecisions newLog() {
        TestDatabase.Jdbc database = TestDatabase.create("copyright" + DATABASES.incrementAndGet());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new CopyrightDecisions(JdbcClient.create(dataSource));
    }
}
