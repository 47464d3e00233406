package org.resourcesharing.iso18626;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.resourcesharing.iso18626.model.ErrorData;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.iso18626.model.ISO18626Message;
import org.resourcesharing.iso18626.model.TypeAction;
import org.resourcesharing.iso18626.model.TypeAgencyId;
import org.resourcesharing.iso18626.model.TypeErrorType;
import org.resourcesharing.iso18626.model.TypeMessageStatus;
import org.resourcesharing.iso18626.model.TypeReasonForMessage;

/** The three messages a library receives, each with who sends it and the confirmation it is owed. */
enum MessageKind {

    REQUEST("request", "requestingAgencyId", "supplyingAgencyId"),
    SUPPLYING_AGENCY_MESSAGE("supplyingAgencyMessage", "supplyingAgencyId", "requestingAgencyId"),
    REQUESTING_AGENCY_MESSAGE("requestingAgencyMessage", "requestingAgencyId", "supplyingAgencyId");

    private static final Pattern ROOT_CHILD = Pattern.compile("<(?:[\\w.-]+:)?(request|supplyingAgencyMessage|requestingAgencyMessage)[\\s/>]");

    /** The element name, as in the schema and the message log. */
    final String element;
    /** The header element naming the partner that sends this kind of message. */
    final String senderElement;
    /** The header element naming our agency, the recipient. */
    final String recipientElement;

    MessageKind(String element, String senderElement, String recipientElement) {
        this.element = element;
        this.senderElement = senderElement;
        this.recipientElement = recipientElement;
    }

    static MessageKind of(ISO18626Message message) {
        if (message.getRequest() != null) {
            return REQUEST;
        }
        if (message.getSupplyingAgencyMessage() != null) {
            return SUPPLYING_AGENCY_MESSAGE;
        }
        if (message.getRequestingAgencyMessage() != null) {
            return REQUESTING_AGENCY_MESSAGE;
        }
        throw new Iso18626MessageException(TypeErrorType.UNSUPPORTED_ACTION_TYPE,
                "only request, supplyingAgencyMessage and requestingAgencyMessage are accepted here");
    }

    /** For a message that could not be parsed: the kind its text names, so the refusal is the confirmation the sender expects. */
    static MessageKind guess(byte[] xml) {
        Matcher matcher = ROOT_CHILD.matcher(new String(xml, 0, Math.min(xml.length, 4096), StandardCharsets.UTF_8));
        if (matcher.find()) {
            for (MessageKind kind : values()) {
                if (kind.element.equals(matcher.group(1))) {
                    return kind;
                }
            }
        }
        return REQUEST;
    }

    Header header(ISO18626Message message) {
        return switch (this) {
            case REQUEST -> message.getRequest().getHeader();
            case SUPPLYING_AGENCY_MESSAGE -> message.getSupplyingAgencyMessage().getHeader();
            case REQUESTING_AGENCY_MESSAGE -> message.getRequestingAgencyMessage().getHeader();
        };
    }

    TypeAgencyId sender(Header header) {
        return this == SUPPLYING_AGENCY_MESSAGE ? header.getSupplyingAgencyId() : header.getRequestingAgencyId();
    }

    TypeAgencyId recipient(Header header) {
        return this == SUPPLYING_AGENCY_MESSAGE ? header.getRequestingAgencyId() : header.getSupplyingAgencyId();
    }

    /** The status, action or reason the message carries, for the log. */
    String value(ISO18626Message message) {
        return switch (this) {
            case REQUEST -> message.getRequest().getServiceInfo() == null || message.getRequest().getServiceInfo().getServiceType() == null
                    ? null : message.getRequest().getServiceInfo().getServiceType().value();
            case SUPPLYING_AGENCY_MESSAGE -> message.getSupplyingAgencyMessage().getStatusInfo().getStatus().value();
            case REQUESTING_AGENCY_MESSAGE -> message.getRequestingAgencyMessage().getAction().value();
        };
    }

    /** The confirmation a partner sent back for a message of this kind: its status and, on ERROR, its error; null if it sent another kind. */
    Confirmation confirmationOf(ISO18626Message answer) {
        return switch (this) {
            case REQUEST -> answer.getRequestConfirmation() == null ? null : new Confirmation(
                    answer.getRequestConfirmation().getConfirmationHeader().getMessageStatus(), answer.getRequestConfirmation().getErrorData());
            case SUPPLYING_AGENCY_MESSAGE -> answer.getSupplyingAgencyMessageConfirmation() == null ? null : new Confirmation(
                    answer.getSupplyingAgencyMessageConfirmation().getConfirmationHeader().getMessageStatus(),
                    answer.getSupplyingAgencyMessageConfirmation().getErrorData());
            case REQUESTING_AGENCY_MESSAGE -> answer.getRequestingAgencyMessageConfirmation() == null ? null : new Confirmation(
                    answer.getRequestingAgencyMessageConfirmation().getConfirmationHeader().getMessageStatus(),
                    answer.getRequestingAgencyMessageConfirmation().getErrorData());
        };
    }

    record Confirmation(TypeMessageStatus status, ErrorData error) {

        boolean ok() {
            return status == TypeMessageStatus.OK;
        }

        String errorText() {
            return error == null ? "ERROR without error data"
                    : error.getErrorType().value() + (error.getErrorValue() == null ? "" : ": " + error.getErrorValue());
        }
    }

    /** The confirmation owed for this kind: OK when {@code error} is null. */
    ISO18626Message confirmation(ISO18626Message incomingOrNull, Header headerOrNull, OffsetDateTime received,
            TypeErrorType error, String errorValue) {
        return switch (this) {
            case REQUEST -> Iso18626Messages.requestConfirmation(headerOrNull, received, error, errorValue);
            case SUPPLYING_AGENCY_MESSAGE -> {
                TypeReasonForMessage reason = incomingOrNull == null ? null
                        : incomingOrNull.getSupplyingAgencyMessage().getMessageInfo().getReasonForMessage();
                yield Iso18626Messages.supplyingAgencyMessageConfirmation(headerOrNull, received, reason, error, errorValue);
            }
            case REQUESTING_AGENCY_MESSAGE -> {
                TypeAction action = incomingOrNull == null ? null : incomingOrNull.getRequestingAgencyMessage().getAction();
                yield Iso18626Messages.requestingAgencyMessageConfirmation(headerOrNull, received, action, error, errorValue);
            }
        };
    }
}
