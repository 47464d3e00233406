package org.resourcesharing.iso18626;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.resourcesharing.iso18626.Iso18626Client.PartnerUnreachableException;
import org.resourcesharing.iso18626.Iso18626MessageLog.Direction;
import org.resourcesharing.iso18626.Iso18626MessageLog.Entry;
import org.resourcesharing.iso18626.Iso18626MessageLog.Outcome;
import org.resourcesharing.iso18626.Iso18626Transactions.Role;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.springframework.stereotype.Service;

/**
 * Sends one message to a partner and records it with the partner's confirmation. Every message is
 * validated against the v1.2 schema before it leaves. A partner that cannot be reached is a
 * technical failure (thrown, retried by the engine); an ERROR confirmation is the partner's
 * answer, a {@link PartnerRefusedException} the process handles.
 */
@Service
public class Iso18626Sender {

    /** A message for a partner, and the process it is sent for. */
    public record Outgoing(ISO18626Message message, String businessKey, String processInstanceId) {
    }

    private final PartnerDirectory partners;
    private final Iso18626Codec codec;
    private final Iso18626Client client;
    private final Iso18626MessageLog messageLog;
    private final Iso18626Transactions transactions;

    Iso18626Sender(PartnerDirectory partners, Iso18626Codec codec, Iso18626Client client, Iso18626MessageLog messageLog,
            Iso18626Transactions transactions) {
        this.partners = partners;
        this.codec = codec;
        this.client = client;
        this.messageLog = messageLog;
        this.transactions = transactions;
    }

    public void send(Outgoing outgoing) {
        ISO18626Message message = outgoing.message();
        MessageKind kind = MessageKind.of(message);
        Header header = kind.header(message);
        String recipientId = Iso18626Messages.format(kind.recipient(header));
        Partner recipient = partners.findActive(recipientId)
                .orElseThrow(() -> new IllegalStateException(recipientId + " is not an active partner: add or reactivate it in the partner directory"));
        if (recipient.emailOnly()) {
            throw new IllegalStateException(recipient.name() + " (" + recipientId + ") takes requests by email only");
        }
        String xml = codec.write(message);
        if (kind == MessageKind.REQUEST) {
            rememberRequest(header, outgoing.businessKey());
        }
        OffsetDateTime sent = OffsetDateTime.now();
        String answer;
        MessageKind.Confirmation confirmation;
        try {
            answer = client.post(recipient, xml);
            confirmation = kind.confirmationOf(codec.parse(answer.getBytes(StandardCharsets.UTF_8)).message());
            if (confirmation == null) {
                throw new PartnerUnreachableException(recipient, "answered with another message than a " + kind.element + " confirmation", null);
            }
        } catch (PartnerUnreachableException | Iso18626MessageException failure) {
            messageLog.recordSeparately(entry(kind, message, header, recipientId, outgoing, Outcome.SEND_FAILED, null, failure.getMessage(), xml, null, sent));
            throw failure instanceof PartnerUnreachableException unreachable ? unreachable
                    : new PartnerUnreachableException(recipient, "its answer is not a confirmation: " + failure.getMessage(), failure);
        }
        if (!confirmation.ok()) {
            messageLog.record(entry(kind, message, header, recipientId, outgoing, Outcome.PARTNER_ERROR, confirmation,
                    confirmation.errorText(), xml, answer, sent));
            throw new PartnerRefusedException(recipient, confirmation.errorText());
        }
        messageLog.record(entry(kind, message, header, recipientId, outgoing, Outcome.SENT, confirmation, null, xml, answer, sent));
    }

    private void rememberRequest(Header header, String businessKey) {
        String requester = Iso18626Messages.format(header.getRequestingAgencyId());
        String supplier = Iso18626Messages.format(header.getSupplyingAgencyId());
        if (transactions.find(Role.REQUESTER, requester, header.getRequestingAgencyRequestId(), supplier).isEmpty()) {
            transactions.create(Role.REQUESTER, requester, header.getRequestingAgencyRequestId(), supplier, null, businessKey);
        }
    }

    private static Entry entry(MessageKind kind, ISO18626Message message, Header header, String recipientId, Outgoing outgoing,
            Outcome outcome, MessageKind.Confirmation confirmation, String errorText, String xml, String answer, OffsetDateTime sent) {
        return new Entry(null, Direction.OUT, recipientId, header.getRequestingAgencyRequestId(), outgoing.businessKey(),
                outgoing.processInstanceId(), kind.element, kind.value(message), outcome,
                confirmation == null ? null : confirmation.status().value(),
                confirmation == null || confirmation.error() == null ? null : confirmation.error().getErrorType().value(),
                errorText, null, xml, answer, sent);
    }

    /** The partner answered with an ERROR confirmation: its words are for staff to act on. */
    public static final class PartnerRefusedException extends RuntimeException {

        PartnerRefusedException(Partner partner, String errorText) {
            super(partner.name() + " (" + partner.agencyId() + ") refused the message: " + errorText);
        }
    }
}
