package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.resourcesharing.fees.PaymentUnits.Unit;
import org.resourcesharing.platform.FieldErrors;

/**
 * Converts with the stored exchange rates, each of them units of the home currency per unit of a
 * currency (Bank of Canada: CAD per USD).
 *
 * <ul>
 * <li><b>Which rate.</b> The rate of the day, or of the last earlier day that has one (no rates are
 * published on weekends and holidays). When that rate is older than {@code
 * resource-sharing.fees.rates.max-age} (P7D) before the day, or there is none, the conversion is
 * refused (field {@code currency}), never guessed.</li>
 * <li><b>Through the home currency.</b> Between two other currencies, the amount goes through the
 * home currency: EUR → USD is EUR → CAD at FXEURCAD, then CAD → USD at FXUSDCAD. The home currency
 * to another one divides by that currency's rate.</li>
 * <li><b>Rounded once.</b> Everything is {@link BigDecimal}: the amount is multiplied and divided by
 * the exact rates, and only the result is rounded, half-even (banker's rounding), to the target's
 * minor unit (CAD cents, whole yen, half vouchers). No intermediate amount is rounded.</li>
 * <li><b>The rate reported</b> is target units per unit of the original: the stored rate itself when
 * converting to the home currency (so the ledger keeps exactly what was published); a quotient of two
 * rates (cross rates, and the home currency to another) is shown rounded half-even to ten decimals,
 * while the amount was computed from the exact rates. Its date is the older of the rates used, its
 * source names each of them.</li>
 * <li><b>IFLA vouchers</b> ({@link PaymentUnits}) are worth a fixed amount in another currency (EUR
 * 8.00 a full voucher): vouchers convert as that many euros, at the euro's rate of the day. The
 * source says so, e.g. "IFLA voucher = EUR 8.00; Bank of Canada FXEURCAD".</li>
 * </ul>
 */
class ExchangeRateConverter implements CurrencyConverter {

    static final String SAME_CURRENCY = "same currency";
    private static final int SHOWN_RATE_DECIMALS = 10;

    /** What one unit is worth in the home currency, and on which rate that rests. */
    private record ToHome(BigDecimal rate, LocalDate date, String source) {
    }

    private final ExchangeRateStore store;
    private final PaymentUnits units;
    private final String homeCurrency;
    private final Period maxAge;

    ExchangeRateConverter(ExchangeRateStore store, PaymentUnits units, FeesProperties properties) {
        this.store = store;
        this.units = units;
        this.homeCurrency = properties.homeCurrency().getCurrencyCode();
        this.maxAge = properties.rates().maxAge();
    }

    @Override
    public Conversion convert(BigDecimal amount, String fromCurrency, String toCurrency, LocalDate on) {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(on, "on");
        FieldErrors errors = new FieldErrors();
        Unit from = unit(fromCurrency, errors);
        Unit to = unit(toCurrency, errors);
        errors.throwIfAny();
        if (from.code().equals(to.code())) {
            return new Conversion(to.round(amount), to.code(), BigDecimal.ONE, on, SAME_CURRENCY);
        }
        ToHome fromHome = toHome(from, on, errors);
        ToHome toHome = toHome(to, on, errors);
        errors.throwIfAny();

        // amount × from-rate ÷ to-rate, rounded once to a whole number of the target's steps
        BigDecimal inHome = amount.multiply(fromHome.rate());
        BigDecimal converted = inHome.divide(toHome.rate().multiply(to.step()), 0, RoundingMode.HALF_EVEN).multiply(to.step())
                .setScale(to.fractionDigits(), RoundingMode.UNNECESSARY);
        BigDecimal rate = toHome.rate().compareTo(BigDecimal.ONE) == 0 ? fromHome.rate() : quotient(fromHome.rate(), toHome.rate());
        LocalDate date = Stream.of(fromHome.date(), toHome.date()).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(on);
        String source = Stream.of(fromHome.source(), toHome.source()).filter(Objects::nonNull).collect(Collectors.joining(" / "));
        return new Conversion(converted, to.code(), rate, date, source);
    }

    private Unit unit(String code, FieldErrors errors) {
        return units.find(code).orElseGet(() -> {
            errors.add("currency", "'" + code + "' is not an ISO 4217 code of a currency, such as CAD, nor IFLA vouchers ("
                    + units.voucher().code() + ")");
            return null;
        });
    }

    private ToHome toHome(Unit unit, LocalDate on, FieldErrors errors) {
        if (unit.code().equals(homeCurrency)) {
            return new ToHome(BigDecimal.ONE, null, null);
        }
        if (unit.voucher()) {
            String valueCurrency = units.voucherValueCurrency();
            String valued = "IFLA voucher = " + valueCurrency + " " + units.voucherValue().toPlainString();
            if (valueCurrency.equals(homeCurrency)) {
                return new ToHome(units.voucherValue(), null, valued);
            }
            ToHome euro = storedRate(valueCurrency, on, errors);
            return euro == null ? null : new ToHome(units.voucherValue().multiply(euro.rate()).stripTrailingZeros(), euro.date(), valued + "; " + euro.source());
        }
        return storedRate(unit.code(), on, errors);
    }

    private ToHome storedRate(String currency, LocalDate on, FieldErrors errors) {
        var rate = store.latestOnOrBefore(currency, homeCurrency, on);
        if (rate.isEmpty()) {
            errors.add("currency", "no " + currency + " exchange rate on or before " + on + "; import the rates (POST /api/fees/rates)");
            return null;
        }
        if (rate.get().date().plus(maxAge).isBefore(on)) {
            errors.add("currency", "the last " + currency + " exchange rate on or before " + on + " is of " + rate.get().date()
                    + ", older than the " + maxAge + " allowed (resource-sharing.fees.rates.max-age); import newer rates");
            return null;
        }
        return new ToHome(rate.get().rate(), rate.get().date(), rate.get().source());
    }

    private static BigDecimal quotient(BigDecimal dividend, BigDecimal divisor) {
        BigDecimal quotient = dividend.divide(divisor, SHOWN_RATE_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return quotient.scale() < 0 ? quotient.setScale(0) : quotient;
    }
}
