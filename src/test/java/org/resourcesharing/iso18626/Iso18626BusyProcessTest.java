package org.resourcesharing.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resourcesharing.iso18626.Fixtures.bytes;
import static org.resourcesharing.iso18626.Fixtures.fixture;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.resourcesharing.iso18626.Iso18626MessageLog.Entry;
import org.resourcesharing.iso18626.Iso18626MessageLog.Outcome;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.testsupport.RecordingTransactionManager;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A partner's message that reaches its process while a job of that process commits (the Cancel that comes
 * while the catalogue is checked): the engine refuses the inbox's change, or the event it was for is gone,
 * and the whole transaction is undone. The message is handed over again; it is never lost, and a process
 * still moving on at every attempt gets the partner an answer it knows to send again.
 */
class Iso18626BusyProcessTest {

    private static final String CONFIRMATION = "<confirmation of the inbox/>";
    /** Queen's writes to McGill in the fixture; here McGill is the agency of ours that it writes to. */
    private static final Map<String, Partner> PARTNERS = Map.of(
            "ISIL:CA-OKQ", new Partner("ISIL:CA-OKQ", "Queen's University Library", false, "https://queens.example.ca/iso18626",
                    "ill@queens.example.ca", "ocul", "CAD", BigDecimal.ZERO, Duration.ofDays(3), null, true),
            "ISIL:CA-QMM", new Partner("ISIL:CA-QMM", "McGill Library", true, "https://mcgill.example.ca/iso18626",
                    "ill@mcgill.example.ca", "own-campus", "CAD", BigDecimal.ZERO, Duration.ofDays(3), null, true));

    private final RecordedMessages messageLog = new RecordedMessages();

    @Test
    void aMessageThatMeetsItsProcessMovingOnIsHandedOverAgainAndConfirmed() throws Exception {
        InboxOfAMovingProcess inbox = new InboxOfAMovingProcess(List.of(
                new OptimisticLockingException("ExecutionEntity was updated by another transaction concurrently"),
                new MismatchingMessageCorrelationException("ISO18626 Cancel", "No process definition or execution matches the parameters")));

        ResponseEntity<String> answer = endpoint(inbox).receive(messageFromQueens());

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isEqualTo(CONFIRMATION);
        assertThat(inbox.attempts).isEqualTo(3);
        assertThat(messageLog.entries).as("the inbox records what it routed; nothing is refused").isEmpty();
    }

    @Test
    void aProcessMovingOnAtEveryAttemptGetsThePartnerAnAnswerToSendAgain() throws Exception {
        List<RuntimeException> conflicts = new ArrayList<>();
        for (int attempt = 0; attempt < 10; attempt++) {
            conflicts.add(new OptimisticLockingException("ExecutionEntity was updated by another transaction concurrently"));
        }
        InboxOfAMovingProcess inbox = new InboxOfAMovingProcess(conflicts);

        ResponseEntity<String> answer = endpoint(inbox).receive(messageFromQueens());

        assertThat(inbox.attempts).isEqualTo(ProcessChangeRetry.ATTEMPTS);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(answer.getBody()).contains("send the message again").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(messageLog.entries).singleElement().satisfies(kept -> {
            assertThat(kept.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(kept.partnerAgencyId()).isEqualTo("ISIL:CA-OKQ");
            assertThat(kept.requestingRequestId()).isEqualTo("OKQ-2025-000417");
            assertThat(kept.errorValue()).contains("its process was moving on").contains("send it again");
            assertThat(kept.messageXml()).contains("<ill:action>ShippedReturn</ill:action>");
        });
    }

    private Iso18626Endpoint endpoint(Iso18626Inbox inbox) {
        return new Iso18626Endpoint(new Iso18626Codec(Fixtures.MAX_MESSAGE_BYTES), new KnownPartners(), inbox, messageLog,
                new ProcessChangeRetry(new RecordingTransactionManager()),
                new Iso18626Properties(Fixtures.MAX_MESSAGE_BYTES, Duration.ofSeconds(5), Duration.ofSeconds(30)));
    }

    private static MockHttpServletRequest messageFromQueens() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/iso18626");
        request.setContentType("application/xml");
        request.setContent(bytes(fixture("requesting-agency-message.xml")));
        return request;
    }

    /** The inbox of a process that moves on at the first attempts: each throws what the engine throws then. */
    private static final class InboxOfAMovingProcess extends Iso18626Inbox {

        private final List<RuntimeException> conflicts;
        private int attempts;

        InboxOfAMovingProcess(List<RuntimeException> conflicts) {
            super(null, null, null, null);
            this.conflicts = conflicts;
        }

        @Override
        public String receive(ParsedMessage parsed, Partner sender, OffsetDateTime received) {
            attempts++;
            if (attempts <= conflicts.size()) {
                throw conflicts.get(attempts - 1);
            }
            return CONFIRMATION;
        }
    }

    /** The two agencies above, both authenticated (authentication has its own tests). */
    private static final class KnownPartners extends PartnerDirectory {

        KnownPartners() {
            super(null, null);
        }

        @Override
        public Optional<Partner> findActive(String agencyId) {
            return Optional.ofNullable(PARTNERS.get(agencyId));
        }

        @Override
        public boolean authenticates(String agencyId, String authorizationHeader, String securityCode) {
            return true;
        }
    }

    private static final class RecordedMessages extends Iso18626MessageLog {

        private final List<Entry> entries = new ArrayList<>();

        RecordedMessages() {
            super(null);
        }

        @Override
        void record(Entry entry) {
            entries.add(entry);
        }
    }
}
