package org.resourcesharing.hiring;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of hiring records (resource-sharing.hiring.retention-after-employment): when a student's
 * employment ends they leave the roster; that long after, their personnel file is deleted and their
 * application and roster entry anonymised. Applications that did not lead to a hire are anonymised
 * that long after their posting closed. Absence records stay, without identity, for the counts.
 */
class PersonnelRetention {

    static final String ANONYMISED = "(anonymised)";

    record Purged(int personnelItemsDeleted, int studentsAnonymised, int applicationsAnonymised) {
    }

    private final JdbcClient jdbc;
    private final PersonnelFile file;
    private final HiringProperties properties;

    PersonnelRetention(JdbcClient jdbc, PersonnelFile file, HiringProperties properties) {
        this.jdbc = jdbc;
        this.file = file;
        this.properties = properties;
    }

    /** Employment ended on that day: off the roster; the retention period starts. False when no such active student. */
    boolean endEmployment(String applicationNumber, LocalDate endDate) {
        return jdbc.sql("update hiring_student set active = false, end_date = ? where application_number = ? and active")
                .params(endDate, applicationNumber).update() == 1;
    }

    /** Deletes and anonymises what is past retention on {@code today}. Running it twice deletes nothing twice. */
    @Transactional
    public Purged purge(LocalDate today) {
        LocalDate endedBefore = today.minus(properties.retentionAfterEmployment());
        List<String> students = jdbc.sql("select application_number from hiring_student where end_date < ? and name <> ?")
                .params(endedBefore, ANONYMISED).query(String.class).list();
        int items = 0;
        for (String student : students) {
            items += file.delete(student);
            jdbc.sql("update hiring_student set name = ?, email = ?, availability = '' where application_number = ?")
                    .params(ANONYMISED, ANONYMISED, student).update();
            anonymise(student);
        }
        List<String> notHired = jdbc.sql("""
                select a.application_number from hiring_application a join hiring_posting p on p.posting_number = a.posting_number
                where p.status = 'CLOSED' and p.closing_date < ? and a.status <> 'HIRED' and a.applicant_name <> ?
                """).params(endedBefore, ANONYMISED).query(String.class).list();
        notHired.forEach(this::anonymise);
        return new Purged(items, students.size(), students.size() + notHired.size());
    }

    private void anonymise(String applicationNumber) {
        jdbc.sql("""
                update hiring_application set applicant_name = ?, student_number = null, email = ?, program = null, availability = '',
                    resume_file_name = null, resume_media_type = null, resume = null, resume_text = null, interview_notes = null, offer_token = null
                where application_number = ?
                """).params(ANONYMISED, ANONYMISED, applicationNumber).update();
    }
}
