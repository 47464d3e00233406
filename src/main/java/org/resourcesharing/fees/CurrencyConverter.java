package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money from one currency into another at a stored exchange rate: the rate of the given day, or of
 * the last earlier day that has one, never older than the configured age. Without such a rate the
 * conversion is refused, never guessed.
 */
public interface CurrencyConverter {

    /**
     * @throws org.resourcesharing.platform.FieldErrors.InvalidRequestException naming field {@code currency}
     *         when no rate within the allowed age exists
     */
    Conversion convert(BigDecimal amount, String fromCurrency, String toCurrency, LocalDate on);

    /**
     * @param amount     in {@code currency}, rounded to its minor unit (half-even)
     * @param rate       units of {@code currency} per unit of the original currency
     * @param rateDate   the day the rate is of
     * @param rateSource where it came from, such as "Bank of Canada FXUSDCAD"
     */
    record Conversion(BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate, String rateSource) {
    }
}
