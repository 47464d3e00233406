package org.resourcesharing.catalogue;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An International Standard Book Number, always held in its 13-digit form so that the ISBN-10 and
 * ISBN-13 of one edition compare equal.
 *
 * @param isbn13 thirteen digits, no hyphens, with a correct check digit
 */
public record Isbn(String isbn13) {

    private static final String KIND = "ISBN";

    /**
     * An optional "ISBN" label, the number with single hyphens or spaces between its characters,
     * and an optional qualifier such as MARC 020 $a carries ("(pbk.)", "(v. 2) :").
     */
    private static final Pattern WRITTEN_FORM = Pattern.compile(
            "(?:ISBN(?:-1[03])?:?\\s*)?([0-9Xx](?:[- ]?[0-9Xx])*)(?:\\s*\\([^)]*\\))?(?:\\s*[:;.])?");

    public Isbn {
        String normalised = normalise(isbn13);
        if (!normalised.equals(isbn13)) {
            throw new InvalidIdentifierException(KIND, isbn13, "not in canonical form " + normalised + "; use Isbn.parse");
        }
    }

    /**
     * Reads an ISBN-10 or ISBN-13 as people and catalogues write it.
     *
     * @throws InvalidIdentifierException if it is not a well-formed ISBN with a correct check digit
     */
    public static Isbn parse(String raw) {
        return new Isbn(normalise(raw));
    }

    public static boolean isValid(String raw) {
        return IdentifierText.parses(raw, Isbn::normalise);
    }

    /** The ten-digit form, or null for 979 ISBNs, which have none. */
    public String isbn10() {
        if (isbn13.startsWith("979")) {
            return null;
        }
        String body = isbn13.substring(3, 12);
        int check = isbn10CheckValue(body);
        return body + (check == 10 ? "X" : Integer.toString(check));
    }

    private static String normalise(String raw) {
        String trimmed = IdentifierText.present(KIND, raw);
        Matcher matcher = WRITTEN_FORM.matcher(trimmed.toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new InvalidIdentifierException(KIND, raw, "only digits, X as the last character of an ISBN-10, hyphens and spaces are allowed");
        }
        String characters = matcher.group(1).replaceAll("[- ]", "");
        int xPosition = characters.indexOf('X');
        if (xPosition >= 0 && !(characters.length() == 10 && xPosition == 9)) {
            throw new InvalidIdentifierException(KIND, raw, "X is allowed only as the check digit of an ISBN-10");
        }
        return switch (characters.length()) {
            case 10 -> fromIsbn10(raw, characters);
            case 13 -> checkedIsbn13(raw, characters);
            default -> throw new InvalidIdentifierException(KIND, raw, "should have 10 or 13 digits, has " + characters.length());
        };
    }

    private static String fromIsbn10(String raw, String digits) {
        int expected = isbn10CheckValue(digits.substring(0, 9));
        char expectedCharacter = expected == 10 ? 'X' : Character.forDigit(expected, 10);
        if (digits.charAt(9) != expectedCharacter) {
            throw new InvalidIdentifierException(KIND, raw, "check digit should be " + expectedCharacter);
        }
        String body = "978" + digits.substring(0, 9);
        return body + isbn13CheckDigit(body);
    }

    private static String checkedIsbn13(String raw, String digits) {
        if (!digits.startsWith("978") && !digits.startsWith("979")) {
            throw new InvalidIdentifierException(KIND, raw, "should start with 978 or 979");
        }
        int expected = isbn13CheckDigit(digits.substring(0, 12));
        if (digits.charAt(12) - '0' != expected) {
            throw new InvalidIdentifierException(KIND, raw, "check digit should be " + expected);
        }
        return digits;
    }

    /** Weights 10 down to 2; the check makes the total divisible by 11 (10 is written X). */
    private static int isbn10CheckValue(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (10 - i) * (nineDigits.charAt(i) - '0');
        }
        return (11 - sum % 11) % 11;
    }

    /** Weights alternate 1 and 3; the check makes the total divisible by 10. */
    private static int isbn13CheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (i % 2 == 0 ? 1 : 3) * (twelveDigits.charAt(i) - '0');
        }
        return (10 - sum % 10) % 10;
    }
}
