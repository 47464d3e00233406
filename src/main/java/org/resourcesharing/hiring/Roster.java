package org.resourcesharing.hiring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The desk roster (hiring_student): the students working at the desk, with their availability and hours. */
class Roster {

    private final JdbcClient jdbc;

    Roster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Puts the hired applicant on the roster, once. */
    void add(Applications.Application student, String supervisor, boolean workStudy, BigDecimal hoursPerWeek, LocalDate startDate) {
        if (jdbc.sql("select count(*) from hiring_student where application_number = ?").param(student.applicationNumber()).query(Long.class)
                .single() > 0) {
            return;
        }
        jdbc.sql("""
                insert into hiring_student (student_id, application_number, name, email, supervisor, work_study, hours_per_week, availability,
                    start_date, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)
                """).params(UUID.randomUUID().toString(), student.applicationNumber(), student.applicantName(), student.email(), supervisor,
                workStudy, hoursPerWeek, String.join(",", student.availability()), startDate).update();
    }
}
