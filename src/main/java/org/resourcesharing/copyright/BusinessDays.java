package org.resourcesharing.copyright;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/** The library's business days: Monday to Friday, less the configured holidays. */
final class BusinessDays {

    private final Set<LocalDate> holidays;

    BusinessDays(Collection<LocalDate> holidays) {
        this.holidays = Set.copyOf(holidays);
    }

    boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(day);
    }

    /**
     * The last of {@code count} business days that begin on {@code start}: {@code start} is the first
     * of them when it is a business day; otherwise the count begins on the next business day.
     */
    LocalDate lastOf(int count, LocalDate start) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        LocalDate day = start;
        int counted = isBusinessDay(day) ? 1 : 0;
        while (counted < count) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
