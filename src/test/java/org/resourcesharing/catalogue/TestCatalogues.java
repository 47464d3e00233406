package org.resourcesharing.catalogue;

import java.io.ByteArrayInputStream;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;
import org.marc4j.marc.Record;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** An imported catalogue on a fresh database of its own (H2, or PostgreSQL under RS_TEST_DATABASE=postgres), migrated as in production. */
final class TestCatalogues {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    record Imported(ImportedCatalogue catalogue, JdbcClient jdbc) {

        ImportedCatalogue.ImportSummary importRecords(Record... records) {
            return catalogue.importMarc(new ByteArrayInputStream(TestMarcRecords.export(records)));
        }
    }

    private TestCatalogues() {
    }

    static Imported newImported() {
        TestDatabase.Jdbc database = TestDatabase.create("catalogue" + DATABASES.incrementAndGet());
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        return new Imported(new ImportedCatalogue(jdbc, transactions, HoldingsMapping.koha()), jdbc);
    }
}
