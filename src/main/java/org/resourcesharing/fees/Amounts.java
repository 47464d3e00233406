package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.resourcesharing.platform.FieldErrors;

/** Amounts as process variables, forms and request bodies carry them, read exactly. */
final class Amounts {

    private Amounts() {
    }

    /**
     * A BigDecimal, a whole number, or text such as "5.00" (a decision table's output, a form field).
     * A Double is read as the decimal it prints as (0.1 is 0.1, not the binary fraction behind it).
     * None, or empty text: null. Anything else is added to {@code errors} under {@code field}, and null returned.
     */
    static BigDecimal read(Object value, String field, FieldErrors errors) {
        if (value == null || value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger whole) {
            return new BigDecimal(whole);
        }
        if (value instanceof String || value instanceof Double || value instanceof Float) {
            String decimal = value.toString().strip();
            try {
                return decimal.isEmpty() ? null : new BigDecimal(decimal);
            } catch (NumberFormatException notANumber) {
                // words, NaN, Infinity: refused below
            }
        }
        errors.add(field, "'" + value + "' is not an amount such as 5.00");
        return null;
    }
}
