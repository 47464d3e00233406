package org.resourcesharing.hiring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The table of published postings (V10__hiring.sql): what the public page lists, and whether a posting still takes applications. */
class Postings {

    /** A posting as students see it. */
    record Posting(String postingNumber, String title, String duties, BigDecimal hoursPerWeek, String wageCategory, BigDecimal hourlyRate,
            boolean workStudy, int positions, LocalDate startDate, LocalDate closingDate, String supervisor, boolean open) {
    }

    private final JdbcClient jdbc;

    Postings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** JOB-000001, JOB-000002, …: the next posting number, which is also its process's business key. */
    String nextNumber() {
        long next = jdbc.sql("select nextval('hiring_posting_number')").query(Long.class).single();
        return "JOB-%06d".formatted(next);
    }

    /** Publishes the posting, or publishes it again with its new details (a closing date moved on): open either way. */
    void publish(Posting posting, String processInstanceId) {
        int updated = jdbc.sql("""
                update hiring_posting set title = ?, duties = ?, hours_per_week = ?, wage_category = ?, hourly_rate = ?, work_study = ?,
                    positions = ?, start_date = ?, closing_date = ?, supervisor = ?, status = 'OPEN', published_at = ?
                where posting_number = ?
                """)
                .params(posting.title(), posting.duties(), posting.hoursPerWeek(), posting.wageCategory(), posting.hourlyRate(),
                        posting.workStudy(), posting.positions(), posting.startDate(), posting.closingDate(), posting.supervisor(),
                        OffsetDateTime.now(), posting.postingNumber())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into hiring_posting (posting_number, title, duties, hours_per_week, wage_category, hourly_rate, work_study, positions,
                        start_date, closing_date, supervisor, status, process_instance_id, published_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)
                    """)
                    .params(posting.postingNumber(), posting.title(), posting.duties(), posting.hoursPerWeek(), posting.wageCategory(),
                            posting.hourlyRate(), posting.workStudy(), posting.positions(), posting.startDate(), posting.closingDate(),
                            posting.supervisor(), processInstanceId, OffsetDateTime.now())
                    .update();
        }
    }

    void close(String postingNumber) {
        jdbc.sql("update hiring_posting set status = 'CLOSED' where posting_number = ?").param(postingNumber).update();
    }

    List<Posting> open() {
        return jdbc.sql(SELECT + " where status = 'OPEN' order by closing_date, posting_number").query(Postings::posting).list();
    }

    Optional<Posting> find(String postingNumber) {
        return jdbc.sql(SELECT + " where posting_number = ?").param(postingNumber).query(Postings::posting).optional();
    }

    /** Students a supervisor directs now. */
    int activeStudents(String supervisor) {
        return jdbc.sql("select count(*) from hiring_student where supervisor = ? and active").param(supervisor).query(Integer.class).single();
    }

    private static final String SELECT = """
            select posting_number, title, duties, hours_per_week, wage_category, hourly_rate, work_study, positions, start_date,
                closing_date, supervisor, status
            from hiring_posting""";

    private static Posting posting(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new Posting(row.getString("posting_number"), row.getString("title"), row.getString("duties"), row.getBigDecimal("hours_per_week"),
                row.getString("wage_category"), row.getBigDecimal("hourly_rate"), row.getBoolean("work_study"), row.getInt("positions"),
                row.getObject("start_date", LocalDate.class), row.getObject("closing_date", LocalDate.class), row.getString("supervisor"),
                "OPEN".equals(row.getString("status")));
    }
}
