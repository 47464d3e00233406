package org.resourcesharing.iso18626;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.resourcesharing.iso18626.Iso18626MessageLog.Direction;
import org.resourcesharing.iso18626.Iso18626MessageLog.Entry;
import org.resourcesharing.iso18626.Iso18626MessageLog.Outcome;
import org.resourcesharing.iso18626.Iso18626Transactions.Role;
import org.resourcesharing.iso18626.Iso18626Transactions.Transaction;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.iso18626.model.SupplyingAgencyMessage;
import org.resourcesharing.iso18626.model.TypeErrorType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands an authenticated partner's message to the process it belongs to and records it, in one
 * transaction: a message is either routed and recorded, or neither.
 *
 * <p>A request starts the lending process (business key: requesting agency id / its request id);
 * the same request sent again is answered again and starts nothing. A supplier's message goes to
 * our borrowing process, a requester's to our lending process. A message about a known request
 * whose process is not waiting for it is kept for staff and answered OK: the partner did nothing
 * wrong, and the process is not disturbed.
 */
@Service
class Iso18626Inbox {

    private static final Logger log = LoggerFactory.getLogger(Iso18626Inbox.class);

    private final RuntimeService runtimeService;
    private final Iso18626Transactions transactions;
    private final Iso18626MessageLog messageLog;
    private final Iso18626Codec codec;

    Iso18626Inbox(RuntimeService runtimeService, Iso18626Transactions transactions, Iso18626MessageLog messageLog, Iso18626Codec codec) {
        this.runtimeService = runtimeService;
        this.transactions = transactions;
        this.messageLog = messageLog;
        this.codec = codec;
    }

    /** Routes the message; returns the confirmation to send back. Refusals are thrown as {@link Iso18626MessageException}. */
    @Transactional
    public String receive(ParsedMessage parsed, Partner sender, OffsetDateTime received) {
        ISO18626Message message = parsed.message();
        MessageKind kind = MessageKind.of(message);
        Header header = kind.header(message);
        Routing routing = switch (kind) {
            case REQUEST -> startLending(message, header, sender);
            case SUPPLYING_AGENCY_MESSAGE -> toBorrowing(message.getSupplyingAgencyMessage(), header);
            case REQUESTING_AGENCY_MESSAGE -> toLending(message, header);
        };
        String confirmation = codec.write(kind.confirmation(message, header, received, null, null));
        messageLog.record(new Entry(null, Direction.IN, sender.agencyId(), header.getRequestingAgencyRequestId(), routing.businessKey(),
                routing.processInstanceId(), kind.element, kind.value(message), routing.outcome(), "OK", null, null,
                note(routing, parsed), parsed.xml(), confirmation, received));
        return confirmation;
    }

    private static String note(Routing routing, ParsedMessage parsed) {
        String outcome = switch (routing.outcome()) {
            case DUPLICATE -> "the same request again: answered again, nothing started";
            case NOT_EXPECTED -> "the request's process was not waiting for this message";
            default -> null;
        };
        String tolerated = parsed.toleratedDeviations().isEmpty() ? null
                : "accepted although " + String.join("; ", parsed.toleratedDeviations());
        return outcome == null ? tolerated : tolerated == null ? outcome : outcome + "; " + tolerated;
    }

    private record Routing(Outcome outcome, String businessKey, String processInstanceId) {
    }

    private Routing startLending(ISO18626Message message, Header header, Partner requester) {
        String requesterId = Iso18626Messages.format(header.getRequestingAgencyId());
        String supplierId = Iso18626Messages.format(header.getSupplyingAgencyId());
        String requestId = header.getRequestingAgencyRequestId();
        var existing = transactions.find(Role.SUPPLIER, requesterId, requestId, supplierId);
        if (existing.isPresent()) {
            return new Routing(Outcome.DUPLICATE, existing.get().businessKey(), null);
        }
        String businessKey = requesterId + "/" + requestId;
        String supplyingRequestId = "L-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        transactions.create(Role.SUPPLIER, requesterId, requestId, supplierId, supplyingRequestId, businessKey);
        Map<String, Object> variables = ProcessVariables.ofRequest(message.getRequest(), requesterId, supplierId, supplyingRequestId, requester);
        String processInstanceId = runtimeService.createMessageCorrelation(Iso18626Events.REQUEST)
                .processInstanceBusinessKey(businessKey)
                .setVariables(variables)
                .correlateStartMessage()
                .getId();
        return new Routing(Outcome.ROUTED, businessKey, processInstanceId);
    }

    private Routing toBorrowing(SupplyingAgencyMessage message, Header header) {
        Transaction transaction = known(Role.REQUESTER, header);
        if (header.getSupplyingAgencyRequestId() != null && !header.getSupplyingAgencyRequestId().isBlank()) {
            transactions.rememberSupplyingRequestId(transaction.id(), header.getSupplyingAgencyRequestId());
        }
        String event = Iso18626Events.forSupplierMessage(message.getMessageInfo().getReasonForMessage(), message.getStatusInfo().getStatus());
        // matched on the lender too: a late answer from a lender we already gave up on must not move the request on
        return correlate(event, transaction.businessKey(), Iso18626Messages.format(header.getSupplyingAgencyId()),
                ProcessVariables.ofSupplierMessage(message));
    }

    private Routing toLending(ISO18626Message message, Header header) {
        Transaction transaction = known(Role.SUPPLIER, header);
        return correlate(Iso18626Events.forAction(message.getRequestingAgencyMessage().getAction()), transaction.businessKey(), null,
                ProcessVariables.ofRequesterMessage(message.getRequestingAgencyMessage()));
    }

    private Transaction known(Role role, Header header) {
        String requestId = header.getRequestingAgencyRequestId();
        return transactions.find(role, Iso18626Messages.format(header.getRequestingAgencyId()), requestId,
                        Iso18626Messages.format(header.getSupplyingAgencyId()))
                .orElseThrow(() -> new Iso18626MessageException(TypeErrorType.UNRECOGNISED_DATA_VALUE,
                        "requestingAgencyRequestId: no request '" + requestId + "' between these agencies"));
    }

    private Routing correlate(String event, String businessKey, String lender, Map<String, Object> variables) {
        // Asked first, not tried and caught: a failed correlation marks the whole transaction for rollback.
        var waitingQuery = runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey).messageEventSubscriptionName(event);
        if (lender != null) {
            waitingQuery.processVariableValueEquals("supplyingAgencyId", lender);
        }
        boolean waiting = waitingQuery.count() > 0;
        if (!waiting) {
            log.info("'{}' for {} arrived while its process was not waiting for it; kept for staff", event, businessKey);
            return new Routing(Outcome.NOT_EXPECTED, businessKey, null);
        }
        var correlation = runtimeService.createMessageCorrelation(event).processInstanceBusinessKey(businessKey).setVariables(variables);
        if (lender != null) {
            correlation.processInstanceVariableEquals("supplyingAgencyId", lender);
        }
        MessageCorrelationResult result = correlation.correlateWithResult();
        return new Routing(Outcome.ROUTED, businessKey, result.getExecution().getProcessInstanceId());
    }
}
