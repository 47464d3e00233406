package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.resourcesharing.fees.CurrencyConverter.Conversion;
import org.resourcesharing.fees.PaymentUnits.Unit;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.dao.DuplicateKeyException;

/**
 * The library's ledger: charges between us and partner libraries or patrons, each kept as given
 * (amount and ISO 4217 currency, or IFLA vouchers) with who posted it, why, and the request it belongs to.
 *
 * <ul>
 * <li><b>Exact, never rounded.</b> Amounts are {@link BigDecimal}s, positive, with at most as many
 * decimals as the currency has minor units (CAD 2, JPY 0, BHD 3). An amount with more, such as
 * CAD 1.005, is refused rather than rounded, so no cent is lost or invented; trailing zeros are not
 * more decimals (CAD 1.500 is CAD 1.50). IFLA vouchers ({@link PaymentUnits}) count in whole and half
 * vouchers (1.5, not 1.25). Balances are exact sums per currency, never mixed.</li>
 * <li><b>Home currency.</b> A posting in the home currency ({@code resource-sharing.fees.home-currency},
 * CAD by default) gets its home amount at once (rate 1, source {@value #SAME_CURRENCY}). A posting in
 * any other currency, or in vouchers, is converted when it is posted, by the {@link CurrencyConverter},
 * at the rate of the posting's day in the library's time zone ({@code resource-sharing.fees.zone}) or of
 * the last earlier day with one: it keeps that home amount (rounded half-even to the home currency's
 * cents, once), the rate exactly as published, the rate's date and its source (such as "Bank of Canada
 * FXUSDCAD"). Without a rate within the allowed age the posting is refused (field {@code currency}),
 * never converted at a guessed rate; a process hands such a charge to staff.</li>
 * <li><b>Idempotent.</b> A posting key posts once: the same key with the same charge returns the first
 * posting (a retried process step, even if rates changed meanwhile), with a different charge it is refused.</li>
 * <li><b>Never edited.</b> A mistake is corrected by a {@link #reverse reversal}, a new posting of the
 * negated amount that names the original; a posting is reversed at most once. The reversal keeps the
 * original's rate, its date and source, so it cancels exactly the home amount the original added.</li>
 * <li><b>Transactions.</b> Each posting is one insert, so it needs no transaction of its own: called
 * from a process step it commits or rolls back with that step.</li>
 * </ul>
 *
 * Refusals are {@link FieldErrors.InvalidRequestException}s naming each wrong field.
 */
public class Ledger {

    static final String SAME_CURRENCY = ExchangeRateConverter.SAME_CURRENCY;
    private static final int MAX_INTEGER_DIGITS = 15; // numeric(19, 4)
    private static final int MAX_RATE_DECIMALS = 10; // numeric(19, 10)

    private final PostingStore store;
    private final PaymentUnits units;
    private final CurrencyConverter converter;
    private final String homeCurrency;
    private final Clock clock;

    /** @param clock says when; the posting's day is taken in {@code resource-sharing.fees.zone} */
    Ledger(PostingStore store, PaymentUnits units, CurrencyConverter converter, FeesProperties properties, Clock clock) {
        this.store = store;
        this.units = units;
        this.converter = converter;
        this.homeCurrency = properties.homeCurrency().getCurrencyCode();
        this.clock = clock.withZone(properties.zone());
    }

    public Posting post(PostingRequest request) {
        FieldErrors errors = new FieldErrors();
        if (request.accountType() == null) {
            errors.add("accountType", "required: PARTNER, PATRON or RIGHTS_HOLDER");
        }
        requireText(errors, "accountId", request.accountId(), 100);
        if (request.direction() == null) {
            errors.add("direction", "required: RECEIVABLE or PAYABLE");
        }
        if (request.kind() == null) {
            errors.add("kind", "required");
        }
        Unit currency = unit(errors, request.currency());
        if (request.amount() == null || request.amount().signum() <= 0) {
            errors.add("amount", "required, more than zero");
        } else if (currency != null && currency.voucher() && !currency.holds(request.amount())) {
            errors.add("amount", request.amount().toPlainString() + " is not an amount of IFLA vouchers (" + currency.code() + "): they count in "
                    + currency.describeStep() + "; amounts are not rounded");
        } else if (currency != null && request.amount().stripTrailingZeros().scale() > currency.fractionDigits()) {
            errors.add("amount", request.amount().toPlainString() + " has more decimals than " + currency.code() + " has ("
                    + currency.fractionDigits() + "); amounts are not rounded");
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

        BigDecimal amount = currency.scaled(request.amount());
        var existing = store.findByKey(request.postingKey());
        if (existing.isPresent()) {
            if (!sameCharge(existing.get(), request, amount)) {
                errors.add("postingKey", "'" + request.postingKey() + "' was used for a different charge, posting " + existing.get().id())
                        .throwIfAny();
            }
            return existing.get();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Conversion home = inHomeCurrency(amount, currency.code(), now.toLocalDate());
        Posting posting = new Posting(UUID.randomUUID(), request.accountType(), request.accountId(), request.direction(), request.kind(),
                amount, currency.code(), home.amount(), homeCurrency, home.rate(), home.rateDate(), home.rateSource(),
                request.businessKey(), request.processInstanceId(), request.postingKey(), null, request.postedBy(), request.reason(), now);
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
                "reversal:" + charge.id(), charge.id(), postedBy, reason, OffsetDateTime.now(clock));
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

    /**
     * Postings of the days {@code from} to {@code to} (both included) in the library's time zone, oldest
     * first; of every account of the type when {@code accountId} is null.
     */
    public List<Posting> postedBetween(AccountType accountType, String accountId, LocalDate from, LocalDate to) {
        return store.postedBetween(accountType, accountId, from.atStartOfDay(clock.getZone()).toOffsetDateTime(),
                to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
    }

    /** The day a posting was posted, in the library's time zone. */
    LocalDate dayOf(Posting posting) {
        return posting.postedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
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
                && existing.amount().compareTo(amount) == 0 && existing.currency().equals(request.currency())
                && Objects.equals(existing.businessKey(), request.businessKey());
    }

    /** The home amount: at once in the home currency, otherwise by the converter at the rate of the day (refused without one). */
    private Conversion inHomeCurrency(BigDecimal amount, String currency, LocalDate day) {
        if (currency.equals(homeCurrency)) {
            return new Conversion(amount, homeCurrency, BigDecimal.ONE, day, SAME_CURRENCY);
        }
        Conversion home = converter.convert(amount, currency, homeCurrency, day);
        FieldErrors errors = new FieldErrors();
        if (home.amount().precision() - home.amount().scale() > MAX_INTEGER_DIGITS) {
            errors.add("amount", "too large in " + homeCurrency);
        }
        if (home.rate().stripTrailingZeros().scale() > MAX_RATE_DECIMALS) {
            errors.add("currency", "the rate " + home.rate().toPlainString() + " has more than " + MAX_RATE_DECIMALS + " decimals");
        }
        errors.throwIfAny();
        return home;
    }

    private Unit unit(FieldErrors errors, String code) {
        if (code == null || code.isBlank()) {
            errors.add("currency", "required: an ISO 4217 code such as CAD");
            return null;
        }
        return units.find(code).orElseGet(() -> {
            // gold, special drawing rights and the like (no minor unit) are refused too
            errors.add("currency", "'" + code + "' is not an ISO 4217 code of a currency, such as CAD, nor IFLA vouchers ("
                    + units.voucher().code() + ")");
            return null;
        });
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
