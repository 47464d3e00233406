package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The library's ledger: charges between us and partner libraries or patrons, each kept as given
 * (amount and ISO 4217 currency) with who posted it, why, and the request it belongs to.
 *
 * <ul>
 * <li><b>Exact, never rounded.</b> Amounts are {@link BigDecimal}s, positive, with at most as many
 * decimals as the currency has minor units (CAD 2, JPY 0, BHD 3). An amount with more, such as
 * CAD 1.005, is refused rather than rounded, so no cent is lost or invented; trailing zeros are not
 * more decimals (CAD 1.500 is CAD 1.50). Balances are exact sums per currency, never mixed.</li>
 * <li><b>Home currency.</b> A posting in the home currency ({@code resource-sharing.fees.home-currency},
 * CAD by default) gets its home amount at once (rate 1, source {@value #SAME_CURRENCY}). A posting in
 * any other currency keeps its home amount, rate, rate date and source null: there are no exchange
 * rates yet, and a made-up rate would be worse than none.</li>
 * <li><b>Idempotent.</b> A posting key posts once: the same key with the same charge returns the first
 * posting (a retried process step), with a different charge it is refused.</li>
 * <li><b>Never edited.</b> A mistake is corrected by a {@link #reverse reversal}, a new posting of the
 * negated amount that names the original; a posting is reversed at most once.</li>
 * <li><b>Transactions.</b> Each posting is one insert, so it needs no transaction of its own: called
 * from a process step it commits or rolls back with that step.</li>
 * </ul>
 *
 * Refusals are {@link FieldErrors.InvalidRequestException}s naming each wrong field.
 */
@Service
public class Ledger {

    static final String SAME_CURRENCY = "same currency";
    private static final int MAX_INTEGER_DIGITS = 15; // numeric(19, 4)

    private final PostingStore store;
    private final Currency homeCurrency;

    Ledger(PostingStore store, FeesProperties properties) {
        this.store = store;
        this.homeCurrency = properties.homeCurrency();
    }

    public Posting post(PostingRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request.accountType() == null) {
            errors.add("accountType", "required: PARTNER or PATRON");
        }
        requireText(errors, "accountId", request.accountId(), 100);
        if (request.direction() == null) {
            errors.add("direction", "required: RECEIVABLE or PAYABLE");
        }
        if (request.kind() == null) {
            errors.add("kind", "required");
        }
        Currency currency = currency(errors, request.currency());
        if (request.amount() == null || request.amount().signum() <= 0) {
            errors.add("amount", "required, more than zero");
        } else if (currency != null && request.amount().stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            errors.add("amount", request.amount().toPlainString() + " has more decimals than " + currency.getCurrencyCode() + " has ("
                    + currency.getDefaultFractionDigits() + "); amounts are not rounded");
        } else if (request.amount().precision() - request.amount().scale() > MAX_INTEGER_DIGITS) {
            errors.add("amount", "too large");
        }
        requireText(errors, "postingKey", request.postingKey(), 300);
        requireText(errors, "postedBy", request.postedBy(), 100);
        requireText(errors, "reason", request.reason(), 1000);
        if (request.businessKey() != null && request.businessKey().length() > 300) {
            errors.add("businessKey", "at most 300 characters");
        }
        errors.throwIfAny();

        BigDecimal amount = request.amount().setScale(currency.getDefaultFractionDigits());
        var existing = store.findByKey(request.postingKey());
        if (existing.isPresent()) {
            if (!sameCharge(existing.get(), request, amount)) {
                errors.add("postingKey", "'" + request.postingKey() + "' was used for a different charge, posting " + existing.get().id())
                        .throwIfAny();
            }
            return existing.get();
        }
        OffsetDateTime now = OffsetDateTime.now();
        boolean home = currency.equals(homeCurrency);
        Posting posting = new Posting(UUID.randomUUID(), request.accountType(), request.accountId(), request.direction(), request.kind(),
                amount, currency.getCurrencyCode(), home ? amount : null, home ? homeCurrency.getCurrencyCode() : null,
                home ? BigDecimal.ONE : null, home ? now.toLocalDate() : null,
                home ? SAME_CURRENCY : null, request.businessKey(), request.processInstanceId(), request.postingKey(), null,
                request.postedBy(), request.reason(), now);
        store.insert(posting);
        return store.find(posting.id()).orElseThrow();
    }

    /**
     * Cancels a posting with a new one of the negated amount (and home amount, at the original's
     * rate) on the same account, kind and request. A reversal itself cannot be reversed: post the
     * charge again instead.
     */
    public Posting reverse(UUID postingId, String postedBy, String reason) {
        FieldErrors errors = new FieldErrors();
        requireText(errors, "postedBy", postedBy, 100);
        requireText(errors, "reason", reason, 1000);
        var original = store.find(postingId);
        if (original.isEmpty()) {
            errors.add("id", "no posting " + postingId);
        } else if (original.get().reverses() != null) {
            errors.add("id", "posting " + postingId + " is a reversal; post the charge again instead of reversing it");
        } else {
            store.reversalOf(postingId).ifPresent(reversal -> errors.add("id", alreadyReversed(postingId) + " by posting " + reversal.id()));
        }
        errors.throwIfAny();

        Posting charge = original.get();
        Posting reversal = new Posting(UUID.randomUUID(), charge.accountType(), charge.accountId(), charge.direction(), charge.kind(),
                charge.amount().negate(), charge.currency(), charge.homeAmount() == null ? null : charge.homeAmount().negate(),
                charge.homeCurrency(), charge.exchangeRate(), charge.rateDate(), charge.rateSource(), charge.businessKey(), null,
                "reversal:" + charge.id(), charge.id(), postedBy, reason, OffsetDateTime.now());
        try {
            store.insert(reversal);
        } catch (DuplicateKeyException reversedMeanwhile) {
            errors.add("id", alreadyReversed(postingId)).throwIfAny();
        }
        return store.find(reversal.id()).orElseThrow();
    }

    /** Oldest first. */
    public List<Posting> postingsFor(AccountType accountType, String accountId) {
        return store.forAccount(accountType, accountId);
    }

    /** Every posting of one request (business key), on any account, oldest first. */
    public List<Posting> postingsForRequest(String businessKey) {
        return store.forRequest(businessKey);
    }

    /**
     * Per currency, ordered by code: what the account owes us (receivable) minus what we owe it
     * (payable), exact. Positive: they owe us; negative: we owe them.
     */
    public Map<String, BigDecimal> balance(AccountType accountType, String accountId) {
        return store.balance(accountType, accountId);
    }

    private static boolean sameCharge(Posting existing, PostingRequest request, BigDecimal amount) {
        return existing.accountType() == request.accountType() && existing.accountId().equals(request.accountId())
                && existing.direction() == request.direction() && existing.kind() == request.kind()
                && existing.amount().equals(amount) && existing.currency().equals(request.currency())
                && Objects.equals(existing.businessKey(), request.businessKey());
    }

    private static Currency currency(FieldErrors errors, String code) {
        if (code == null || code.isBlank()) {
            errors.add("currency", "required: an ISO 4217 code such as CAD");
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() >= 0) {
                return currency;
            }
        } catch (IllegalArgumentException unknown) {
            // refused below, with the codes that have no minor unit (gold, special drawing rights)
        }
        errors.add("currency", "'" + code + "' is not an ISO 4217 code of a currency, such as CAD");
        return null;
    }

    private static void requireText(FieldErrors errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.add(field, "required");
        } else if (value.length() > maxLength) {
            errors.add(field, "at most " + maxLength + " characters");
        }
    }

    private static String alreadyReversed(UUID postingId) {
        return "posting " + postingId + " has already been reversed";
    }
}
