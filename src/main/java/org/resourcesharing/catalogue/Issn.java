package org.resourcesharing.catalogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An International Standard Serial Number, identifying a journal or other serial.
 *
 * @param value the hyphenated form, e.g. {@code 0317-8471}, with an upper-case X check digit
 */
public record Issn(String value) {

    private static final String KIND = "ISSN";

    /** An optional "ISSN" label and eight characters, optionally hyphenated after the fourth. */
    private static final Pattern WRITTEN_FORM = Pattern.compile("(?:ISSN:?\\s*)?([0-9]{4})-?([0-9]{3}[0-9X])");

    public Issn {
        String normalised = normalise(value);
        if (!normalised.equals(value)) {
            throw new InvalidIdentifierException(KIND, value, "not in canonical form " + normalised + "; use Issn.parse");
        }
    }

    /**
     * Reads an ISSN with or without its hyphen.
     *
     * @throws InvalidIdentifierException if it is not eight characters with a correct check digit
     */
    public static Issn parse(String raw) {
        return new Issn(normalise(raw));
    }

    public static boolean isValid(String raw) {
        return IdentifierText.parses(raw, Issn::normalise);
    }

    private static String normalise(String raw) {
        String trimmed = IdentifierText.present(KIND, raw);
        Matcher matcher = WRITTEN_FORM.matcher(trimmed.toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new InvalidIdentifierException(KIND, raw, "should be eight digits (the last may be X), as NNNN-NNNN");
        }
        String digits = matcher.group(1) + matcher.group(2);
        char expected = checkCharacter(digits.substring(0, 7));
        if (digits.charAt(7) != expected) {
            throw new InvalidIdentifierException(KIND, raw, "check digit should be " + expected);
        }
        return digits.substring(0, 4) + "-" + digits.substring(4);
    }

    /** Weights 8 down to 2; the check makes the total divisible by 11 (10 is written X). */
    private static char checkCharacter(String sevenDigits) {
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += (8 - i) * (sevenDigits.charAt(i) - '0');
        }
        int check = (11 - sum % 11) % 11;
        return check == 10 ? 'X' : Character.forDigit(check, 10);
    }
}
