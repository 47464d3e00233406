package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.resourcesharing.fees.CurrencyConverter.Conversion;
import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;

/**
 * The managers' fee policy, {@code bpmn/fee-policy.dmn}, applied: fines, lost item charges and the
 * library's subsidy per request. The tables hold the numbers (managers change them in Camunda
 * Modeler; the latest deployed version is used); this class does the arithmetic, exactly, in
 * {@link BigDecimal}s with the currency's decimals, never rounded.
 *
 * <ul>
 * <li>{@value #CHARGES} answers per charge ({@code overdue}, {@code recalled}, {@code lost},
 * {@code not-picked-up}): a fine per day, the days late before it starts, its maximum per item; a
 * fee; a replacement cost to assume; the currency.</li>
 * <li>{@value #SUBSIDY} answers by lender tier (and the currency of the lender's cost) how much the
 * library pays of one request. A cost in another currency is converted at the stored rate by the
 * {@link CurrencyConverter}; without a rate nothing is guessed: a lost item's replacement cost is
 * refused (an {@link InvalidRequestException}), a lender's cost needs the patron's consent.</li>
 * </ul>
 *
 * A table that answers nothing, or an amount it gives that is not an amount in its currency, is an
 * {@link IllegalStateException} naming the table: a mistake in the policy, for a manager to correct.
 */
public class FeePolicy {

    static final String CHARGES = "patron-charges";
    static final String SUBSIDY = "request-subsidy";

    private final DecisionService decisions;
    private final CurrencyConverter converter;

    public FeePolicy(DecisionService decisions, CurrencyConverter converter) {
        this.decisions = decisions;
        this.converter = converter;
    }

    /** An amount in a currency, with the currency's decimals (CAD 5.00). */
    public record Money(BigDecimal amount, String currency) {

        public Money {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
        }

        public boolean isZero() {
            return amount.signum() == 0;
        }

        @Override
        public String toString() {
            return currency + " " + amount.toPlainString();
        }
    }

    /**
     * A fine for an item brought back late.
     *
     * @param daysLate    calendar days from the due date to the day it came back (0 if on time)
     * @param daysCharged days late after the days free
     * @param capped      the fine reached the policy's maximum per item
     * @param description the policy's words for the charge
     */
    public record Fine(Money fine, long daysLate, long daysCharged, boolean capped, String description) {
    }

    /**
     * A charge for a lost item: its replacement cost in the policy's currency (converted when the
     * lender named one in another currency) and the processing fee.
     *
     * @param replacementAssumed the lender named no replacement cost: the policy's default was taken
     * @param conversion         how the lender's replacement cost was converted, or null
     */
    public record LostItemCharge(Money replacementCost, Money processingFee, Money total, boolean replacementAssumed,
            Conversion conversion, String description) {
    }

    /** A fixed charge with the policy's words for it. */
    public record Charge(Money amount, String description) {
    }

    /** How much of one request the library pays. */
    public record Subsidy(Money limit, String description) {
    }

    /**
     * Whether a lender's cost needs the patron's consent: it is above the subsidy, or it could not be
     * compared with it.
     *
     * @param costInSubsidyCurrency the cost compared, in the subsidy's currency; null when it could not be converted
     * @param conversion            the conversion used, or null when the cost is in the subsidy's currency or could not be converted
     * @param noRate                why the cost could not be converted, or null
     */
    public record ConsentCheck(boolean consentNeeded, Money cost, Money costInSubsidyCurrency, Subsidy subsidy, Conversion conversion,
            String noRate) {

        /** For staff and the process history: what was compared with what. */
        public String explanation() {
            if (noRate != null) {
                return cost + " cannot be compared with the subsidy of " + subsidy.limit() + " (" + noRate + "): the patron must consent";
            }
            String compared = conversion == null ? cost.toString()
                    : cost + " (" + costInSubsidyCurrency + " at " + conversion.rate().toPlainString() + ", " + conversion.rateSource() + ", "
                            + conversion.rateDate() + ")";
            return compared + (consentNeeded ? " is more than " : " is within ") + "the subsidy of " + subsidy.limit()
                    + (consentNeeded ? ": the patron must consent" : ": the library pays it");
        }
    }

