package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

import org.resourcesharing.platform.FieldErrors;

/** A {@link CurrencyConverter} with a few fixed rates, for tests: converts as the contract says (half-even to the minor unit), refuses any other pair. */
final class FixedRates implements CurrencyConverter {

    static final LocalDate RATE_DATE = LocalDate.of(2026, 3, 2);
    static final String SOURCE = "test rates";

    private final Map<String, BigDecimal> rates = new HashMap<>();

    /** {@code rate} units of {@code to} per unit of {@code from}. */
    FixedRates with(String from, String to, String rate) {
        rates.put(from + to, new BigDecimal(rate));
        return this;
    }

    @Override
    public Conversion convert(BigDecimal amount, String fromCurrency, String toCurrency, LocalDate on) {
        BigDecimal rate = rates.get(fromCurrency + toCurrency);
        if (rate == null) {
            new FieldErrors().add("currency", "no rate from " + fromCurrency + " to " + toCurrency + " on " + on).throwIfAny();
        }
        int decimals = Currency.getInstance(toCurrency).getDefaultFractionDigits();
        return new Conversion(amount.multiply(rate).setScale(decimals, RoundingMode.HALF_EVEN), toCurrency, rate, RATE_DATE, SOURCE);
    }
}
