package org.resourcesharing.hiring;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.resourcesharing.platform.FieldErrors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Absences from desk shifts and who covers them (V10_2): a shift is offered to the other students on
 * the roster who are available for its slot and would stay within their weekly hours (Work Study at
 * most 10, others the configured maximum); the first to accept gets it.
 */
class ShiftCoverage {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    record Absence(String absenceId, String student, String studentName, LocalDate shiftDate, String slot, String reason, String status,
            String coveredBy) {
    }

    /** A student on the roster, with what decides whether they may take a shift. */
    record Student(String applicationNumber, String name, String email, boolean workStudy, BigDecimal hoursPerWeek, List<String> availability) {
    }

    record Offer(String token, String absenceId, Student student, String status) {
    }

    enum Acceptance {
        ACCEPTED, ALREADY_TAKEN, OVER_LIMIT
    }

    private final JdbcClient jdbc;
    private final HiringProperties properties;
    private final SecureRandom random = new SecureRandom();

    ShiftCoverage(JdbcClient jdbc, HiringProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Records an absence of an active student from a shift; refuses it with the reasons. */
    Absence report(String student, LocalDate shiftDate, String slot, String reason) {
        FieldErrors errors = new FieldErrors();
        if (student == null || findStudent(student).isEmpty()) {
            errors.add("applicationNumber", "must be a student on the desk roster");
        }
        if (shiftDate == null) {
            errors.add("shiftDate", "must be a date (yyyy-mm-dd)");
        }
        if (slot == null || !JobApplicationForm.SLOTS.containsKey(slot)) {
            errors.add("slot", "must be one of " + JobApplicationForm.SLOTS.keySet());
        } else if (shiftDate != null && !slot.startsWith(shiftDate.getDayOfWeek().name().substring(0, 3).toLowerCase())) {
            errors.add("slot", slot + " is not on " + shiftDate.getDayOfWeek().name().toLowerCase() + " " + shiftDate);
        }
        errors.throwIfAny();
        String id = "SHIFT-" + jdbc.sql("select nextval('hiring_absence_number')").query(Long.class).single();
        jdbc.sql("""
                insert into hiring_absence (absence_id, application_number, shift_date, slot, reason, reported_at, status)
                values (?, ?, ?, ?, ?, ?, 'OPEN')
                """).params(id, student, shiftDate, slot, reason, OffsetDateTime.now()).update();
        return absence(id).orElseThrow();
    }

    /** Offers the shift to every other active student available for its slot and within their hours; returns the offers' tokens. */
    List<String> offer(String absenceId) {
        Absence absence = absence(absenceId).orElseThrow();
        List<String> tokens = new ArrayList<>();
        for (Student student : activeStudents()) {
            if (!student.applicationNumber().equals(absence.student()) && student.availability().contains(absence.slot())
                    && withinHours(student, absence.shiftDate())) {
                byte[] bytes = new byte[32];
                random.nextBytes(bytes);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                jdbc.sql("insert into hiring_shift_offer (token, absence_id, application_number, status) values (?, ?, ?, 'OFFERED')")
                        .params(token, absenceId, student.applicationNumber()).update();
                tokens.add(token);
            }
        }
        return tokens;
    }

    /**
     * The student of the offer takes the shift, if it is still open and within their hours that week;
     * the other offers are then taken.
     */
    Acceptance accept(String token) {
        Offer offer = offerByToken(token).orElseThrow();
        Absence absence = jdbc.sql("select absence_id from hiring_absence where absence_id = ? for update").param(offer.absenceId())
                .query(String.class).optional().flatMap(this::absence).orElseThrow();
        if (!"OPEN".equals(absence.status())) {
            return Acceptance.ALREADY_TAKEN;
        }
        if (!withinHours(offer.student(), absence.shiftDate())) {
            return Acceptance.OVER_LIMIT;
        }
        cover(absence.absenceId(), offer.student().applicationNumber());
        jdbc.sql("update hiring_shift_offer set status = case when token = ? then 'ACCEPTED' else 'TAKEN' end where absence_id = ?")
                .params(token, absence.absenceId()).update();
        return Acceptance.ACCEPTED;
    }

    /** The supervisor's decision: covered by a student, or by nobody (null). Open offers lapse. */
    void settle(String absenceId, String coveredBy) {
        if (coveredBy == null) {
            jdbc.sql("update hiring_absence set status = 'UNCOVERED' where absence_id = ?").param(absenceId).update();
        } else {
            cover(absenceId, coveredBy);
        }
        jdbc.sql("update hiring_shift_offer set status = 'TAKEN' where absence_id = ? and status = 'OFFERED'").param(absenceId).update();
    }

    private void cover(String absenceId, String student) {
        jdbc.sql("update hiring_absence set status = 'COVERED', covered_by = ? where absence_id = ?").params(student, absenceId).update();
    }

    /** Hours the student works in the week of the day: their position's hours and the shifts they covered that week. */
    BigDecimal hoursInWeek(Student student, LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long covered = jdbc.sql("select count(*) from hiring_absence where covered_by = ? and shift_date between ? and ?")
                .params(student.applicationNumber(), monday, monday.plusDays(6)).query(Long.class).single();
        return student.hoursPerWeek().add(properties.shiftHours().multiply(BigDecimal.valueOf(covered)));
    }

    private boolean withinHours(Student student, LocalDate day) {
        BigDecimal limit = student.workStudy() ? properties.workStudyMaxHours() : properties.maxHoursPerWeek();
        return hoursInWeek(student, day).add(properties.shiftHours()).compareTo(limit) <= 0;
    }

    Optional<Absence> absence(String absenceId) {
        return jdbc.sql("""
                select a.absence_id, a.application_number, s.name, a.shift_date, a.slot, a.reason, a.status, a.covered_by
                from hiring_absence a join hiring_student s on s.application_number = a.application_number where a.absence_id = ?
                """).param(absenceId).query((row, n) -> new Absence(row.getString(1), row.getString(2), row.getString(3),
                row.getObject(4, LocalDate.class), row.getString(5), row.getString(6), row.getString(7), row.getString(8))).optional();
    }

    Optional<Offer> offerByToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select token, absence_id, application_number, status from hiring_shift_offer where token = ?").param(token)
                .query((row, n) -> new Offer(row.getString(1), row.getString(2), findStudent(row.getString(3)).orElseThrow(), row.getString(4)))
                .optional();
    }

    /** The tokens of the absence's offers with that status. */
    List<String> offers(String absenceId, String status) {
        return jdbc.sql("select token from hiring_shift_offer where absence_id = ? and status = ? order by application_number")
                .params(absenceId, status).query(String.class).list();
    }

    Optional<Student> findStudent(String applicationNumber) {
        return jdbc.sql(STUDENTS + " where active and application_number = ?").param(applicationNumber).query(ShiftCoverage::student).optional();
    }

    /** The active student who has this email address (in any case), if exactly one has it. */
    Optional<Student> findStudentByEmail(String email) {
        List<Student> found = jdbc.sql(STUDENTS + " where active and lower(email) = lower(?)").param(email).query(ShiftCoverage::student).list();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private List<Student> activeStudents() {
        return jdbc.sql(STUDENTS + " where active order by application_number").query(ShiftCoverage::student).list();
    }

    private static final String STUDENTS = "select application_number, name, email, work_study, hours_per_week, availability from hiring_student";

    private static Student student(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        String availability = row.getString(6);
        return new Student(row.getString(1), row.getString(2), row.getString(3), row.getBoolean(4), row.getBigDecimal(5),
                availability.isBlank() ? List.of() : List.of(availability.split(",")));
    }
}