    /**
     * The fine for an item due on {@code dueDate} and brought back on {@code returnedDate} (or not
     * back yet, as of that day): calendar days late less the days free, times the fine per day, at
     * most the maximum per item. {@code recalled}: the item was recalled, and {@code dueDate} is the
     * recall's due date.
     */
    public Fine overdueFine(LocalDate dueDate, LocalDate returnedDate, boolean recalled) {
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(returnedDate, "returnedDate");
        String charge = recalled ? "recalled" : "overdue";
        Map<String, Object> row = row(CHARGES, Map.of("charge", charge));
        Currency currency = currency(CHARGES, charge, row.get("currency"));
        BigDecimal perDay = amount(CHARGES, charge + " per day", row.get("perDay"), currency);
        BigDecimal maximum = amount(CHARGES, charge + " maximum", row.get("maximum"), currency);
        int daysFree = row.get("daysFree") == null ? 0 : ((Number) row.get("daysFree")).intValue();

        long daysLate = Math.max(0, ChronoUnit.DAYS.between(dueDate, returnedDate));
        long daysCharged = Math.max(0, daysLate - daysFree);
        BigDecimal fine = perDay.multiply(BigDecimal.valueOf(daysCharged));
        boolean capped = fine.compareTo(maximum) >= 0 && daysCharged > 0;
        return new Fine(money(fine.min(maximum), currency), daysLate, daysCharged, capped, (String) row.get("description"));
    }

    /** A lost item whose replacement cost the lender did not name: the policy's default cost and the fee. */
    public LostItemCharge lostItemCharge() {
        return lostItemCharge(null, null, null);
    }

    /**
     * A lost item: the lender's replacement cost (converted at the rate of {@code on} when in another
     * currency than the policy's), or the policy's default when {@code replacementCost} is null, plus
     * the processing fee.
     */
    public LostItemCharge lostItemCharge(BigDecimal replacementCost, String replacementCurrency, LocalDate on) {
        Map<String, Object> row = row(CHARGES, Map.of("charge", "lost"));
        Currency currency = currency(CHARGES, "lost", row.get("currency"));
        BigDecimal fee = amount(CHARGES, "lost fee", row.get("fee"), currency);
        Money replacement;
        Conversion conversion = null;
        if (replacementCost != null && replacementCost.signum() < 0) {
            new FieldErrors().add("replacementCost", "not less than zero").throwIfAny();
        }
        if (replacementCost == null) {
            replacement = money(amount(CHARGES, "lost default replacement cost", row.get("defaultReplacementCost"), currency), currency);
        } else if (replacementCurrency == null || replacementCurrency.equals(currency.getCurrencyCode())) {
            if (replacementCost.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
                new FieldErrors().add("replacementCost", replacementCost.toPlainString() + " has more decimals than " + currency.getCurrencyCode()
                        + " has; amounts are not rounded").throwIfAny();
            }
            replacement = money(replacementCost, currency);
        } else {
            conversion = converter.convert(replacementCost, replacementCurrency, currency.getCurrencyCode(), on);
            replacement = money(conversion.amount(), currency);
        }
        Money processing = money(fee, currency);
        return new LostItemCharge(replacement, processing, money(replacement.amount().add(fee), currency), replacementCost == null,
                conversion, (String) row.get("description"));
    }

    /** The fee for an item not picked up; zero when the policy charges none (the default). */
    public Charge notPickedUpFee() {
        Map<String, Object> row = row(CHARGES, Map.of("charge", "not-picked-up"));
        Currency currency = currency(CHARGES, "not-picked-up", row.get("currency"));
        BigDecimal fee = row.get("fee") == null ? BigDecimal.ZERO : amount(CHARGES, "not-picked-up fee", row.get("fee"), currency);
        return new Charge(money(fee, currency), (String) row.get("description"));
    }

