package org.resourcesharing.reports;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A constructed history: rows written straight into the engine's history tables (and the domain records the reports
 * read) with chosen times, so that medians and percentiles are known in advance. Requests of measured processes are
 * recorded through {@link RequestRecords}, the same calls the engine's events make through {@link RequestRecorder}.
 */
final class TestHistory {

    private final JdbcClient jdbc;
    private final RequestRecords records;

    TestHistory(JdbcClient jdbc, RequestRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    /** A process instance started at {@code started}; add variables, milestones and its end. */
    Instance request(String processKey, LocalDateTime started) {
        String id = "test-" + UUID.randomUUID();
        jdbc.sql("""
                insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, PROC_DEF_ID_, PROC_DEF_KEY_, START_TIME_, STATE_)
                values (?, ?, ?, ?, ?, 'ACTIVE')
                """).params(id, id, processKey + ":test", processKey, started).update();
        records.measured(processKey).ifPresent(process -> records.started(process, id, null, started));
        return new Instance(id, processKey);
    }

    final class Instance {

        final String id;
        private final String processKey;

        private Instance(String id, String processKey) {
            this.id = id;
            this.processKey = processKey;
        }

        Instance variable(String name, String value) {
            jdbc.sql("insert into ACT_HI_VARINST (ID_, PROC_INST_ID_, PROC_DEF_KEY_, NAME_, VAR_TYPE_, TEXT_, STATE_) values (?, ?, ?, ?, 'string', ?, 'CREATED')")
                    .params(UUID.randomUUID().toString(), id, processKey, name, value).update();
            records.measured(processKey).ifPresent(process -> records.variables(process, id, Map.of(name, value)));
            return this;
        }

        /** The activity was done (ended) at {@code at}. */
        Instance reached(String activityId, LocalDateTime at) {
            activity(activityId, "test", at, at);
            records.measured(processKey).ifPresent(process -> records.activityEnded(process, id, activityId, at));
            return this;
        }

        /** The activity started at {@code since} and is still waiting. */
        Instance waitingAt(String activityId, LocalDateTime since) {
            activity(activityId, "test", since, null);
            return this;
        }

        /**
         * Since {@code since} the instance is inside an activity that only contains others, of the engine's type
         * {@code activityType} ({@code subProcess}, {@code multiInstanceBody}, ...): the engine keeps it open as long as
         * what the instance waits at inside, added with {@link #waitingAt}.
         */
        Instance inside(String activityId, String activityType, LocalDateTime since) {
            activity(activityId, activityType, since, null);
            return this;
        }

        Instance ended(String endActivityId, LocalDateTime at) {
            reached(endActivityId, at);
            records.ended(id, endActivityId, at);
            jdbc.sql("update ACT_HI_PROCINST set END_TIME_ = ?, END_ACT_ID_ = ?, STATE_ = 'COMPLETED' where ID_ = ?").params(at, endActivityId, id)
                    .update();
            return this;
        }

        /** A user task created at {@code created}, completed at {@code completed} (null: still open). */
        Instance task(String taskKey, String name, LocalDateTime created, LocalDateTime completed) {
            jdbc.sql("""
                    insert into ACT_HI_TASKINST (ID_, PROC_DEF_KEY_, PROC_INST_ID_, TASK_DEF_KEY_, NAME_, START_TIME_, END_TIME_)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID().toString(), processKey, id, taskKey, name, created, completed).update();
            return this;
        }

        private void activity(String activityId, String activityType, LocalDateTime started, LocalDateTime ended) {
            jdbc.sql("""
                    insert into ACT_HI_ACTINST (ID_, PROC_DEF_ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_, END_TIME_)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(UUID.randomUUID().toString(), processKey + ":test", processKey, id, id, activityId, activityType, started, ended).update();
        }
    }

    /** One evaluation of a decision table with its outcome and rule outputs. */
    void decision(String decisionKey, LocalDateTime at, String ruleId, String outcomeOutput, String outcome, String ruleOutput, String rule) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into ACT_HI_DECINST (ID_, DEC_DEF_ID_, DEC_DEF_KEY_, EVAL_TIME_) values (?, ?, ?, ?)").params(id, decisionKey + ":test", decisionKey, at)
                .update();
        for (String[] output : new String[][] {{outcomeOutput, outcome}, {ruleOutput, rule}}) {
            jdbc.sql("insert into ACT_HI_DEC_OUT (ID_, DEC_INST_ID_, RULE_ID_, VAR_NAME_, VAR_TYPE_, TEXT_) values (?, ?, ?, ?, 'string', ?)")
                    .params(UUID.randomUUID().toString(), id, ruleId, output[0], output[1]).update();
        }
    }

    /** One decision in the copyright team's log of course-materials decisions. */
    void courseMaterialsDecision(String step, String outcome, String ruleCode, String ruleName, LocalDateTime at) {
        jdbc.sql("""
                insert into copyright_decision (business_key, step, outcome, rule_code, rule_name, reasoning, decided_by, decided_at,
                    course_code, term, work_key, work_title, work_type, intended_use, units)
                values ('CR-TEST', ?, ?, ?, ?, 'constructed', 'system', ?, 'TEST 101', '2020W', 'title:test', 'Test', 'BOOK_CHAPTER', 'COURSE_PACK', 0)
                """).params(step, outcome, ruleCode, ruleName, offset(at)).update();
    }

    void mailReceived(String mailbox, String classification, String outcome, LocalDateTime at) {
        jdbc.sql("""
                insert into mail_received (id, mailbox, message_key, classification, outcome, raw_message, received_at)
                values (?, ?, ?, ?, ?, '', ?)
                """).params(UUID.randomUUID().toString(), mailbox, UUID.randomUUID().toString(), classification, outcome, offset(at)).update();
    }

    /** An ISO 18626 message to or from a lender about one of our requests. */
    void message(String direction, String lender, String requestId, String type, String value, LocalDateTime at) {
        jdbc.sql("""
                insert into iso18626_message (id, direction, partner_agency_id, requesting_request_id, message_type, message_value, outcome, created_at)
                values (?, ?, ?, ?, ?, ?, 'SENT', ?)
                """).params(UUID.randomUUID().toString(), direction, lender, requestId, type, value, offset(at)).update();
    }

    private static OffsetDateTime offset(LocalDateTime at) {
        return at.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
