package org.resourcesharing.copyright;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.flywaydb.core.Flyway;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Copy deliveries for tests outside this package: a fresh migrated database, files in the given folder, a clock of the test's choosing. */
public final class TestCopyDeliveries {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");

    private TestCopyDeliveries() {
    }

    public static CopyDeliveries create(String name, Path directory, Clock clock) {
        TestDatabase.Jdbc database = TestDatabase.create(name);
        Flyway.configure().dataSource(database.url(), database.user(), database.password()).load().migrate();
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        CopiesProperties properties = new CopiesProperties(directory, "https://ill.library.example.edu/", TORONTO, List.of(),
                Period.ofDays(30), Period.ofYears(3));
        return new CopyDeliveries(jdbc, properties, new PdfCheck(), clock);
    }

    /** The patron opens the link now: until when the copy may be used, or empty when the link leads to nothing any more. */
    public static Optional<Instant> open(CopyDeliveries deliveries, String token) {
        return deliveries.open(token, "192.0.2.10") instanceof CopyDeliveries.Available available
                ? Optional.of(available.expiresAt()) : Optional.empty();
    }

    /** What allowed the copies of a request, as their records keep it. */
    public static List<String> copyrightBases(CopyDeliveries deliveries, String businessKey) {
        return deliveries.deliveries(businessKey).stream().map(CopyDeliveries.DeliveryRecord::copyrightBasis).toList();
    }
}
