package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One line of the ledger, never changed once written. {@code amount} is in {@code currency} (an ISO
 * 4217 code, or the IFLA voucher's code) as the charge was given; {@code homeAmount} is that amount in
 * the home currency, converted when it was posted at {@code exchangeRate} (home units per unit) of
 * {@code rateDate} from {@code rateSource} (see {@link Ledger}). The home fields are null only in
 * postings in another currency made before exchange rates existed.
 * A reversal has the negated amount and names the posting it cancels in {@code reverses}.
 */
public record Posting(UUID id, AccountType accountType, String accountId, Direction direction, Kind kind, BigDecimal amount,
        String currency, BigDecimal homeAmount, String homeCurrency, BigDecimal exchangeRate, LocalDate rateDate, String rateSource,
        String businessKey, String processInstanceId, String postingKey, UUID reverses, String postedBy, String reason,
        OffsetDateTime postedAt) {

    /**
     * Whose account: a partner library (by agency id, e.g. ISIL:CA-OKQ), one of our patrons (by patron
     * id), or a rights holder we pay for copyright permission (by name, as the copyright team recorded it).
     */
    public enum AccountType {
        PARTNER, PATRON, RIGHTS_HOLDER
    }

    public enum Direction {
        /** They owe us. */
        RECEIVABLE,
        /** We owe them. */
        PAYABLE
    }

    public enum Kind {
        /** Our charge to a partner for lending or copying. */
        LENDING_FEE,
        /** A partner's charge to us for what we borrowed. */
        BORROWING_FEE,
        /** A lender's charge to us, passed on to the patron who asked for the item. */
        LENDER_CHARGE_PASSED_ON,
        OVERDUE_FINE,
        LOST_ITEM,
        DAMAGE,
        NOT_PICKED_UP,
        COPYRIGHT_ROYALTY,
        /**
         * Part of a charge let off (a waiver of all of a charge is its reversal): on the charge's
         * account, in the other direction, so it lowers the balance. Its posting key names the charge,
         * {@code waiver:<posting id>:<process instance>}. See {@link Waivers}.
         */
        WAIVER
    }
}
