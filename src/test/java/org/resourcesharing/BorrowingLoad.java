package org.resourcesharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.MessagingException;
import org.resourcesharing.testsupport.ApplicationNode;
import org.resourcesharing.testsupport.TestDatabase;

/**
 * Borrowing requests sent to running nodes over the REST API, and what the shared database and the
 * nodes' mail servers show of them: for the tests of a cluster and of a crash. Every request asks for
 * a book only our Durham agency can lend (the demo's other holders are made inactive), from a patron
 * of its own, so the automated path is the same for each: intake, the lender rota, the ISO 18626
 * Request to Durham over HTTP, Durham's lending process waiting for staff.
 */
final class BorrowingLoad {

    static final String LENDER = "ISIL:CA-OODT";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request the API accepted (201), with the node that accepted it. */
    record Accepted(String requestNumber, String patronEmail, String node) {
    }

    /** What a burst of requests came to: the ones accepted, and how many calls got no 201 answer. */
    record Burst(List<Accepted> accepted, int unanswered) {
    }

    private final TestDatabase.Jdbc database;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BorrowingLoad(TestDatabase.Jdbc database) {
        this.database = database;
    }

    /**
     * Makes Durham the only lender of the test's book, answering within {@code answerTimeout} (after
     * which the borrowing process cancels and ends its rota).
     */
    void onlyDurhamLends(ApplicationNode node, String answerTimeout) throws Exception {
        updatePartner(node, LENDER, partner -> partner.put("answerTimeout", answerTimeout));
        for (String other : List.of("ISIL:CA-OKQ", "ISIL:CA-QMM")) {
            updatePartner(node, other, partner -> partner.put("active", false));
        }
    }

    private void updatePartner(ApplicationNode node, String agencyId, java.util.function.Consumer<ObjectNode> change) throws Exception {
        JsonNode stored = JSON.readTree(send(node, "GET", "/api/partners/" + agencyId, null, "max:demo").body());
        ObjectNode form = JSON.createObjectNode();
        for (String field : List.of("name", "own", "emailOnly", "endpointUrl", "email", "tier", "currency", "lendingFee", "answerTimeout", "active")) {
            form.set(field, stored.get(field));
        }
        change.accept(form);
        HttpResponse<String> saved = send(node, "PUT", "/api/partners/" + agencyId, form.toString(), "max:demo");
        assertThat(saved.statusCode()).as("PUT partner %s: %s", agencyId, saved.body()).isEqualTo(200);
    }

