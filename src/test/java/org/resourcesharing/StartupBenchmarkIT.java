package org.resourcesharing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ApplicationNode;
import org.resourcesharing.testsupport.BenchmarkReport;
import org.resourcesharing.testsupport.ClassDataArchive;
import org.resourcesharing.testsupport.TestDatabase;

/**
 * Not a test: prints (and writes to {@code target/benchmarks/startup-postgresql.md}) how long the packaged jar takes
 * from {@code java -jar} to its first healthy answer on PostgreSQL, alone on the machine: the first start (schema,
 * migrations, diagrams and demo data) and a restart, and the heap it holds then; then the same for the jar as the
 * Dockerfile runs it, extracted with a class data archive ({@link ClassDataArchive}). Run with
 * {@code RS_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test ./mvnw verify -Dbenchmarks -Dit.test=StartupBenchmarkIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}; {@code ./mvnw verify} leaves it out.
 */
@Tag("benchmark")
class StartupBenchmarkIT {

    @Test
    void startUpAndRestart() throws Exception {
        ApplicationNode.requirePostgres();
        BenchmarkReport report = new BenchmarkReport("Packaged jar alone on PostgreSQL (-Xmx512m)").row("Start", "To healthy", "Memory");
        startAndRestart(report, "java -jar", node -> node);
        ClassDataArchive archive = ClassDataArchive.prepare(Path.of("target", "startup-extracted"));
        startAndRestart(report, "extracted, with the class data archive", archive::applyTo);
        report.write("startup", "PostgreSQL");
    }

    private static void startAndRestart(BenchmarkReport report, String how, UnaryOperator<ApplicationNode> launch) throws IOException {
        TestDatabase.Jdbc database = TestDatabase.createPostgres("startup");
        Path copies = Files.createTempDirectory("rs-startup-copies-");
        try (ApplicationNode node = launch.apply(ApplicationNode.on("startup", database, copies))) {
            node.start();
            report.row("First, " + how + " (empty database: schema, diagrams, demo data)", seconds(node), node.memory());
            node.stop();
            node.start();
            report.row("Restart, " + how, seconds(node), node.memory());
        }
    }

    private static String seconds(ApplicationNode node) {
        return "%.1f s".formatted(node.startupTime().toMillis() / 1000.0);
    }
}
