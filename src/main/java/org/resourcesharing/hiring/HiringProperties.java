package org.resourcesharing.hiring;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Hiring student assistants (bpmn/student-hiring.bpmn): wages, limits and who hears of a posting.
 *
 * @param publicBaseUrl          the address students reach this application at: {@code <publicBaseUrl>/jobs/...}
 * @param zone                   the library's time zone: a posting closes at the end of its closing date there
 * @param minimumWage            Ontario's general minimum wage, each rate with the day it came into force
 * @param wageCategories         the library's student wage categories, each a list of rates with the day they start
 * @param workStudyMaxHours      a Trent Work Study student works at most this many hours a week
 * @param maxStudentsPerSupervisor a supervisor directs at most this many active students; a posting that would pass it is flagged
 * @param announcementRecipients who is emailed a new posting (career office, student job board)
 * @param shiftsToCover          the desk's shifts that need students, as availability slots (mon-evening, …, sat-day, sun-day)
 * @param offerAnswerWithin      how long a candidate has to answer an offer before being reminded
 * @param offerExpiresAfterReminder how long after the reminder the offer expires
 * @param maxResumeSize          the largest résumé accepted by the application form
 * @param onboarding             when each item of the personnel file is due, counted from the start date
 * @param encryption             the key that encrypts personnel files at rest
 * @param retentionAfterEmployment how long personnel files and applications are kept after employment ends
 * @param purgeCron              when expired personnel files are deleted and students anonymised
 * @param shiftHours             how long a desk shift is
 * @param maxHoursPerWeek        a student who is not on Work Study works at most this many hours a week
 * @param coverWithin            how long the other students have to take an absent student's shift before the supervisor must cover it
 * @param termStarts             the days terms begin, as MM-dd (Work Study eligibility is confirmed again each term)
 * @param eveningShiftsFrom      a shift starting at this time or later is an evening shift (mon-evening), earlier a day shift (sat-day):
 *                               how the time in a student's absence email is matched to a slot
 */
@ConfigurationProperties("resource-sharing.hiring")
record HiringProperties(
        String publicBaseUrl,
        @DefaultValue("America/Toronto") ZoneId zone,
        @DefaultValue List<DatedRate> minimumWage,
        @DefaultValue Map<String, List<DatedRate>> wageCategories,
        @DefaultValue("10") BigDecimal workStudyMaxHours,
        @DefaultValue("6") int maxStudentsPerSupervisor,
        @DefaultValue List<String> announcementRecipients,
        @DefaultValue List<String> shiftsToCover,
        @DefaultValue("P3D") Period offerAnswerWithin,
        @DefaultValue("P1D") Period offerExpiresAfterReminder,
        @DefaultValue("5MB") DataSize maxResumeSize,
        @DefaultValue Onboarding onboarding,
        @DefaultValue Encryption encryption,
        @DefaultValue("P1Y") Period retentionAfterEmployment,
        @DefaultValue("0 30 3 * * *") String purgeCron,
        @DefaultValue("4") BigDecimal shiftHours,
        @DefaultValue("20") BigDecimal maxHoursPerWeek,
        @DefaultValue("PT12H") Duration coverWithin,
        @DefaultValue({"09-01", "01-05", "05-01"}) List<String> termStarts,
        @DefaultValue("17:00") LocalTime eveningShiftsFrom) {

    /**
     * @param due            per item (td1, sin, banking, aoda, whsa, eligibility), how long after the start date it is due
     * @param reminderBefore the student is reminded this long before an item is due
     */
    record Onboarding(@DefaultValue Map<String, Period> due, @DefaultValue("P2D") Period reminderBefore) {
    }

    /**
     * AES-GCM with a 256-bit key derived from the password and salt (Spring Security Crypto).
     *
     * @param password the secret; required (the demo profile has a demo one)
     * @param salt     hex, at least 8 bytes
     */
    record Encryption(String password, String salt) {
    }

    /** An hourly rate in force from a day on (until the next one starts). */
    record DatedRate(LocalDate from, BigDecimal rate) {
    }
}
