package org.resourcesharing.fees;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.resourcesharing.platform.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;

/** Request parameters of the fees API: days (YYYY-MM-DD) and the answer's format, chosen by the Accept header. */
final class DayParameter {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private DayParameter() {
    }

    /** The day, or {@code otherwise} when the parameter is absent; a wrong one is added to the errors (and null returned). */
    static LocalDate parse(String value, String field, LocalDate otherwise, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notADate) {
            errors.add(field, "'" + value + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    /** The days from {@code from} to {@code to}, both included. */
    record Days(LocalDate from, LocalDate to) {
    }

    /** A period both of whose days are given, the first not after the last. */
    static Days period(String from, String to) {
        FieldErrors errors = new FieldErrors();
        LocalDate first = parse(from, "from", null, errors);
        LocalDate last = parse(to, "to", null, errors);
        if (from == null || from.isBlank()) {
            errors.add("from", "required: the first day (YYYY-MM-DD)");
        }
        if (to == null || to.isBlank()) {
            errors.add("to", "required: the last day (YYYY-MM-DD)");
        }
        if (first != null && last != null && first.isAfter(last)) {
            errors.add("from", first + " is after " + last);
        }
        errors.throwIfAny();
        return new Days(first, last);
    }

    /**
     * The first of {@code offered} the Accept header takes, by its quality; JSON (the first offered)
     * for a header that takes anything or is absent.
     *
     * @throws ResponseStatusException 406 when the header takes none of them
     */
    static MediaType chosen(String accept, List<MediaType> offered) {
        if (accept == null || accept.isBlank()) {
            return offered.get(0);
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept).stream()
                .sorted((a, b) -> Double.compare(b.getQualityValue(), a.getQualityValue())).toList();
        for (MediaType type : accepted) {
            Optional<MediaType> match = type.isWildcardType() ? Optional.of(offered.get(0))
                    : offered.stream().filter(type::includes).findFirst();
            if (match.isPresent() && type.getQualityValue() > 0) {
                return match.get();
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE, "Offered: " + offered);
    }
}
