package org.resourcesharing.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database a test run uses: in-memory H2 by default (an H2 file under {@code target/h2}, as the application's
 * embedded default is, with {@code -Dbench.h2-file} for benchmarks), or, when {@code RS_TEST_DATABASE=postgres},
 * a fresh PostgreSQL database created on the server named by {@code RS_TEST_POSTGRES_URL} and dropped
 * when the JVM ends, so runs never see each other's data.
 */
public final class TestDatabase {

    public static final String DATABASE_VARIABLE = "RS_TEST_DATABASE";
    public static final String POSTGRES_URL_VARIABLE = "RS_TEST_POSTGRES_URL";
    /** As the application's H2 URL has them (application.yml). */
    private static final String H2_SETTINGS = ";CACHE_SIZE=65536";
    private static final Pattern POSTGRES_URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(.*)");

    public record Jdbc(String url, String user, String password) {
    }

    private TestDatabase() {
    }

    public static boolean isPostgres() {
        return "postgres".equalsIgnoreCase(System.getenv(DATABASE_VARIABLE));
    }

    /** Whether H2 keeps its databases in files ({@code -Dbench.h2-file}), as the application's embedded default does. */
    public static boolean isH2File() {
        return System.getProperty("bench.h2-file") != null;
    }

    /** A new, empty database for one purpose (the plain engine, the application context). */
    public static synchronized Jdbc create(String purpose) {
        if (!isPostgres()) {
            if (isH2File()) {
                return new Jdbc("jdbc:h2:file:./target/h2/rs-" + purpose + "-" + UUID.randomUUID() + H2_SETTINGS, "sa", "");
            }
            return new Jdbc("jdbc:h2:mem:rs-" + purpose + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS, "sa", "");
        }
        return createPostgres(purpose);
    }

    /** Whether a PostgreSQL server is named for tests ({@code RS_TEST_POSTGRES_URL}), whatever {@code RS_TEST_DATABASE} says. */
    public static boolean postgresAvailable() {
        String serverUrl = System.getenv(POSTGRES_URL_VARIABLE);
        return serverUrl != null && !serverUrl.isBlank();
    }

    /** A new, empty PostgreSQL database on the server {@code RS_TEST_POSTGRES_URL} names, for tests that need PostgreSQL itself. */
    public static synchronized Jdbc createPostgres(String purpose) {
        String serverUrl = System.getenv(POSTGRES_URL_VARIABLE);
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new IllegalStateException("Tests on PostgreSQL need " + POSTGRES_URL_VARIABLE
                    + ", e.g. jdbc:postgresql://127.0.0.1:5432/test");
        }
        Matcher url = POSTGRES_URL.matcher(serverUrl);
        if (!url.matches()) {
            throw new IllegalStateException(POSTGRES_URL_VARIABLE + " is not a jdbc:postgresql://host:port/database URL: " + serverUrl);
        }
        String user = System.getenv().getOrDefault("RS_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("RS_TEST_POSTGRES_PASSWORD", "");
        String name = "rs_test_" + purpose.replaceAll("\\W", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute(serverUrl, user, password, "CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(serverUrl, user, password, name)));
        return new Jdbc(url.group(1) + name + url.group(3), user, password);
    }

    /**
     * Runs beside the hooks that close the engine and the Spring context: waits for their
     * connections to go rather than cutting them (a cut pool retries for its full timeout).
     */
    private static void drop(String serverUrl, String user, String password, String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                execute(serverUrl, user, password, "DROP DATABASE IF EXISTS " + name);
                return;
            } catch (IllegalStateException stillInUse) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
        execute(serverUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " refused '" + sql + "': " + e.getMessage(), e);
        }
    }
}
