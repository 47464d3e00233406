package org.resourcesharing.copyright.permission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The decision log: appended to by the process, read by the copyright team, deleted after the retention period. */
public class CopyrightDecisions {

    /** One decision on one request. */
    public record Decision(long id, String businessKey, String step, String outcome, String ruleCode, String ruleName, String reasoning,
            String decidedBy, OffsetDateTime decidedAt, String courseCode, String term, String workKey, String workTitle, String workType,
            String intendedUse, String pagesRequested, Integer pageCount, Integer totalPages, int units) {
    }

    /** What earlier requests of the same course and term already copied of a work under fair dealing. */
    record PriorUse(int pages, int units, int requests) {

        static final PriorUse NONE = new PriorUse(0, 0, 0);
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    /** @param transactions those of {@code jdbc}'s data source (the engine's, in the application) */
    CopyrightDecisions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Waits until no other transaction is counting the same work for the same course and term, and keeps
     * the others waiting until this transaction ends: call it before {@link #priorFairDealing}, in the
     * transaction that records the decision. The lock's row is created (once) in a transaction of its own,
     * so that two first requests for a work cannot fail each other's assessment on the key.
     */
    void lockWork(String courseCode, String term, String workKey) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                    insert into copyright_work_lock (course_code, term, work_key)
                    select ?, ?, ?
                    where not exists (select 1 from copyright_work_lock where course_code = ? and term = ? and work_key = ?)
                    """).params(courseCode, term, workKey, courseCode, term, workKey).update());
        } catch (DuplicateKeyException createdAtTheSameMoment) {
            // the other transaction's row is the lock
        }
        jdbc.sql("select work_key from copyright_work_lock where course_code = ? and term = ? and work_key = ? for update")
                .params(courseCode, term, workKey).query(String.class).single();
    }

    void record(String businessKey, String step, String outcome, String ruleCode, String ruleName, String reasoning, String decidedBy,
            Instant decidedAt, WorkRequest request, int units) {
        jdbc.sql("""
                insert into copyright_decision (business_key, step, outcome, rule_code, rule_name, reasoning, decided_by, decided_at,
                    course_code, term, work_key, work_title, work_type, intended_use, pages_requested, page_count, total_pages, units)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(businessKey, step, outcome, ruleCode, truncate(ruleName, 200), truncate(reasoning, 4000), decidedBy,
                        decidedAt.atOffset(ZoneOffset.UTC), request.courseCode(), request.term(), request.workKey(), truncate(request.title(), 1000),
                        request.workType().name(), request.use().name(), request.pagesRequested(),
                        request.pageCount().isPresent() ? request.pageCount().getAsInt() : null, request.totalPages(),
                        units)
                .update();
    }

    /**
     * The pages and whole units (chapters, articles, ...) of the work that other requests of the course
     * and term were cleared for under fair dealing: only requests whose latest decision is that clearance
     * count, so a clearance the team overrode later does not.
     */
    PriorUse priorFairDealing(String courseCode, String term, String workKey, String excludingBusinessKey) {
        Map<String, Decision> latest = new LinkedHashMap<>();
        jdbc.sql("select * from copyright_decision where course_code = ? and term = ? and work_key = ? and business_key <> ? order by id")
                .params(courseCode, term, workKey, excludingBusinessKey).query(CopyrightDecisions::decision).list()
                .forEach(decision -> latest.put(decision.businessKey(), decision));
        List<Decision> cleared = latest.values().stream()
                .filter(decision -> "CLEARED".equals(decision.outcome()) && "FAIR_DEALING".equals(decision.ruleCode())).toList();
        return new PriorUse(cleared.stream().mapToInt(decision -> decision.pageCount() == null ? 0 : decision.pageCount()).sum(),
                cleared.stream().mapToInt(Decision::units).sum(), cleared.size());
    }

    /** Decisions in order, filtered by what is given (null: any). */
    public List<Decision> find(String courseCode, String term, String businessKey, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("select * from copyright_decision where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (courseCode != null) {
            sql.append(" and course_code = ?");
            params.add(courseCode);
        }
        if (term != null) {
            sql.append(" and term = ?");
            params.add(term);
        }
        if (businessKey != null) {
            sql.append(" and business_key = ?");
            params.add(businessKey);
        }
        if (from != null) {
            sql.append(" and decided_at >= ?");
            params.add(from.atOffset(ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" and decided_at < ?");
            params.add(to.atOffset(ZoneOffset.UTC));
        }
        return jdbc.sql(sql.append(" order by id").toString()).params(params).query(CopyrightDecisions::decision).list();
    }

    /** Deletes decisions made before {@code cutoff}; returns how many. */
    int deleteDecidedBefore(Instant cutoff) {
        return jdbc.sql("delete from copyright_decision where decided_at < ?").param(cutoff.atOffset(ZoneOffset.UTC)).update();
    }

    private static Decision decision(ResultSet rs, int row) throws SQLException {
        return new Decision(rs.getLong("id"), rs.getString("business_key"), rs.getString("step"), rs.getString("outcome"),
                rs.getString("rule_code"), rs.getString("rule_name"), rs.getString("reasoning"), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("course_code"), rs.getString("term"), rs.getString("work_key"),
                rs.getString("work_title"), rs.getString("work_type"), rs.getString("intended_use"), rs.getString("pages_requested"),
                rs.getObject("page_count", Integer.class), rs.getObject("total_pages", Integer.class), rs.getInt("units"));
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
