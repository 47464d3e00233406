package org.resourcesharing.iso18626;

import java.util.List;
import org.resourcesharing.iso18626.model.ISO18626Message;

/**
 * An accepted incoming message.
 *
 * @param message             the message as read, after any tolerated repairs
 * @param declaredVersion     the version the peer declared, {@code null} if it declared none
 * @param toleratedDeviations each repair applied to make the message valid v1.2, worded for staff;
 *                            empty when the peer sent a valid message
 * @param xml                 the message exactly as received, decoded as UTF-8, for the audit trail
 */
public record ParsedMessage(ISO18626Message message, String declaredVersion, List<String> toleratedDeviations, String xml) {

    public ParsedMessage {
        toleratedDeviations = List.copyOf(toleratedDeviations);
    }
}
