package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.stereotype.Service;

/**
 * Letting a patron or partner off a charge, all or part of it (the process {@code fee-waiver}).
 *
 * <ul>
 * <li>Only a charge can be waived: a posting they owe us (RECEIVABLE), not a reversal or a waiver,
 * and not one already reversed.</li>
 * <li><b>All of it</b>, when nothing of it was waived before: the charge is {@link Ledger#reverse
 * reversed}, so it cancels out and says so.</li>
 * <li><b>Part of it</b> (or the rest after an earlier part): a new posting of kind
 * {@link Kind#WAIVER} on the same account, request and currency, in the other direction (PAYABLE),
 * which lowers the balance by the amount waived. The ledger takes only positive amounts outside a
 * reversal, so a waiver is a positive amount in the other direction, not a negative charge. Its posting
 * key {@code waiver:<charge id>:<process instance>} names the charge; what was waived of a charge
 * is the sum of its waivers not themselves reversed.</li>
 * <li>Never more than is outstanding, never more decimals than the currency has.</li>
 * <li>Posted in the name of whoever decided it (the staff member within the staff limit, the
 * approving manager above it), with the reason, who asked and who approved.</li>
 * </ul>
 *
 * Refusals are {@link FieldErrors.InvalidRequestException}s naming the field: {@code postingId},
 * {@code amount}, {@code reason}, {@code requestedBy}.
 */
@Service
class Waivers {

    static final String KEY_PREFIX = "waiver:";

    private final Ledger ledger;
    private final PostingStore store;
    private final WaiverProperties properties;

    Waivers(Ledger ledger, PostingStore store, WaiverProperties properties) {
        this.ledger = ledger;
        this.store = store;
        this.properties = properties;
    }

    /**
     * A waiver asked for, checked.
     *
     * @param alreadyWaived    of the charge, by earlier waivers
     * @param outstanding      what is left of the charge to waive
     * @param amount           what this waiver lets off
     * @param all              it lets off everything outstanding
     * @param withinStaffLimit staff may post it without a manager's approval
     * @param balance          the account's balance in the charge's currency (positive: they owe us)
     */
    record Check(Posting charge, BigDecimal alreadyWaived, BigDecimal outstanding, BigDecimal amount, boolean all,
            boolean withinStaffLimit, BigDecimal balance) {
    }

    /** The staff limit with its currency, as staff read it: "CAD 25.00". */
    String staffLimit() {
        return properties.currency().getCurrencyCode() + " " + properties.staffLimit().toPlainString();
    }

    /** @param amount a BigDecimal, a whole number or text such as "5.00"; none or empty: all that is outstanding */
    Check check(String postingId, Object amount, String reason, String requestedBy) {
        FieldErrors errors = new FieldErrors();
        if (reason == null || reason.isBlank()) {
            errors.add("reason", "required: why the charge is waived");
        } else if (reason.length() > 500) {
            errors.add("reason", "at most 500 characters");
        }
        if (requestedBy == null || requestedBy.isBlank()) {
            errors.add("requestedBy", "required: the staff member who asks");
        }
        Posting charge = charge(postingId, errors);
        BigDecimal waived = charge == null ? null : waivedOf(charge);
        BigDecimal outstanding = charge == null ? null : charge.amount().subtract(waived);
        if (outstanding != null && outstanding.signum() <= 0) {
            errors.add("postingId", "posting " + charge.id() + " has been waived in full already");
            outstanding = null;
        }
        BigDecimal waive = amount(amount, charge, outstanding, errors);
        errors.throwIfAny();

        boolean all = waive.compareTo(outstanding) == 0;
        boolean within = charge.currency().equals(properties.currency().getCurrencyCode()) && waive.compareTo(properties.staffLimit()) <= 0;
        BigDecimal balance = ledger.balance(charge.accountType(), charge.accountId()).get(charge.currency());
        return new Check(charge, waived, outstanding, waive, all, within, balance);
    }

