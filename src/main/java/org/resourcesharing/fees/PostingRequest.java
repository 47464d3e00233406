package org.resourcesharing.fees;

import java.math.BigDecimal;

import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;

/**
 * A charge to record. {@code postingKey} identifies it for idempotency: posting the same key again
 * returns the first posting. {@code businessKey} (the request) and {@code processInstanceId} are optional.
 */
public record PostingRequest(AccountType accountType, String accountId, Direction direction, Kind kind, BigDecimal amount,
        String currency, String businessKey, String processInstanceId, String postingKey, String postedBy, String reason) {
}
