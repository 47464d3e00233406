package org.resourcesharing.borrowing;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The table of borrowing requests (V6__borrowing.sql): request numbers, status page tokens, and who asked for what. */
final class BorrowingRequests {

    private static final int TOKEN_BYTES = 32;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}"); // 32 bytes in URL-safe base64

    /** A new row: the patron's data and what the status page shows. */
    record NewRequest(String patronId, String patronName, String patronEmail, String patronType, ServiceType serviceType, String title,
            String channel, Instant createdAt) {
    }

    /** What the status page may show: nothing about the patron. */
    record StoredRequest(String requestNumber, String businessKey, ServiceType serviceType, String title, Instant createdAt) {
    }

    /** @param statusToken the status page's secret */
    record Numbered(String requestNumber, String statusToken) {
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    BorrowingRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the request under the next request number, which is also the process's business key. */
    Numbered insert(NewRequest request) {
        long number = jdbc.sql("select nextval('borrowing_request_number')").query(Long.class).single();
        String requestNumber = "B-%06d".formatted(number);
        String token = newToken();
        jdbc.sql("""
                insert into borrowing_request (id, request_number, business_key, status_token, patron_id, patron_name, patron_email,
                    patron_type, service_type, title, channel, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(UUID.randomUUID().toString(), requestNumber, requestNumber, token, request.patronId(), request.patronName(),
                        request.patronEmail(), request.patronType(), request.serviceType().name(), request.title(), request.channel(),
                        OffsetDateTime.ofInstant(request.createdAt(), ZoneOffset.UTC))
                .update();
        return new Numbered(requestNumber, token);
    }

    /** The business keys (request numbers) of a patron's requests, open or finished, while the patron's data is kept; by ix_borrowing_request_patron. */
    List<String> requestNumbersOf(String patronId) {
        return jdbc.sql("select business_key from borrowing_request where patron_id = ?").param(patronId).query(String.class).list();
    }

    /** Forgets who asked (README "Retention and privacy"); what was asked for, how and when stays for statistics. */
    void erasePatron(String businessKey, Instant erasedAt) {
        jdbc.sql("update borrowing_request set patron_id = null, patron_name = null, patron_email = null, personal_data_erased_at = ? where business_key = ?")
                .params(OffsetDateTime.ofInstant(erasedAt, ZoneOffset.UTC), businessKey).update();
    }

    Optional<StoredRequest> byStatusToken(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select request_number, business_key, service_type, title, created_at from borrowing_request where status_token = ?")
                .param(token)
                .query((row, number) -> new StoredRequest(row.getString("request_number"), row.getString("business_key"),
                        ServiceType.valueOf(row.getString("service_type")), row.getString("title"),
                        row.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
