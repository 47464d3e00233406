package org.resourcesharing.hiring;

import java.time.LocalDate;

import org.resourcesharing.platform.FieldErrors;

/**
 * A Social Insurance Number as payroll needs it: nine digits passing the Luhn check. One starting with
 * 9 is temporary (issued to someone who is not a citizen or permanent resident) and must carry its
 * expiry date; an expired one blocks the hire until a valid one is given.
 */
final class SinCheck {

    private SinCheck() {
    }

    /** The nine digits, spaces and hyphens removed; or the errors. */
    static String check(String sin, LocalDate expiryDate, LocalDate today, FieldErrors errors) {
        String digits = sin == null ? "" : sin.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{9}")) {
            errors.add("sin", "must be nine digits");
            return null;
        }
        if (!luhn(digits)) {
            errors.add("sin", "is not a valid Social Insurance Number (its check digit does not match)");
            return null;
        }
        if (digits.startsWith("9")) {
            if (expiryDate == null) {
                errors.add("expiryDate", "a temporary SIN (starting with 9) must have its expiry date");
            } else if (expiryDate.isBefore(today)) {
                errors.add("expiryDate", "the temporary SIN expired on " + expiryDate + ": the student cannot be paid until they give a valid one");
            }
        }
        return digits;
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
