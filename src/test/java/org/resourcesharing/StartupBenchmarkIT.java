package org.resourcesharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ApplicationNode;
import org.resourcesharing.testsupport.BenchmarkReport;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.util.FileSystemUtils;

/**
 * Not a test: prints (and writes to {@code target/benchmarks/startup-postgresql.md}) how long the packaged jar takes
 * from {@code java -jar} to its first healthy answer on PostgreSQL, alone on the machine: the first start (schema,
 * migrations, diagrams and demo data) and a restart, and the heap it holds then; then the same for the jar as the
 * Dockerfile runs it: extracted, with a class data archive of a training run (Spring Boot's CDS). Run with
 * {@code RS_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test ./mvnw verify -Dbenchmarks -Dit.test=StartupBenchmarkIT
 * -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}; {@code ./mvnw verify} leaves it out.
 */
@Tag("benchmark")
class StartupBenchmarkIT {

    private static final Path EXTRACTED = Path.of("target", "startup-extracted");

    @Test
    void startUpAndRestart() throws Exception {
        ApplicationNode.requirePostgres();
        BenchmarkReport report = new BenchmarkReport("Packaged jar alone on PostgreSQL (-Xmx512m)").row("Start", "To healthy", "Memory");
        startAndRestart(report, "java -jar", node -> node);
        Path archive = EXTRACTED.resolve("application.jsa").toAbsolutePath();
        Path jar = extractWithClassDataArchive(archive);
        startAndRestart(report, "extracted, with the class data archive", node -> node.runningJar(jar, "-XX:SharedArchiveFile=" + archive));
        report.write("startup", "PostgreSQL");
    }

    private static void startAndRestart(BenchmarkReport report, String how, UnaryOperator<ApplicationNode> launch)
            throws IOException {
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

    /**
     * As the Dockerfile does: the jar extracted ({@code -Djarmode=tools extract}), then a training run that refreshes the
     * context on the demo's H2 database and writes the classes it loaded to {@code archive} as it exits.
     */
    private static Path extractWithClassDataArchive(Path archive) throws IOException, InterruptedException {
        FileSystemUtils.deleteRecursively(EXTRACTED);
        Files.createDirectories(EXTRACTED);
        Files.copy(Path.of(System.getProperty("packagedJar")), EXTRACTED.resolve("app.jar"));
        run(EXTRACTED, "-Djarmode=tools", "-jar", "app.jar", "extract", "--destination", "application");
        Path jar = EXTRACTED.resolve("application").resolve("app.jar").toAbsolutePath();
        run(EXTRACTED, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", jar.toString());
        assertThat(archive).as("the class data archive of the training run").isNotEmptyFile();
        return jar;
    }

    private static void run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("run.log").toFile())).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s within 5 minutes", command).isTrue();
        assertThat(process.exitValue()).as("%s (see %s)", command, directory.resolve("run.log").toAbsolutePath()).isZero();
    }
}