    /**
     * What the library pays of one request to a lender of this tier (own-campus, ocul, canada, us,
     * international; may be null) charging in {@code lenderCurrency} (may be null).
     */
    public Subsidy subsidy(String lenderTier, String lenderCurrency) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("lenderTier", lenderTier);
        inputs.put("lenderCurrency", lenderCurrency);
        Map<String, Object> row = row(SUBSIDY, inputs);
        String which = "tier " + lenderTier + ", currency " + lenderCurrency;
        Currency currency = currency(SUBSIDY, which, row.get("subsidyCurrency"));
        return new Subsidy(money(amount(SUBSIDY, which, row.get("subsidy"), currency), currency), (String) row.get("subsidyReason"));
    }

    /**
     * Whether a lender's {@code offeredCost} needs the patron's consent: it is more than the
     * {@link #subsidy subsidy} for the lender. A cost in another currency is converted at the rate of
     * {@code on} first. Without a rate the cost is not guessed: it needs the patron's consent, since
     * rules.md asks for consent before a cost above the subsidy is incurred and nobody can say it is
     * not. No cost, or zero, needs none.
     */
    public ConsentCheck needsPatronConsent(BigDecimal offeredCost, String currency, String lenderTier, LocalDate on) {
        Subsidy subsidy = subsidy(lenderTier, currency);
        String subsidyCurrency = subsidy.limit().currency();
        if (offeredCost == null || offeredCost.signum() <= 0) {
            Money nothing = new Money(BigDecimal.ZERO.setScale(Currency.getInstance(subsidyCurrency).getDefaultFractionDigits()), subsidyCurrency);
            return new ConsentCheck(false, nothing, nothing, subsidy, null, null);
        }
        Money cost = new Money(offeredCost, Objects.requireNonNull(currency, "currency of the cost"));
        Conversion conversion = null;
        Money compared = cost;
        if (!currency.equals(subsidyCurrency)) {
            try {
                conversion = converter.convert(offeredCost, currency, subsidyCurrency, on);
            } catch (InvalidRequestException noRate) {
                return new ConsentCheck(true, cost, null, subsidy, null,
                        noRate.errors().stream().map(FieldErrors.FieldError::reason).collect(Collectors.joining("; ")));
            }
            compared = new Money(conversion.amount(), subsidyCurrency);
        }
        return new ConsentCheck(compared.amount().compareTo(subsidy.limit().amount()) > 0, cost, compared, subsidy, conversion, null);
    }

    private Map<String, Object> row(String decision, Map<String, Object> inputs) {
        DmnDecisionRuleResult row = decisions.evaluateDecisionTableByKey(decision, Variables.fromMap(inputs)).getFirstResult();
        if (row == null) {
            throw new IllegalStateException("The fee policy table " + decision + " (bpmn/fee-policy.dmn) has no row for " + inputs);
        }
        return row.getEntryMap();
    }

    private static Currency currency(String decision, String which, Object code) {
        try {
            return Currency.getInstance(String.valueOf(code));
        } catch (IllegalArgumentException notACurrency) {
            throw new IllegalStateException("The fee policy table " + decision + " gives '" + code + "' as currency for " + which
                    + "; an ISO 4217 code such as CAD is needed");
        }
    }

    private static BigDecimal amount(String decision, String which, Object text, Currency currency) {
        try {
            BigDecimal amount = new BigDecimal(String.valueOf(text).strip());
            if (amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= currency.getDefaultFractionDigits()) {
                return amount;
            }
        } catch (NumberFormatException notAnAmount) {
            // refused below
        }
        throw new IllegalStateException("The fee policy table " + decision + " gives '" + text + "' for " + which
                + "; an amount such as 5.00 with at most " + currency.getDefaultFractionDigits() + " decimals is needed");
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY), currency.getCurrencyCode());
    }
}
