package org.resourcesharing.catalogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCLC control number, the WorldCat record number that libraries quote in MARC 035 and in
 * interlibrary loan requests.
 *
 * @param value the number in decimal digits, without leading zeros
 */
public record OclcNumber(String value) {

    private static final String KIND = "OCLC number";

    /**
     * An optional "(OCoLC)" label and the digits, optionally with the prefix OCLC gives numbers of
     * each length: ocm for eight digits, ocn for nine, on for ten or more.
     */
    private static final Pattern WRITTEN_FORM = Pattern.compile(
            "(?:\\(OCOLC\\)\\s*)?(?:OCM([0-9]{8})|OCN([0-9]{9})|ON([0-9]{10,})|([0-9]+))");

    public OclcNumber {
        String normalised = normalise(value);
        if (!normalised.equals(value)) {
            throw new InvalidIdentifierException(KIND, value, "not in canonical form " + normalised + "; use OclcNumber.parse");
        }
    }

    /**
     * Reads an OCLC number as written in 035 $a, in WorldCat links or by people.
     *
     * @throws InvalidIdentifierException if it is not a positive number in one of those forms
     */
    public static OclcNumber parse(String raw) {
        return new OclcNumber(normalise(raw));
    }

    public static boolean isValid(String raw) {
        return IdentifierText.parses(raw, OclcNumber::normalise);
    }

    private static String normalise(String raw) {
        String trimmed = IdentifierText.present(KIND, raw);
        Matcher matcher = WRITTEN_FORM.matcher(trimmed.toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new InvalidIdentifierException(KIND, raw,
                    "should be digits, optionally after (OCoLC) and ocm (8 digits), ocn (9 digits) or on (10 or more)");
        }
        String digits = firstNonNull(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
        String withoutLeadingZeros = digits.replaceFirst("^0+", "");
        if (withoutLeadingZeros.isEmpty()) {
            throw new InvalidIdentifierException(KIND, raw, "should be greater than zero");
        }
        return withoutLeadingZeros;
    }

    private static String firstNonNull(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                return candidate;
            }
        }
        throw new IllegalStateException("the pattern has one digit group per alternative");
    }
}
