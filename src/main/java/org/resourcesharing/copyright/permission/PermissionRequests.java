package org.resourcesharing.copyright.permission;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.resourcesharing.catalogue.InvalidIdentifierException;
import org.resourcesharing.catalogue.Isbn;
import org.resourcesharing.catalogue.Issn;
import org.resourcesharing.copyright.PageRanges;
import org.resourcesharing.platform.FieldErrors;

/**
 * Reads a request from its values by field name, whichever door it came through (the API, the
 * instructor page, the start form or the email completion task in Tasklist: they use the same names,
 * which are also the process variables), and says what is wrong field by field.
 */
final class PermissionRequests {

    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private PermissionRequests() {
    }

    /** The request, or null with {@code errors} naming every field that is wrong. */
    static WorkRequest read(Map<String, ?> values, FieldErrors errors, int currentYear) {
        String courseCode = required(values, "courseCode", errors, 50);
        String term = required(values, "term", errors, 50);
        required(values, "instructorName", errors, 200);
        String email = required(values, "instructorEmail", errors, 300);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add("instructorEmail", "not an email address");
        }
        String language = text(values.get("instructorLanguage"));
        if (language != null && !language.matches("en|fr")) {
            errors.add("instructorLanguage", "must be en or fr");
        }
        Integer students = number(values, "students", errors, 1, 100_000, true);
        IntendedUse use = choice(values, "intendedUse", IntendedUse::read, IntendedUse.values(), errors);
        WorkType workType = choice(values, "workType", WorkType::read, WorkType.values(), errors);
        String title = required(values, "title", errors, 1000);
        Authorship authorship = choice(values, "authorship", Authorship::read, Authorship.values(), errors);
        Integer year = number(values, "publicationYear", errors, 1000, currentYear + 1, false);
        String isbn = identifier(values, "isbn", raw -> Isbn.parse(raw).isbn13(), errors);
        String issn = identifier(values, "issn", raw -> Issn.parse(raw).value(), errors);
        boolean linkOnly = Boolean.TRUE.equals(values.get("linkOnly")) || "true".equalsIgnoreCase(String.valueOf(values.get("linkOnly")));
        String pages = text(values.get("pagesRequested"));
        OptionalInt pageCount = PageRanges.expectedPages(pages);
        if (pages == null && !linkOnly && workType != WorkType.WHOLE_WORK && workType != WorkType.FILM_VIDEO) {
            errors.add("pagesRequested", "required: which pages, e.g. 45-74");
        } else if (pages != null && pageCount.isEmpty()) {
            errors.add("pagesRequested", "not page numbers; write them like 45-74, 80");
        }
        Integer totalPages = number(values, "totalPages", errors, 1, 1_000_000, false);
        if (totalPages != null && pageCount.isPresent() && pageCount.getAsInt() > totalPages) {
            errors.add("totalPages", "fewer than the " + pageCount.getAsInt() + " pages requested");
        }
        Source source = choice(values, "source", Source::read, Source.values(), errors);
        String licence = text(values.get("licence"));
        if (source == Source.LICENSED_ERESOURCE && licence == null) {
            errors.add("licence", "required for a licensed e-resource: which licence (e.g. JSTOR)");
        }
        String link = text(values.get("persistentLink"));
        if (link != null && !isWebAddress(link)) {
            errors.add("persistentLink", "not a web address (http:// or https://)");
        }
        if (linkOnly && link == null) {
            errors.add("persistentLink", "required when only a link is posted");
        }
        if (linkOnly && source != null && source != Source.LICENSED_ERESOURCE) {
            errors.add("linkOnly", "a link only is possible to a licensed e-resource; choose that source");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new WorkRequest(courseCode, term, students, use, workType, title, Authors.parse(text(values.get("authors"))), authorship,
                text(values.get("publisher")), year, isbn, issn, pages, totalPages, source, source == Source.LICENSED_ERESOURCE ? licence : null,
                link, linkOnly, language == null ? "en" : language);
    }

    private static String required(Map<String, ?> values, String field, FieldErrors errors, int maxLength) {
        String value = text(values.get(field));
        if (value == null) {
            errors.add(field, "required");
        } else if (value.length() > maxLength) {
            errors.add(field, "longer than " + maxLength + " characters");
        }
        return value;
    }

    private static Integer number(Map<String, ?> values, String field, FieldErrors errors, int min, int max, boolean required) {
        Object value = values.get(field);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                errors.add(field, "required");
            }
            return null;
        }
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
            int whole = number.intValueExact();
            if (whole < min || whole > max) {
                errors.add(field, "must be between " + min + " and " + max);
                return null;
            }
            return whole;
        } catch (NumberFormatException | ArithmeticException notAWholeNumber) {
            errors.add(field, "not a whole number");
            return null;
        }
    }

    private static <E extends Enum<E>> E choice(Map<String, ?> values, String field, Function<Object, Optional<E>> read, E[] all,
            FieldErrors errors) {
        Object value = values.get(field);
        Optional<E> chosen = read.apply(value == null || value.toString().isBlank() ? null : value);
        if (chosen.isEmpty()) {
            errors.add(field, (value == null || value.toString().isBlank() ? "required" : "'" + value + "' is not") + " one of "
                    + Arrays.stream(all).map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
        return chosen.get();
    }

    private static String identifier(Map<String, ?> values, String field, Function<String, String> normalise, FieldErrors errors) {
        String value = text(values.get(field));
        if (value == null) {
            return null;
        }
        try {
            return normalise.apply(value);
        } catch (InvalidIdentifierException invalid) {
            errors.add(field, invalid.reason());
            return null;
        }
    }

    private static boolean isWebAddress(String link) {
        try {
            URI uri = URI.create(link);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
