package org.resourcesharing.copyright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resourcesharing.copyright.CopyDeliveries.Available;
import org.resourcesharing.copyright.CopyDeliveries.Delivery;
import org.resourcesharing.copyright.CopyDeliveries.DeliveryRecord;
import org.resourcesharing.copyright.CopyDeliveries.Gone;
import org.resourcesharing.copyright.CopyDeliveries.Unknown;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Copies on a real database (H2, or PostgreSQL under RS_TEST_DATABASE=postgres) with the
 * application's migrations; each step runs at a fixed time in Toronto. 23 November 2026 is a Monday.
 */
class CopyDeliveriesTest {

    private static final ZoneId TORONTO = ZoneId.of("America/Toronto");
    private static final List<LocalDate> HOLIDAYS = List.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28));
    private static JdbcClient jdbc;

    @TempDir
    Path directory;

    @BeforeAll
    static void migrate() {
        TestDatabase.Jdbc database = TestDatabase.create("copies");
        Flyway.configure().dataSource(database.url(), database.user(), database.password()).load().migrate();
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
    }

    @BeforeEach
    void noCopiesYet() {
        jdbc.sql("delete from copy_access").update();
        jdbc.sql("delete from copy_delivery").update();
    }

    @Test
    void storesTheFileAndReturnsAnUnguessableLink() throws IOException {
        byte[] pdf = TestPdfs.pages(3);

        Delivery delivery = at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-1", "article.pdf", pdf, "Copyright Act s.30.2(1)");
        Delivery other = at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-1", "article.pdf", TestPdfs.pages(3, "Another article"), "Copyright Act s.30.2(1)");

        assertThat(delivery.token()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(other.token());
        assertThat(delivery.downloadUrl()).isEqualTo("https://ill.library.example.edu/copies/" + delivery.token());
        assertThat(delivery.pageCount()).isEqualTo(3);
        assertThat(files()).hasSize(2).anySatisfy(file -> assertThat(Files.readAllBytes(file)).isEqualTo(pdf));
    }

    @Test
    void theSameFileStoredAgainForTheSameRequestIsTheSameDelivery() {
        byte[] pdf = TestPdfs.pages(3);

        Delivery first = at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-2", "article.pdf", pdf, "Copyright Act s.30.2(1)");
        Delivery retried = at("2026-11-23T09:05").store("ISIL:CA-OKQ/QU-2", "article (1).pdf", pdf, "Copyright Act s.30.2(1)");
        Delivery forAnotherRequest = at("2026-11-23T09:10").store("ISIL:CA-QMM/MG-2", "article.pdf", pdf, "Copyright Act s.30.2(1)");

        assertThat(retried).isEqualTo(first);
        assertThat(forAnotherRequest.token()).isNotEqualTo(first.token());
        assertThat(at("2026-11-23T09:15").deliveries("ISIL:CA-OKQ/QU-2")).singleElement()
                .satisfies(record -> assertThat(record.fileName()).isEqualTo("article.pdf"));
        assertThat(files()).hasSize(2);
    }

    @Test
    void onlyAReadablePdfIsStored() {
        assertThatIllegalArgumentException().isThrownBy(() -> at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-3", "notes.pdf", TestPdfs.text(), "Copyright Act s.30.2(1)"))
                .withMessageContaining("not a PDF");
        assertThatIllegalArgumentException().isThrownBy(() -> at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-3", "x.pdf", TestPdfs.encrypted(2), "Copyright Act s.30.2(1)"))
                .withMessageContaining("password");

        assertThat(at("2026-11-23T09:00").deliveries("ISIL:CA-OKQ/QU-3")).isEmpty();
        assertThat(files()).isEmpty();
    }

    @Test
    void theFileNameKeepsNoFolder() {
        at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-4", "C:\\Scans\\..\\QU-4 article.pdf", TestPdfs.pages(1), "Copyright Act s.30.2(1)");

        assertThat(at("2026-11-23T09:00").deliveries("ISIL:CA-OKQ/QU-4")).singleElement()
                .satisfies(record -> assertThat(record.fileName()).isEqualTo("QU-4 article.pdf"));
    }

    @Test
    void aCopyFirstOpenedOnAFridayCanBeUsedToTheEndOfThursday() throws IOException {
        byte[] pdf = TestPdfs.pages(3);
        Delivery delivery = at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-5", "article.pdf", pdf, "Copyright Act s.30.2(1)");

        Available first = (Available) at("2026-11-27T16:00").open(delivery.token(), "192.0.2.10");
        assertThat(Files.readAllBytes(first.file())).isEqualTo(pdf);
        Available lastMinute = (Available) at("2026-12-03T23:59:59").open(delivery.token(), "192.0.2.10");
        Gone after = (Gone) at("2026-12-04T00:00").open(delivery.token(), "198.51.100.7");

        Instant endOfThursday = toronto("2026-12-04T00:00");
        assertThat(first.expiresAt()).isEqualTo(endOfThursday);
        assertThat(first.fileName()).isEqualTo("article.pdf");
        assertThat(lastMinute.expiresAt()).isEqualTo(endOfThursday);
        assertThat(after.usableUntil()).isEqualTo(endOfThursday);
        assertThat(first.file()).doesNotExist();
        assertThat(at("2026-12-05T10:00").open(delivery.token(), "192.0.2.10")).isEqualTo(new Gone(endOfThursday));

        DeliveryRecord record = at("2026-12-05T10:00").deliveries("ISIL:CA-OKQ/QU-5").get(0);
        assertThat(record.firstAccessAt()).isEqualTo(toronto("2026-11-27T16:00"));
        assertThat(record.expiresAt()).isEqualTo(endOfThursday);
        assertThat(record.fileDeleted()).isTrue();
        assertThat(record.fileDeletedAt()).isEqualTo(toronto("2026-12-04T00:00"));
        assertThat(record.accesses()).extracting(CopyDeliveries.AccessRecord::accessedAt)
                .containsExactly(toronto("2026-11-27T16:00"), toronto("2026-12-03T23:59:59")); // a refused download is no use
        assertThat(record.accesses()).extracting(CopyDeliveries.AccessRecord::remoteAddress).containsOnly("192.0.2.10");
    }

    @Test
    void holidaysAndAWeekendStartDoNotCount() {
        Delivery christmas = at("2026-12-21T09:00").store("ISIL:CA-OKQ/QU-6", "article.pdf", TestPdfs.pages(2), "Copyright Act s.30.2(1)");
        Delivery saturday = at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-7", "article.pdf", TestPdfs.pages(2), "Copyright Act s.30.2(1)");

        // 22, 23, 24, (25, 26, 27, 28) 29, 30 December
        assertThat(((Available) at("2026-12-22T08:30").open(christmas.token(), null)).expiresAt()).isEqualTo(toronto("2026-12-31T00:00"));
        // Saturday 28 November: Monday 30 November to Friday 4 December
        assertThat(((Available) at("2026-11-28T22:00").open(saturday.token(), null)).expiresAt()).isEqualTo(toronto("2026-12-05T00:00"));
    }

    @Test
    void anUnknownOrMalformedTokenLeadsNowhere() {
        at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-8", "article.pdf", TestPdfs.pages(1), "Copyright Act s.30.2(1)");

        assertThat(at("2026-11-23T10:00").open("A".repeat(43), null)).isEqualTo(new Unknown());
        assertThat(at("2026-11-23T10:00").open("../../etc/passwd", null)).isEqualTo(new Unknown());
    }

    @Test
    void aCopyNobodyOpensIsDeletedAfterThirtyDays() {
        Delivery opened = at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-9", "article.pdf", TestPdfs.pages(1, "Opened in time"), "Copyright Act s.30.2(1)");
        Delivery neverOpened = at("2026-11-23T09:00").store("ISIL:CA-OKQ/QU-9", "article.pdf", TestPdfs.pages(1, "Opened too late"), "Copyright Act s.30.2(1)");

        assertThat(at("2026-12-23T08:59").open(opened.token(), null)).isInstanceOf(Available.class);
        assertThat(at("2026-12-23T09:00").open(neverOpened.token(), null)).isEqualTo(new Gone(null));
        assertThat(files()).hasSize(1);
    }

    @Test
    void theNightlyPurgeDeletesEndedFilesAndRecordsPastRetention() {
        Delivery oldRecord = at("2023-11-01T10:00").store("ISIL:CA-OKQ/QU-2023", "old.pdf", TestPdfs.pages(1, "Old"), "Copyright Act s.30.2(1)");
        at("2023-11-01T11:00").open(oldRecord.token(), "192.0.2.1");
        Delivery unopened = at("2026-11-05T10:00").store("ISIL:CA-OKQ/QU-10", "unopened.pdf", TestPdfs.pages(1, "Unopened"), "Copyright Act s.30.2(1)");
        Delivery expired = at("2026-11-23T10:00").store("ISIL:CA-OKQ/QU-11", "expired.pdf", TestPdfs.pages(1, "Expired"), "Copyright Act s.30.2(1)");
        at("2026-11-23T11:00").open(expired.token(), "192.0.2.2");
        Delivery inUse = at("2026-12-08T10:00").store("ISIL:CA-OKQ/QU-12", "in-use.pdf", TestPdfs.pages(1, "In use"), "Copyright Act s.30.2(1)");
        at("2026-12-09T11:00").open(inUse.token(), "192.0.2.3");

        CopyDeliveries.Purged purged = at("2026-12-10T03:15").purge();

        assertThat(purged).isEqualTo(new CopyDeliveries.Purged(3, 1));
        assertThat(at("2026-12-10T03:15").deliveries("ISIL:CA-OKQ/QU-2023")).isEmpty();
        assertThat(jdbc.sql("select count(*) from copy_access").query(Integer.class).single()).isEqualTo(2);
        assertThat(at("2026-12-10T03:15").deliveries("ISIL:CA-OKQ/QU-10").get(0).fileDeleted()).isTrue();
        assertThat(at("2026-12-10T03:15").deliveries("ISIL:CA-OKQ/QU-11").get(0).fileDeleted()).isTrue();
        assertThat(at("2026-12-10T03:15").deliveries("ISIL:CA-OKQ/QU-12").get(0).fileDeleted()).isFalse();
        assertThat(files()).hasSize(1);
        assertThat(at("2026-12-10T03:20").purge()).isEqualTo(new CopyDeliveries.Purged(0, 0));
        assertThat(at("2026-12-10T09:00").open(unopened.token(), null)).isEqualTo(new Gone(null));
    }

    private CopyDeliveries at(String torontoTime) {
        CopiesProperties properties = new CopiesProperties(directory, "https://ill.library.example.edu/", TORONTO, HOLIDAYS,
                Period.ofDays(30), Period.ofYears(3));
        return new CopyDeliveries(jdbc, properties, new PdfCheck(), Clock.fixed(toronto(torontoTime), ZoneOffset.UTC));
    }

    private static Instant toronto(String localTime) {
        return LocalDateTime.parse(localTime).atZone(TORONTO).toInstant();
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
