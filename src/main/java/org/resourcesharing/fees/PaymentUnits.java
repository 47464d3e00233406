package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * What the ledger counts money in: ISO 4217 currencies, and the IFLA voucher, a payment unit
 * libraries exchange instead of money (IFLA: a full voucher is worth EUR 8, a half voucher EUR 4).
 *
 * <p>The voucher has a currency-like code of its own ({@code resource-sharing.fees.ifla-vouchers.code},
 * XIV: X as ISO 4217 gives units that belong to no country, such as XAU, and no ISO code starts with
 * XI) and counts in steps of the smallest part (a half voucher, 0.5): 1.5 is a full and a half voucher,
 * 1.25 is not an amount of vouchers. Its value is fixed in another currency (EUR 8.00), so it converts
 * through that currency's exchange rate.
 */
final class PaymentUnits {

    /**
     * @param code           ISO 4217 code, or the voucher's code
     * @param fractionDigits decimals an amount may have
     * @param step           the smallest amount: 0.01 for CAD, 1 for JPY, 0.5 for vouchers
     * @param voucher        the IFLA voucher
     */
    record Unit(String code, int fractionDigits, BigDecimal step, boolean voucher) {

        /** Whether the amount is a whole number of steps (CAD 1.005 and 1.25 vouchers are not). */
        boolean holds(BigDecimal amount) {
            return amount.remainder(step).signum() == 0;
        }

        /** The amount rounded half-even to a whole number of steps, with this unit's decimals. */
        BigDecimal round(BigDecimal amount) {
            return amount.divide(step, 0, RoundingMode.HALF_EVEN).multiply(step).setScale(fractionDigits, RoundingMode.UNNECESSARY);
        }

        /** The amount with this unit's decimals (CAD 5 → 5.00, JPY 500.00 → 500); never rounds. */
        BigDecimal scaled(BigDecimal amount) {
            return amount.setScale(fractionDigits, RoundingMode.UNNECESSARY);
        }

        String describeStep() {
            return voucher ? "whole or half vouchers (steps of " + step.toPlainString() + ")"
                    : code + " has " + fractionDigits + (fractionDigits == 1 ? " decimal" : " decimals");
        }
    }

    private final Unit voucher;
    private final Currency voucherValueCurrency;
    private final BigDecimal voucherValue;

    PaymentUnits(FeesProperties.IflaVouchers vouchers) {
        String code = vouchers.code();
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw new IllegalStateException("resource-sharing.fees.ifla-vouchers.code must be three capital letters, not '" + code + "'");
        }
        if (isoCurrency(code).isPresent()) {
            throw new IllegalStateException("resource-sharing.fees.ifla-vouchers.code " + code + " is an ISO 4217 currency; choose a code "
                    + "ISO 4217 does not use (the default is XIV)");
        }
        BigDecimal step = vouchers.smallestPart().stripTrailingZeros();
        if (step.signum() <= 0 || BigDecimal.ONE.remainder(step).signum() != 0) {
            throw new IllegalStateException("resource-sharing.fees.ifla-vouchers.smallest-part must divide one voucher, such as 0.5");
        }
        if (vouchers.value() == null || vouchers.value().signum() <= 0 || vouchers.valueCurrency() == null) {
            throw new IllegalStateException("resource-sharing.fees.ifla-vouchers.value and value-currency are required, such as 8.00 EUR");
        }
        this.voucher = new Unit(code, Math.max(step.scale(), 0), step, true);
        this.voucherValueCurrency = vouchers.valueCurrency();
        this.voucherValue = vouchers.value();
    }

    /** The ISO 4217 currency or the voucher of this code; codes are capital letters (cad is not CAD). */
    Optional<Unit> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        if (code.equals(voucher.code())) {
            return Optional.of(voucher);
        }
        return isoCurrency(code).map(currency -> new Unit(code, currency.getDefaultFractionDigits(),
                BigDecimal.ONE.movePointLeft(currency.getDefaultFractionDigits()), false));
    }

    Unit voucher() {
        return voucher;
    }

    /** What one voucher is worth, in {@link #voucherValueCurrency()}. */
    BigDecimal voucherValue() {
        return voucherValue;
    }

    String voucherValueCurrency() {
        return voucherValueCurrency.getCurrencyCode();
    }

    /** A currency with a minor unit; gold, special drawing rights and the like (no minor unit) are not money here. */
    private static Optional<Currency> isoCurrency(String code) {
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() >= 0 ? Optional.of(currency) : Optional.empty();
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
