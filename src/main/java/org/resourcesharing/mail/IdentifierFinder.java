package org.resourcesharing.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds ISBNs, ISSNs, DOIs and OCLC numbers in free text and blanks them out, so that the digits of
 * an identifier, a phone number, an address or a date are never read as a year, a volume or pages.
 * Check digits are not validated here (the catalogue's value types do that), except to tell an
 * unlabelled ten-digit ISBN from any other ten-digit number.
 */
final class IdentifierFinder {

    /** The identifiers found, and the text with them and other numbers that are no citation blanked out. */
    record Found(String isbn, String issn, String doi, String oclcNumber, String blanked) {
    }

    private static final String ISBN_13 = "97[89](?:[- ]?\\d){9}[- ]?\\d";
    private static final String ISBN_10 = "\\d(?:[- ]?\\d){8}[- ]?[\\dXx]";
    private static final Pattern LABELLED_ISBN = Pattern.compile(
            "(?i)\\bISBN(?:-?1[03])?\\s*(?:no\\.?|n°|nr\\.?|number)?\\s*[:#]?\\s*(" + ISBN_13 + "|" + ISBN_10 + ")(?![\\dXx]|-\\d)");
    private static final Pattern BARE_ISBN_13 = Pattern.compile("(?<![\\d-])(" + ISBN_13 + ")(?!\\d|-\\d)");
    private static final Pattern BARE_ISBN_10 = Pattern.compile(
            "(?<![\\d-])(\\d{1,5}-\\d{1,7}-\\d{1,7}-[\\dXx]|\\d{9}[\\dXx])(?![\\dXx]|-\\d)");
    private static final Pattern ISSN = Pattern.compile(
            "(?i)\\b(?:e-?|p-?)?ISSN\\s*(?:\\((?:print|online|electronic|en ligne|imprimé|impreso|gedruckt)\\))?\\s*[:#]?\\s*(\\d{4}\\s?[-–]?\\s?\\d{3}[\\dXx])\\b");
    private static final Pattern DOI = Pattern.compile("(?i)(?:\\bdoi\\s*:?\\s*|https?://(?:dx\\.)?doi\\.org/)?\\b(10\\.\\d{4,9}/[^\\s\"<>«»“”]+)");
    private static final Pattern OCLC = Pattern.compile("(?i)(\\(OCoLC\\)\\s*(?:ocm|ocn|on)?\\d+)"
            + "|\\b(?:OCLC|WorldCat)\\s*(?:#|no\\.?|n°|nr\\.?|number|numéro|nummer|número|control number|accession number)?\\s*[:#]?\\s*"
            + "((?:ocm|ocn|on)?\\d{4,12})\\b"
            + "|worldcat\\.org/(?:[^\\s]*/)?oclc/(\\d+)");
    /** Numbers that are no citation: addresses, links, telephone and fax numbers, dates. */
    private static final Pattern NOISE = Pattern.compile("(?iu)\\S+@\\S+|https?://\\S+|www\\.\\S+"
            + "|(?:tel|phone|telephone|téléphone|tél|telefon|teléfono|fax|mobile|cell|handy|móvil)\\.?\\s*(?:[.:]\\s*)?[+()\\d][\\d ()./-]{5,}\\d"
            + "|\\+\\d[\\d ()./-]{6,}\\d"
            + "|\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b|\\b\\d{4}-\\d{2}-\\d{2}\\b"
            + "|\\b\\d{1,2}\\.?\\s+(?:de\\s+)?(?:jan|feb|fév|fev|mar|mär|apr|avr|abr|may|mai|mayo|jun|juin|jul|juil|aug|aoû|ago|sep|oct|okt|nov|dec|déc|dez|dic|ene|enero)\\p{L}*\\.?(?:\\s+(?:de\\s+)?\\d{4})?"
            + "|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}");
    private static final Pattern PHONE_BEFORE = Pattern.compile("(?iu)(?:tel|phone|téléphone|tél|telefon|teléfono|fax|mobile|cell)\\W{0,3}$");

    private IdentifierFinder() {
    }

    static Found find(String text, List<String> notes) {
        StringBuilder blanked = new StringBuilder(text);
        String doi = first("DOIs", DOI, text, blanked, notes, m -> trimDoi(m.group(1)), IdentifierFinder::lowerCase);
        String oclc = first("OCLC numbers", OCLC, text, blanked, notes, IdentifierFinder::oclc, IdentifierFinder::digits);
        String issn = first("ISSNs", ISSN, text, blanked, notes, m -> m.group(1), IdentifierFinder::digits);
        String isbn = first("ISBNs", LABELLED_ISBN, text, blanked, notes, m -> m.group(1), IdentifierFinder::isbnKey);
        if (isbn == null) {
            isbn = bareIsbn(text, blanked, notes);
        }
        blank(NOISE, blanked);
        return new Found(isbn, issn, doi, oclc, blanked.toString());
    }

    /**
     * The first value, noting when others that differ follow; every match is blanked out.
     *
     * @param key what makes two written forms the same identifier
     */
    private static String first(String kind, Pattern pattern, String text, StringBuilder blanked, List<String> notes,
                                Function<Matcher, String> value, Function<String, String> key) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            if (isBlank(blanked, matcher.start(), matcher.end())) {
                continue; // part of an identifier already found (an ISBN inside a DOI)
            }
            String written = value.apply(matcher).strip();
            found.putIfAbsent(key.apply(written), written);
            blank(blanked, matcher.start(), matcher.end());
        }
        return chooseFirst(kind, new ArrayList<>(found.values()), notes);
    }

    private static String bareIsbn(String text, StringBuilder blanked, List<String> notes) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Pattern pattern : List.of(BARE_ISBN_13, BARE_ISBN_10)) {
            Matcher matcher = pattern.matcher(blanked.toString());
            while (matcher.find()) {
                String written = matcher.group(1);
                boolean tenDigits = pattern == BARE_ISBN_10;
                if (tenDigits && (!validIsbn10(written) || PHONE_BEFORE.matcher(text.substring(0, matcher.start())).find())) {
                    continue;
                }
                found.putIfAbsent(isbnKey(written), written);
                blank(blanked, matcher.start(), matcher.end());
            }
        }
        return chooseFirst("ISBNs", new ArrayList<>(found.values()), notes);
    }

    private static String chooseFirst(String kind, List<String> values, List<String> notes) {
        if (values.size() > 1) {
            notes.add(values.size() + " different " + kind + " found (" + String.join(", ", values) + "); took the first");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static String oclc(Matcher matcher) {
        for (int group = 1; group <= 3; group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        throw new IllegalStateException("every alternative of the pattern has a group");
    }

    /** A DOI ends at the first space; punctuation after it, and an unmatched closing bracket, belong to the sentence. */
    private static String trimDoi(String doi) {
        String trimmed = doi;
        while (!trimmed.isEmpty()) {
            char last = trimmed.charAt(trimmed.length() - 1);
            boolean unmatchedBracket = last == ')' && count(trimmed, '(') < count(trimmed, ')');
            if (".,;:'’".indexOf(last) < 0 && !unmatchedBracket && last != ']') {
                break;
            }
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private static long count(String text, char c) {
        return text.chars().filter(ch -> ch == c).count();
    }

    /** ISBN-10 and ISBN-13 of one edition share a key: the twelve digits before the ISBN-13 check digit. */
    private static String isbnKey(String isbn) {
        String digits = isbn.replaceAll("[^0-9Xx]", "");
        return digits.length() == 10 ? "978" + digits.substring(0, 9) : digits.substring(0, Math.min(12, digits.length()));
    }

    private static boolean validIsbn10(String isbn) {
        String digits = isbn.replaceAll("[^0-9Xx]", "").toUpperCase(Locale.ROOT);
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            char c = digits.charAt(i);
            if (c == 'X' && i < 9) {
                return false;
            }
            sum += (10 - i) * (c == 'X' ? 10 : c - '0');
        }
        return sum % 11 == 0;
    }

    private static String digits(String value) {
        return value.replaceAll("\\D", "").replaceFirst("^0+", "");
    }

    private static String lowerCase(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static void blank(Pattern pattern, StringBuilder text) {
        Matcher matcher = pattern.matcher(text.toString());
        while (matcher.find()) {
            blank(text, matcher.start(), matcher.end());
        }
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) != '\n') {
                text.setCharAt(i, ' ');
            }
        }
    }

    private static boolean isBlank(StringBuilder text, int start, int end) {
        return text.substring(start, end).isBlank();
    }
}