    /**
     * Posts the waiver, checked again (another waiver or a reversal may have come in meanwhile). The
     * charge is locked first, in the caller's transaction (the process step's): of two waivers of one
     * charge posted at the same time, the second waits for the first to commit and is checked against
     * it, so together they never let off more than was charged.
     *
     * @param approvedBy the manager who approved it, or null when within the staff limit
     * @param approvalNote the manager's note, or null
     * @param processInstanceId the waiver's process: one waiver posting per process
     */
    Posting waive(String postingId, Object amount, String reason, String requestedBy, String approvedBy, String approvalNote,
            String processInstanceId) {
        String postingKey = KEY_PREFIX + canonical(postingId) + ":" + processInstanceId;
        var postedBefore = store.findByKey(postingKey);
        if (postedBefore.isPresent()) {
            return postedBefore.get(); // a retried step
        }
        chargeId(postingId).ifPresent(store::lock);
        Check check = check(postingId, amount, reason, requestedBy);
        Posting charge = check.charge();
        String postedBy = approvedBy == null ? requestedBy : approvedBy;
        String why = "Waived: " + reason.strip() + " (asked by " + requestedBy
                + (approvedBy == null ? ", within the staff limit)"
                        : "; approved by " + approvedBy + (approvalNote == null || approvalNote.isBlank() ? "" : ": " + approvalNote.strip()) + ")");
        if (check.all() && check.alreadyWaived().signum() == 0) {
            return ledger.reverse(charge.id(), postedBy, why);
        }
        return ledger.post(new PostingRequest(charge.accountType(), charge.accountId(), Direction.PAYABLE, Kind.WAIVER, check.amount(),
                charge.currency(), charge.businessKey(), processInstanceId, postingKey, postedBy, why));
    }

    /** A posting by its id (known to exist). */
    Posting posting(String id) {
        return store.find(UUID.fromString(id)).orElseThrow();
    }

    /** The account's balance per currency after a waiver. */
    Map<String, BigDecimal> balance(Posting posting) {
        return ledger.balance(posting.accountType(), posting.accountId());
    }

    private static String canonical(String postingId) {
        return chargeId(postingId).map(UUID::toString).orElse(String.valueOf(postingId)); // not an id: refused by the check
    }

    private static Optional<UUID> chargeId(String postingId) {
        try {
            return Optional.of(UUID.fromString(postingId.strip()));
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            return Optional.empty();
        }
    }

    private Posting charge(String postingId, FieldErrors errors) {
        UUID id;
        try {
            id = UUID.fromString(postingId == null ? "" : postingId.strip());
        } catch (IllegalArgumentException notAnId) {
            errors.add("postingId", "'" + postingId + "' is not a posting id (such as 3f2b8c1e-...)");
            return null;
        }
        Posting posting = store.find(id).orElse(null);
        if (posting == null) {
            errors.add("postingId", "no posting " + id);
        } else if (posting.reverses() != null) {
            errors.add("postingId", "posting " + id + " is a reversal; only a charge can be waived");
        } else if (posting.kind() == Kind.WAIVER) {
            errors.add("postingId", "posting " + id + " is a waiver; only a charge can be waived");
        } else if (posting.direction() != Direction.RECEIVABLE) {
            errors.add("postingId", "posting " + id + " is what we owe " + posting.accountId() + "; only a charge they owe us can be waived");
        } else if (store.reversalOf(id).isPresent()) {
            errors.add("postingId", "posting " + id + " has been reversed; nothing is left to waive");
        } else {
            return posting;
        }
        return null;
    }

    /** Waivers of the charge that were not reversed themselves, summed. */
    private BigDecimal waivedOf(Posting charge) {
        List<Posting> account = store.forAccount(charge.accountType(), charge.accountId());
        Set<UUID> reversed = account.stream().map(Posting::reverses).filter(id -> id != null).collect(Collectors.toSet());
        String prefix = KEY_PREFIX + charge.id() + ":";
        return account.stream()
                .filter(posting -> posting.kind() == Kind.WAIVER && posting.reverses() == null && posting.postingKey().startsWith(prefix))
                .filter(waiver -> !reversed.contains(waiver.id()))
                .map(Posting::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal amount(Object value, Posting charge, BigDecimal outstanding, FieldErrors errors) {
        FieldErrors unreadable = new FieldErrors();
        BigDecimal given = Amounts.read(value, "amount", unreadable);
        if (!unreadable.isEmpty()) {
            unreadable.list().forEach(error -> errors.add(error.field(), error.reason()));
            return null;
        }
        BigDecimal amount = given == null ? outstanding : given; // none: all that is outstanding
        if (amount == null) {
            return null; // no charge to waive: refused above
        }
        if (amount.signum() <= 0) {
            errors.add("amount", "more than zero, or empty to waive all that is outstanding");
        } else if (charge != null) {
            Currency currency = Currency.getInstance(charge.currency());
            if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
                errors.add("amount", amount.toPlainString() + " has more decimals than " + currency.getCurrencyCode() + " has ("
                        + currency.getDefaultFractionDigits() + "); amounts are not rounded");
            } else if (outstanding != null && amount.compareTo(outstanding) > 0) {
                errors.add("amount", charge.currency() + " " + amount.toPlainString() + " is more than the " + charge.currency() + " "
                        + outstanding.toPlainString() + " outstanding of posting " + charge.id());
            } else {
                return amount.setScale(currency.getDefaultFractionDigits());
            }
        }
        return null;
    }
}
