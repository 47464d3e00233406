package org.resourcesharing.iso18626;

import java.util.Set;

import org.resourcesharing.iso18626.model.TypeAction;
import org.resourcesharing.iso18626.model.TypeReasonForMessage;
import org.resourcesharing.iso18626.model.TypeStatus;

/**
 * The BPMN message names under which partner messages reach the processes; a diagram waits for
 * exactly these names (a message start event for a request, catch or boundary events for the rest).
 *
 * <ul>
 * <li>{@code ISO18626 Request}: a new request; starts the lending process.</li>
 * <li>{@code ISO18626 <action>} (e.g. {@code ISO18626 Cancel}): a requesting agency's message to
 * the lending process.</li>
 * <li>{@code ISO18626 <reason>} for a supplier's CancelResponse, RenewResponse,
 * StatusRequestResponse or Notification, else {@code ISO18626 <status>} (e.g.
 * {@code ISO18626 Loaned}): a supplying agency's message to the borrowing process.</li>
 * </ul>
 */
public final class Iso18626Events {

    public static final String REQUEST = "ISO18626 Request";
    private static final String PREFIX = "ISO18626 ";
    private static final Set<TypeReasonForMessage> ANSWERS_NAMED_BY_REASON = Set.of(TypeReasonForMessage.CANCEL_RESPONSE,
            TypeReasonForMessage.RENEW_RESPONSE, TypeReasonForMessage.STATUS_REQUEST_RESPONSE, TypeReasonForMessage.NOTIFICATION);

    private Iso18626Events() {
    }

    public static String forAction(TypeAction action) {
        return PREFIX + action.value();
    }

    public static String forSupplierMessage(TypeReasonForMessage reason, TypeStatus status) {
        return PREFIX + (ANSWERS_NAMED_BY_REASON.contains(reason) ? reason.value() : status.value());
    }
}
