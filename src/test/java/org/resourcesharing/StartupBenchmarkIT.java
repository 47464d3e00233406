package org.resourcesharing;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ApplicationNode;
import org.resourcesharing.testsupport.BenchmarkReport;
import org.resourcesharing.testsupport.TestDatabase;

/**
 * Not a test: prints (and writes to {@code target/benchmarks/startup-postgresql.md}) how long the packaged jar takes
 * from {@code java -jar} to its first healthy answer on PostgreSQL, alone on the machine: the first start (schema,
 * migrations, diagrams and demo data) and a restart, and the heap it holds then. Run with
 * {@code RS_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test ./mvnw verify -Dbenchmarks -Dit.test=StartupBenchmarkIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}; {@code ./mvnw verify} leaves it out.
 */
@Tag("benchmark")
class StartupBenchmarkIT {

    @Test
    void startUpAndRestart() throws Exception {
        ApplicationNode.requirePostgres();
        TestDatabase.Jdbc database = TestDatabase.createPostgres("startup");
        Path copies = Files.createTempDirectory("rs-startup-copies-");
        BenchmarkReport report = new BenchmarkReport("Packaged jar alone on PostgreSQL (-Xmx512m)").row("Start", "To healthy", "Memory");
        try (ApplicationNode node = ApplicationNode.on("startup", database, copies)) {
            node.start();
            report.row("First (empty database: schema, diagrams, demo data)", "%.1f s".formatted(node.startupTime().toMillis() / 1000.0), node.memory());
            node.stop();
            node.start();
            report.row("Restart", "%.1f s".formatted(node.startupTime().toMillis() / 1000.0), node.memory());
        }
        report.write("startup", "PostgreSQL");
    }
}
