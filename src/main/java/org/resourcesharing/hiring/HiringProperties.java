package org.resourcesharing.hiring;

import java.math.BigDecimal;
import java.time.LocalDate;
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
        @DefaultValue("5MB") DataSize maxResumeSize) {

    /** An hourly rate in force from a day on (until the next one starts). */
    record DatedRate(LocalDate from, BigDecimal rate) {
    }
}
