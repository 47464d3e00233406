package org.resourcesharing.hiring;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which shift a student's email is about, in English or French: its day ("Tuesday 8 December",
 * "December 8th", "le mardi 8 décembre", "2026-12-08") and, when given, its time ("18:00", "6 pm",
 * "à 18 h", "18h30"). Emails rarely give the year: the date is taken in the year that puts it nearest
 * to the day the email came, and a weekday that does not fit that date makes the email unreadable
 * rather than guessed at.
 */
final class ShiftReader {

    /** The shift's day and, when the email gives one, its starting time (else null); or why it could not be read. */
    record Shift(LocalDate date, LocalTime time, String problem) {

        static Shift unreadable(String problem) {
            return new Shift(null, null, problem);
        }

        boolean readable() {
            return problem == null;
        }
    }

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY), Map.entry("janvier", Month.JANUARY), Map.entry("february", Month.FEBRUARY),
            Map.entry("fevrier", Month.FEBRUARY), Map.entry("march", Month.MARCH), Map.entry("mars", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("avril", Month.APRIL), Map.entry("may", Month.MAY), Map.entry("mai", Month.MAY),
            Map.entry("june", Month.JUNE), Map.entry("juin", Month.JUNE), Map.entry("july", Month.JULY), Map.entry("juillet", Month.JULY),
            Map.entry("august", Month.AUGUST), Map.entry("aout", Month.AUGUST), Map.entry("september", Month.SEPTEMBER),
            Map.entry("septembre", Month.SEPTEMBER), Map.entry("october", Month.OCTOBER), Map.entry("octobre", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("novembre", Month.NOVEMBER), Map.entry("december", Month.DECEMBER),
            Map.entry("decembre", Month.DECEMBER));
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("lundi", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("mardi", DayOfWeek.TUESDAY), Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("mercredi", DayOfWeek.WEDNESDAY),
            Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("jeudi", DayOfWeek.THURSDAY), Map.entry("friday", DayOfWeek.FRIDAY),
            Map.entry("vendredi", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("samedi", DayOfWeek.SATURDAY),
            Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("dimanche", DayOfWeek.SUNDAY));
    private static final String MONTH = "(?<month>" + String.join("|", MONTHS.keySet()) + ")";
    private static final String WEEKDAY = "(?:(?<weekday>" + String.join("|", WEEKDAYS.keySet()) + ")\\W{1,3}(?:the\\s+|le\\s+)?)?";
    private static final String DAY = "(?<day>[0-3]?\\d)(?:st|nd|rd|th|er)?";
    /** "Tuesday 8 December", "mardi 8 décembre", "Tuesday, December 8th", "2026-12-08" (accents removed first). */
    private static final Pattern DATE = Pattern.compile("(?i)\\b(?:" + WEEKDAY + DAY + "(?:\\s+of)?\\s+" + MONTH + "(?:\\s+(?<year>20\\d\\d))?"
            + "|" + WEEKDAY.replace("weekday", "weekday2") + MONTH.replace("month", "month2") + "\\s+" + DAY.replace("day", "day2")
            + "(?:,?\\s+(?<year2>20\\d\\d))?"
            + "|(?<isoYear>20\\d\\d)-(?<isoMonth>[01]\\d)-(?<isoDay>[0-3]\\d))\\b");
    /** "18:00", "6:30 p.m.", "18 h", "18h30", "6 pm". */
    private static final Pattern TIME = Pattern.compile("(?i)(?<![\\d:])(?:(?<hour>[012]?\\d)\\s*:\\s*(?<minute>[0-5]\\d)(?:\\s*(?<ampm>[ap])\\.?m\\b\\.?)?"
            + "|(?<hourH>[012]?\\d)\\s*h(?!\\p{L})\\s*(?<minuteH>[0-5]\\d)?|(?<hourP>1[0-2]|0?[1-9])\\s*(?<ampmP>[ap])\\.?m\\b\\.?)(?![\\d:])");

    private ShiftReader() {
    }

    /** The shift the words are about, read as if they were written on {@code written}. */
    static Shift read(String words, LocalDate written) {
        String text = withoutAccents(words == null ? "" : words);
        Set<LocalDate> dates = new LinkedHashSet<>();
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            Shift read = date(date, written);
            if (!read.readable()) {
                return read;
            }
            dates.add(read.date());
        }
        if (dates.isEmpty()) {
            return Shift.unreadable("no date of a shift in it");
        }
        if (dates.size() > 1) {
            return Shift.unreadable("more than one date in it (" + String.join(", ", dates.stream().map(LocalDate::toString).toList()) + ")");
        }
        return new Shift(dates.iterator().next(), time(DATE.matcher(text).replaceAll(" ")), null);
    }

    private static Shift date(Matcher found, LocalDate written) {
        String weekday = first(found, "weekday", "weekday2");
        LocalDate date;
        try {
            if (found.group("isoYear") != null) {
                date = LocalDate.of(Integer.parseInt(found.group("isoYear")), Integer.parseInt(found.group("isoMonth")),
                        Integer.parseInt(found.group("isoDay")));
            } else {
                Month month = MONTHS.get(first(found, "month", "month2").toLowerCase(Locale.ROOT));
                int day = Integer.parseInt(first(found, "day", "day2"));
                String year = first(found, "year", "year2");
                date = year != null ? LocalDate.of(Integer.parseInt(year), month, day) : nearest(month, day, written);
            }
        } catch (java.time.DateTimeException impossible) {
            return Shift.unreadable("no such date: " + found.group().strip());
        }
        if (weekday != null && WEEKDAYS.get(weekday.toLowerCase(Locale.ROOT)) != date.getDayOfWeek()) {
            return Shift.unreadable("\"" + found.group().strip() + "\": " + date + " is a "
                    + date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        }
        return new Shift(date, null, null);
    }

    /** The day and month in the year before, of or after the email's that is nearest to it. */
    private static LocalDate nearest(Month month, int day, LocalDate written) {
        LocalDate best = null;
        for (int year = written.getYear() - 1; year <= written.getYear() + 1; year++) {
            LocalDate candidate = LocalDate.of(year, month, Math.min(day, month.length(java.time.Year.isLeap(year))));
            if (candidate.getDayOfMonth() != day) {
                continue; // 29 February in a common year
            }
            if (best == null || Math.abs(candidate.toEpochDay() - written.toEpochDay()) < Math.abs(best.toEpochDay() - written.toEpochDay())) {
                best = candidate;
            }
        }
        if (best == null) {
            throw new java.time.DateTimeException("29 February near " + written);
        }
        return best;
    }

    /** The first time of day in the words (a shift "18:00–22:00" starts at 18:00), or null. */
    private static LocalTime time(String text) {
        Matcher time = TIME.matcher(text);
        while (time.find()) {
            int hour = Integer.parseInt(time.group("hour") != null ? time.group("hour") : first(time, "hourH", "hourP"));
            String minute = first(time, "minute", "minuteH");
            String ampm = first(time, "ampm", "ampmP");
            if (ampm != null && hour >= 1 && hour <= 12) {
                hour = hour % 12 + (ampm.equalsIgnoreCase("p") ? 12 : 0);
            }
            if (hour <= 23) {
                return LocalTime.of(hour, minute == null ? 0 : Integer.parseInt(minute));
            }
        }
        return null;
    }

    private static String first(Matcher matcher, String group, String alternative) {
        return matcher.group(group) != null ? matcher.group(group) : matcher.group(alternative);
    }

    private static String withoutAccents(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
