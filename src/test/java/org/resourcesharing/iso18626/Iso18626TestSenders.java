package org.resourcesharing.iso18626;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.resourcesharing.iso18626.Iso18626Client.PartnerUnreachableException;
import org.resourcesharing.iso18626.model.ISO18626Message;

/**
 * Stands in for the network at the delegate's boundary in process tests: checks every message a diagram sends against the
 * official schema (strictly, as in production), records it, or fails as a partner would.
 */
public final class Iso18626TestSenders {

    /** Strict, as in production: a diagram whose message is not valid against the schema fails its test. */
    private static final Iso18626Codec CODEC = new Iso18626Codec(Fixtures.MAX_MESSAGE_BYTES);
    private static final Partner QUEENS = new Partner("ISIL:CA-OKQ", "Queen's University Library", false,
            "http://127.0.0.1:9/iso18626", "ill@queensu.example.ca", "ocul", "CAD", BigDecimal.ZERO, Duration.ofDays(3), null, true);

    private Iso18626TestSenders() {
    }

    public static RecordingSender recording() {
        return new RecordingSender();
    }

    public static final class RecordingSender extends Iso18626Sender {

        private final List<Outgoing> sent = new ArrayList<>();
        private String refusal;
        private boolean unreachable;
        private int attempts;

        RecordingSender() {
            super(null, null, null, null, null);
        }

        /** The partner answers every message with an ERROR confirmation saying this. */
        public void refuseWith(String errorText) {
            this.refusal = errorText;
        }

        /** The partner cannot be reached. */
        public void failTechnically() {
            this.unreachable = true;
        }

        @Override
        public void send(Outgoing outgoing) {
            attempts++;
            if (unreachable) {
                throw new PartnerUnreachableException(QUEENS, "connection refused (partner unreachable)", null);
            }
            if (refusal != null) {
                throw new PartnerRefusedException(QUEENS, refusal);
            }
            CODEC.write(outgoing.message());
            sent.add(outgoing);
        }

        public ISO18626Message onlySent() {
            if (sent.size() != 1) {
                throw new AssertionError("expected exactly one message sent, got " + sent.size());
            }
            return sent.get(0).message();
        }

        public ISO18626Message last() {
            return sent.get(sent.size() - 1).message();
        }

        public List<ISO18626Message> messages() {
            return sent.stream().map(Outgoing::message).toList();
        }

        public List<String> businessKeys() {
            return sent.stream().map(Outgoing::businessKey).toList();
        }

        public int attempts() {
            return attempts;
        }
    }
}
