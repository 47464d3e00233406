package org.resourcesharing.copyright;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page ranges as librarians write them in a request ("12-34", "12–34", "pp. 5-9, 12", "45",
 * "123-45" for 123 to 145), read as the number of pages a copy should have. Anything else
 * (roman numerals, "whole issue", "see note") is unknown rather than guessed.
 */
public final class PageRanges {

    private static final Pattern PREFIX = Pattern.compile("^(?:pages?|pp?\\.?)\\s*", Pattern.CASE_INSENSITIVE);
    // hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign
    private static final Pattern RANGE = Pattern.compile("(\\d{1,6})(?:\\s*[-\u2010\u2011\u2012\u2013\u2014\u2212]\\s*(\\d{1,6}))?");

    private record Range(int first, int last) {
    }

    private PageRanges() {
    }

    /** How many pages {@code requested} names (overlaps counted once), or empty when it cannot be read. */
    public static OptionalInt expectedPages(String requested) {
        if (requested == null || requested.isBlank()) {
            return OptionalInt.empty();
        }
        List<Range> ranges = new ArrayList<>();
        for (String part : PREFIX.matcher(requested.strip()).replaceFirst("").split("[,;]")) {
            Matcher range = RANGE.matcher(PREFIX.matcher(part.strip()).replaceFirst(""));
            if (!range.matches()) {
                return OptionalInt.empty();
            }
            int first = Integer.parseInt(range.group(1));
            int last = range.group(2) == null ? first : last(range.group(1), range.group(2));
            if (first < 1 || last < first) {
                return OptionalInt.empty();
            }
            ranges.add(new Range(first, last));
        }
        return OptionalInt.of(countOnce(ranges));
    }

    /** "123-45" means 123 to 145: a shorter end takes its missing leading digits from the start. */
    private static int last(String first, String last) {
        if (last.length() < first.length() && Integer.parseInt(last) < Integer.parseInt(first)) {
            return Integer.parseInt(first.substring(0, first.length() - last.length()) + last);
        }
        return Integer.parseInt(last);
    }

    private static int countOnce(List<Range> ranges) {
        ranges.sort(Comparator.comparingInt(Range::first));
        int pages = 0;
        int counted = 0; // the last page already counted
        for (Range range : ranges) {
            int from = Math.max(range.first(), counted + 1);
            if (range.last() >= from) {
                pages += range.last() - from + 1;
                counted = range.last();
            }
        }
        return pages;
    }
}
