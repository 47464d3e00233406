package org.resourcesharing.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.resourcesharing.platform.FieldErrors;

/** The days a report covers, both included; the engine records local times of this server. */
record DateRange(LocalDate from, LocalDate to) {

    /** Longest range asked for at once: ten years. */
    static final int MAX_DAYS = 3660;

    /** From the {@code from} and {@code to} parameters (YYYY-MM-DD); a missing one is {@code defaultDays} up to today. */
    static DateRange parse(String from, String to, int defaultDays) {
        FieldErrors errors = new FieldErrors();
        LocalDate end = date("to", to, LocalDate.now(), errors);
        LocalDate start = date("from", from, (end == null ? LocalDate.now() : end).minusDays(defaultDays - 1L), errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add("from", "after 'to' (" + end + ")");
        } else if (start != null && end != null && start.plusDays(MAX_DAYS).isBefore(end)) {
            errors.add("from", "more than " + MAX_DAYS + " days before 'to'");
        }
        errors.throwIfAny();
        return new DateRange(start, end);
    }

    private static LocalDate date(String field, String text, LocalDate otherwise, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            errors.add(field, "not a date (YYYY-MM-DD): " + text);
            return null;
        }
    }

    LocalDateTime start() {
        return from.atStartOfDay();
    }

    /** The moment after the last day. */
    LocalDateTime end() {
        return to.plusDays(1).atStartOfDay();
    }

    OffsetDateTime startAt() {
        return start().atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }

    OffsetDateTime endAt() {
        return end().atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