    /** Sends {@code count} requests from {@code threads} clients, request {@code i} to node {@code nodeOf(i)}. */
    Burst submit(int count, int threads, String patronPrefix, IntFunction<ApplicationNode> nodeOf) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Accepted>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                calls.add(clients.submit(() -> submitOne(nodeOf.apply(number), patronPrefix + number)));
            }
            List<Accepted> accepted = new ArrayList<>();
            int unanswered = 0;
            for (Future<Accepted> call : calls) {
                Accepted one = call.get();
                if (one == null) {
                    unanswered++;
                } else {
                    accepted.add(one);
                }
            }
            return new Burst(accepted, unanswered);
        } finally {
            clients.shutdownNow();
        }
    }

    /** The request number, or null when the node gave no 201 (refused, or gone: a node killed mid-call). */
    private Accepted submitOne(ApplicationNode node, String patron) {
        String email = patron + "@trentu.example.ca";
        String body = """
                {"patronId": "%s", "patronName": "Patron %s", "patronEmail": "%s", "patronType": "graduate", "serviceType": "Loan",
                 "title": "The patriots and the people", "isbn": "9780802037893"}""".formatted(patron, patron, email);
        try {
            HttpResponse<String> answer = send(node, "POST", "/api/borrowing-requests", body, "bella:demo");
            if (answer.statusCode() != 201) {
                return null;
            }
            return new Accepted(JSON.readTree(answer.body()).get("requestNumber").asText(), email, node.name());
        } catch (IOException gone) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    HttpResponse<String> send(ApplicationNode node, String method, String path, String json, String credentials)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits until {@code condition} holds, or fails naming what the engine is stuck on. */
    void await(String what, Duration patience, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(patience);
        while (Instant.now().isBefore(giveUp)) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Gave up waiting for " + what + " after " + patience.toSeconds() + " s; jobs: "
                + rows("select coalesce(ACT_ID_, '-') || ' retries ' || RETRIES_ || ' due ' || coalesce(cast(DUEDATE_ as varchar), '-') || ' locked by '"
                        + " || coalesce(LOCK_OWNER_, '-') || ': ' || coalesce(EXCEPTION_MSG_, '') from ACT_RU_JOB order by DUEDATE_ limit 20"));
    }

    /** Executions of our requests waiting in activity {@code activityId}. */
    long waitingAt(String activityId, Set<String> businessKeys) {
        return count("select count(*) from ACT_RU_EXECUTION E join ACT_RU_EXECUTION P on P.ID_ = E.PROC_INST_ID_ where E.ACT_ID_ = ?"
                + " and P.BUSINESS_KEY_ = any (?)", activityId, businessKeys);
    }

    /** Jobs that are due and not failed for good: work some node still has to do. */
    long pendingJobs() {
        return count("select count(*) from ACT_RU_JOB where RETRIES_ > 0 and (DUEDATE_ is null or DUEDATE_ <= current_timestamp)");
    }

    /**
     * Per request: how many times each automated step's visible effect happened. A step done twice
     * shows as 2 (two messages sent, two lending processes for one request, ...).
     */
    Map<String, Map<String, Long>> effects(Set<String> requestNumbers) {
        Map<String, Map<String, Long>> effects = new HashMap<>();
        requestNumbers.forEach(number -> effects.put(number, new HashMap<>()));
        collect(effects, "out:request", "select business_key, count(*) from iso18626_message where direction = 'OUT' and outcome = 'SENT'"
                + " and message_type = 'request' group by business_key");
        collect(effects, "out:Cancel", "select business_key, count(*) from iso18626_message where direction = 'OUT' and outcome = 'SENT'"
                + " and message_type = 'requestingAgencyMessage' and message_value = 'Cancel' group by business_key");
        collect(effects, "lending processes", "select substr(BUSINESS_KEY_, length('ISIL:CA-OPETB/') + 1), count(*) from ACT_HI_PROCINST"
                + " where PROC_DEF_KEY_ = 'lending' group by BUSINESS_KEY_");
        collect(effects, "borrowing processes", "select BUSINESS_KEY_, count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'borrowing'"
                + " group by BUSINESS_KEY_");
        collect(effects, "request rows", "select business_key, count(*) from borrowing_request group by business_key");
        return effects;
    }

    private void collect(Map<String, Map<String, Long>> effects, String effect, String sql) {
        query(sql, row -> {
            Map<String, Long> ofRequest = effects.get(row.getString(1));
            if (ofRequest != null) {
                ofRequest.put(effect, row.getLong(2));
            }
        });
    }

    /**
     * Every email recorded as sent arrived, and nothing arrived that was not recorded. A send the
     * kill interrupted after the mail server took it and before it was recorded as sent is sent again
     * by the retried step under the same Message-ID (mail clients show it once); such repeats are
     * allowed only for records with more than one attempt.
     */
    List<String> mailProblems(GreenMail mailServer, Map<String, String> patronEmails) throws MessagingException {
        Map<String, List<String>> delivered = new HashMap<>();
        for (MimeMessage message : mailServer.getReceivedMessages()) {
            for (Address to : message.getRecipients(Message.RecipientType.TO)) {
                delivered.computeIfAbsent(to.toString(), address -> new ArrayList<>()).add(message.getMessageID().replaceAll("[<>]", ""));
            }
        }
        Map<String, List<String>> recorded = new HashMap<>();
        Set<String> retried = new HashSet<>();
        query("select recipient, message_id, attempts from mail_sent where status = 'SENT'", row -> {
            recorded.computeIfAbsent(row.getString(1), address -> new ArrayList<>()).add(row.getString(2).replaceAll("[<>]", ""));
            if (row.getInt(3) > 1) {
                retried.add(row.getString(2).replaceAll("[<>]", ""));
            }
        });
        List<String> problems = new ArrayList<>();
        for (String address : patronEmails.values()) {
            List<String> arrived = delivered.getOrDefault(address, List.of());
            List<String> sent = recorded.getOrDefault(address, List.of());
            List<String> repeats = new ArrayList<>(arrived);
            new HashSet<>(arrived).forEach(repeats::remove);
            if (sent.isEmpty() || !new HashSet<>(arrived).equals(new HashSet<>(sent)) || !retried.containsAll(repeats)) {
                problems.add(address + ": recorded " + sent + ", delivered " + arrived);
            }
        }
        return problems;
    }

    long count(String sql, Object... parameters) {
        long[] result = new long[1];
        query(sql, row -> result[0] = row.getLong(1), parameters);
        return result[0];
    }

    List<String> rows(String sql) {
        List<String> rows = new ArrayList<>();
        query(sql, row -> rows.add(row.getString(1)));
        return rows;
    }

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    void query(String sql, RowReader reader, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof Set<?> set) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", set.toArray()));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
