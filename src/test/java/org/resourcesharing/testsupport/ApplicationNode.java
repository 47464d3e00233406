package org.resourcesharing.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;

/**
 * The packaged application as a library runs it: {@code java -jar} in a process of its own, with the
 * demo data on a PostgreSQL database ({@code demo,postgres} profiles), its own HTTP and mail ports,
 * and its output in {@code target/nodes/<name>.log}. Several nodes may share one database, as a
 * cluster does; a node can be stopped, or killed as by {@code kill -9}, and started again on the same
 * ports.
 */
public final class ApplicationNode implements AutoCloseable {

    private static final Duration STARTUP_PATIENCE = Duration.ofSeconds(420);

    private final String name;
    private final TestDatabase.Jdbc database;
    private final Path copies;
    private final List<String> extraArguments;
    private final int httpPort = freePort();
    private final int smtpPort = freePort();
    private final int imapPort = freePort();
    private Path jar = Path.of(System.getProperty("packagedJar"));
    private List<String> jvmOptions = List.of();
    private Process process;
    private Duration startupTime;

    private ApplicationNode(String name, TestDatabase.Jdbc database, Path copies, List<String> extraArguments) {
        this.name = name;
        this.database = database;
        this.copies = copies;
        this.extraArguments = extraArguments;
    }

    /**
     * Fails the test when PostgreSQL is not named for tests under CI ({@code CI=true}), skips it
     * elsewhere: tests of a cluster or a crash need PostgreSQL itself and the packaged jar.
     */
    public static void requirePostgres() {
        if (!TestDatabase.postgresAvailable()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(TestDatabase.POSTGRES_URL_VARIABLE + " is not set: under CI the PostgreSQL cluster and crash tests must run");
            }
            Assumptions.abort(TestDatabase.POSTGRES_URL_VARIABLE + " is not set: the PostgreSQL cluster and crash tests are skipped");
        }
    }

    /** A node on {@code database}; not started yet. Nodes of one cluster share the copies folder. */
    public static ApplicationNode on(String name, TestDatabase.Jdbc database, Path copies, String... extraArguments) {
        return new ApplicationNode(name, database, copies, List.of(extraArguments));
    }

    /** Runs {@code jar} (the packaged one, or one extracted from it) with {@code jvmOptions}, from its next start on. */
    public ApplicationNode runningJar(Path jar, String... jvmOptions) {
        this.jar = jar;
        this.jvmOptions = List.of(jvmOptions);
        return this;
    }

    /** Starts the jar and waits until its health check says UP. */
    public ApplicationNode start() {
        return start(List.of());
    }

    /** Starts (or starts again, on the same ports) with {@code arguments} added for this start only. */
    public ApplicationNode start(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--spring.profiles.active=demo,postgres",
                "--server.port=" + httpPort,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--resource-sharing.copies.directory=" + copies,
                "--resource-sharing.demo.mail-server.smtp-port=" + smtpPort,
                "--resource-sharing.demo.mail-server.imap-port=" + imapPort,
                "--spring.main.banner-mode=off"));
        command.addAll(extraArguments);
        command.addAll(arguments);
        Path log = Path.of("target", "nodes", name + ".log");
        Instant started = Instant.now();
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (Duration.between(started, Instant.now()).compareTo(STARTUP_PATIENCE) < 0) {
            if (!process.isAlive()) {
                fail("Node " + name + " stopped during start-up with exit code " + process.exitValue() + "; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    startupTime = Duration.between(started, Instant.now());
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(200));
        }
        process.destroyForcibly();
        throw new AssertionError("Node " + name + " was not healthy after " + STARTUP_PATIENCE.toSeconds() + " s; see " + log.toAbsolutePath());
    }

    /** Kills the process at once, as {@code kill -9} does: no shutdown hook, no transaction finished. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** Stops it as an administrator would (SIGTERM): Spring closes the context, the job executor finishes its jobs. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + httpPort + path);
    }

    public int imapPort() {
        return imapPort;
    }

    public String name() {
        return name;
    }

    /** From the process's start to its first healthy answer, the last time it was started. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * What the node holds in memory now: the heap in use right after a full collection (what it
     * needs, as opposed to garbage not yet collected) and the process's resident size, in MiB.
     */
    public String memory() {
        try {
            Process heapInfo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()),
                    "GC.run").redirectErrorStream(true).start();
            heapInfo.waitFor(60, TimeUnit.SECONDS);
            heapInfo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(process.pid()),
                    "GC.heap_info").redirectErrorStream(true).start();
            String info = new String(heapInfo.getInputStream().readAllBytes());
            Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
            String heap = used.find() ? Long.parseLong(used.group(1)) / 1024 + " MiB heap used after a full GC (-Xmx512m)" : "heap unknown";
            String rss = Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:")).map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MiB resident")
                    .findFirst().orElse("resident size unknown");
            return heap + ", " + rss;
        } catch (IOException e) {
            return "memory unknown: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "memory unknown";
        }
    }

    @Override
    public void close() {
        if (isRunning()) {
            stop();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
