package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One day's rate of a currency: {@code rate} units of {@code homeCurrency} per unit of {@code currency},
 * exact as published, from {@code source} (such as "Bank of Canada FXUSDCAD").
 */
record ExchangeRate(String currency, String homeCurrency, LocalDate date, BigDecimal rate, String source, OffsetDateTime importedAt) {
}
