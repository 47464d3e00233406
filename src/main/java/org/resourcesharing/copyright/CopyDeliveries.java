package org.resourcesharing.copyright;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Digital copies sent through interlibrary loan, kept as Copyright Act s.30.2(5.02) requires: the
 * person may use a copy for five business days from the day they first use it.
 *
 * <ul>
 * <li>A copy is usable from its first download to the end (midnight, in the library's time zone) of
 * the fifth business day. The day of the first download is the first of the five when it is a
 * business day; a first download on a weekend or holiday starts the count on the next business day.
 * Weekends and the configured holidays are not business days.</li>
 * <li>Every download is recorded. After expiry the file is deleted and the link answers "gone".</li>
 * <li>A copy nobody opens is deleted after {@code unopened-expiry} (30 days): the law counts from
 * the first use, so an unopened copy would otherwise be kept for ever.</li>
 * <li>The record, not the file, is kept for {@code record-retention} (3 years, SOR/99-325 s.4).</li>
 * </ul>
 */
public class CopyDeliveries {

    static final int BUSINESS_DAYS_OF_USE = 5;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}"); // 32 bytes in URL-safe base64
    private static final String SELECT = """
            select id, token, file_name, page_count, copyright_basis, stored_at, first_access_at, expires_at, file_deleted_at from copy_delivery
            """;

    /** A stored copy: the secret its link carries, the link to send, and the pages it has. */
    public record Delivery(String token, String downloadUrl, int pageCount) {
    }

    /** What a download link leads to now. */
    sealed interface Access permits Available, Gone, Unknown {
    }

    record Available(Path file, String fileName, Instant expiresAt) implements Access {
    }

    /** @param usableUntil the end of the copy's use; null for a copy deleted unopened */
    record Gone(Instant usableUntil) implements Access {
    }

    record Unknown() implements Access {
    }

    /** What staff see of a copy: never its link, whose first use would start the borrower's days. */
    record DeliveryRecord(String fileName, int pageCount, String copyrightBasis, Instant storedAt, Instant firstAccessAt, Instant expiresAt, boolean fileDeleted,
            Instant fileDeletedAt, List<AccessRecord> accesses) {
    }

    record AccessRecord(Instant accessedAt, String remoteAddress) {
    }

    record Purged(int filesDeleted, int recordsDeleted) {
    }

    private record Row(String id, String token, String fileName, int pageCount, String copyrightBasis, Instant storedAt, Instant firstAccessAt, Instant expiresAt,
            Instant fileDeletedAt) {
    }

    private final JdbcClient jdbc;
    private final CopiesProperties properties;
    private final PdfCheck pdfCheck;
    private final Clock clock;
    private final BusinessDays businessDays;

    CopyDeliveries(JdbcClient jdbc, CopiesProperties properties, PdfCheck pdfCheck, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.pdfCheck = pdfCheck;
        this.clock = clock;
        this.businessDays = new BusinessDays(properties.holidays());
    }

    /**
     * Stores a copy made for the request {@code businessKey} and returns its download link. The same
     * file stored again for the same request returns the same delivery, so a retried step sends one
     * link only. {@code copyrightBasis} (what allowed the copy) is kept with the record.
     *
     * @throws IllegalArgumentException when {@code pdf} is not a readable PDF (the message says why)
     */
    public Delivery store(String businessKey, String fileName, byte[] pdf, String copyrightBasis) {
        String digest = StoredFiles.sha256(pdf);
        Optional<Row> existing = jdbc.sql(SELECT + " where business_key = ? and content_sha256 = ?").params(businessKey, digest)
                .query(this::row).optional();
        if (existing.isPresent()) {
            return new Delivery(existing.get().token(), downloadUrl(existing.get().token()), existing.get().pageCount());
        }
        PdfCheck.Result checked = pdfCheck.check(pdf);
        if (!checked.readable()) {
            throw new IllegalArgumentException(checked.problem());
        }
        String id = UUID.randomUUID().toString();
        String token = StoredFiles.newToken();
        Path file = file(id);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, pdf, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the copy in " + file.getParent(), e);
        }
        try {
            jdbc.sql("""
                    insert into copy_delivery (id, token, business_key, content_sha256, file_name, page_count, copyright_basis, stored_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(id, token, businessKey, digest, StoredFiles.displayName(fileName, "copy.pdf"), checked.pageCount(), copyrightBasis, utc(clock.instant())).update();
        } catch (RuntimeException e) {
            // e.g. the same file stored at the same moment by another node: its delivery stands, and a retry finds it
            StoredFiles.deleteQuietly(file, e);
            throw e;
        }
        return new Delivery(token, downloadUrl(token), checked.pageCount());
    }

    /** A download: the first one starts the five business days; one after them deletes the file. */
    @Transactional
    Access open(String token, String remoteAddress) {
        Optional<Row> found = TOKEN.matcher(token).matches() ? byToken(token) : Optional.empty();
        if (found.isEmpty()) {
            return new Unknown();
        }
        Row delivery = found.get();
        Instant now = clock.instant();
        if (delivery.fileDeletedAt() != null) {
            return new Gone(delivery.expiresAt());
        }
        if (delivery.firstAccessAt() == null) {
            if (!now.isBefore(unopenedDeadline(delivery.storedAt()))) {
                deleteFile(delivery.id(), now);
                return new Gone(null);
            }
            // of two first downloads at once, one sets the window and the other reads it
            jdbc.sql("update copy_delivery set first_access_at = ?, expires_at = ? where id = ? and first_access_at is null")
                    .params(utc(now), utc(expiry(now)), delivery.id()).update();
            delivery = byToken(token).orElseThrow();
        }
        if (!now.isBefore(delivery.expiresAt())) {
            deleteFile(delivery.id(), now);
            return new Gone(delivery.expiresAt());
        }
        jdbc.sql("insert into copy_access (id, delivery_id, accessed_at, remote_address) values (?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), delivery.id(), utc(now), remoteAddress).update();
        return new Available(file(delivery.id()), delivery.fileName(), delivery.expiresAt());
    }

    /** The end of the use of a copy first used at {@code firstUse}. */
    private Instant expiry(Instant firstUse) {
        LocalDate lastDay = businessDays.lastOf(BUSINESS_DAYS_OF_USE, LocalDate.ofInstant(firstUse, properties.zone()));
        return lastDay.plusDays(1).atStartOfDay(properties.zone()).toInstant();
    }

    /** Every copy made for a request, oldest first, with every download. */
    List<DeliveryRecord> deliveries(String businessKey) {
        return jdbc.sql(SELECT + " where business_key = ? order by stored_at").param(businessKey).query(this::row).list().stream()
                .map(row -> new DeliveryRecord(row.fileName(), row.pageCount(), row.copyrightBasis(), row.storedAt(), row.firstAccessAt(), row.expiresAt(),
                        row.fileDeletedAt() != null, row.fileDeletedAt(), accesses(row.id())))
                .toList();
    }

    /** Forgets from where the copies of a request were downloaded (README "Retention and privacy"); the downloads' times stay. */
    void forgetDownloaders(String businessKey) {
        jdbc.sql("update copy_access set remote_address = null where delivery_id in (select id from copy_delivery where business_key = ?)")
                .param(businessKey).update();
    }

    /**
     * Deletes the files of copies whose use has ended or that stayed unopened too long, and the
     * records (with their downloads) older than the retention period.
     */
    @Transactional
    Purged purge() {
        Instant now = clock.instant();
        Instant unopenedSince = now.atZone(properties.zone()).minus(properties.unopenedExpiry()).toInstant();
        Instant retainedSince = now.atZone(properties.zone()).minus(properties.recordRetention()).toInstant();
        List<String> ended = jdbc.sql("""
                select id from copy_delivery where file_deleted_at is null
                and (expires_at <= ? or (first_access_at is null and stored_at <= ?) or stored_at <= ?)
                """)
                .params(utc(now), utc(unopenedSince), utc(retainedSince)).query(String.class).list();
        ended.forEach(id -> deleteFile(id, now));
        jdbc.sql("delete from copy_access where delivery_id in (select id from copy_delivery where stored_at <= ?)")
                .param(utc(retainedSince)).update();
        int records = jdbc.sql("delete from copy_delivery where stored_at <= ?").param(utc(retainedSince)).update();
        return new Purged(ended.size(), records);
    }

    private List<AccessRecord> accesses(String deliveryId) {
        return jdbc.sql("select accessed_at, remote_address from copy_access where delivery_id = ? order by accessed_at")
                .param(deliveryId).query((rs, n) -> new AccessRecord(instant(rs, "accessed_at"), rs.getString("remote_address"))).list();
    }

    private Optional<Row> byToken(String token) {
        return jdbc.sql(SELECT + " where token = ?").param(token).query(this::row).optional();
    }

    private Instant unopenedDeadline(Instant storedAt) {
        return storedAt.atZone(properties.zone()).plus(properties.unopenedExpiry()).toInstant();
    }

    private void deleteFile(String id, Instant now) {
        try {
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the copy " + file(id), e);
        }
        jdbc.sql("update copy_delivery set file_deleted_at = ? where id = ? and file_deleted_at is null").params(utc(now), id).update();
    }

    private Path file(String id) {
        return properties.directory().toAbsolutePath().resolve(id + ".pdf");
    }

    private String downloadUrl(String token) {
        return properties.publicBaseUrl().replaceAll("/+$", "") + "/copies/" + token;
    }

    private Row row(ResultSet rs, int rowNumber) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("token"), rs.getString("file_name"), rs.getInt("page_count"),
                rs.getString("copyright_basis"), instant(rs, "stored_at"), instant(rs, "first_access_at"), instant(rs, "expires_at"), instant(rs, "file_deleted_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
