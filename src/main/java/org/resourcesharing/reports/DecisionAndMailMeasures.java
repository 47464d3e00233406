package org.resourcesharing.reports;

import java.util.List;

import org.resourcesharing.reports.ReportsProperties.MeasuredDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Decision tables' outcomes by rule (the engine's decision history), the course-materials copyright decisions by outcome
 * and rule (copyright_decision), and received emails by classification (mail_received).
 */
@Repository
class DecisionAndMailMeasures {

    /** What the course-materials decisions are listed under, beside the decision tables' keys. */
    static final String COURSE_MATERIALS = "course materials (decision log)";

    record DecisionCount(String decisionKey, String outcome, String ruleId, String rule, long decisions) {
    }

    record MailCount(String mailbox, String classification, String outcome, long messages) {
    }

    private final JdbcClient jdbc;

    DecisionAndMailMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Evaluations of the table in the range, by the outcome they gave and the rule that gave it. */
    List<DecisionCount> decisions(MeasuredDecision decision, DateRange range) {
        return jdbc.sql("""
                select o.TEXT_ outcome, o.RULE_ID_ rule_id, max(r.TEXT_) rule_text, count(*) decisions
                from ACT_HI_DECINST d
                join ACT_HI_DEC_OUT o on o.DEC_INST_ID_ = d.ID_ and o.VAR_NAME_ = :outcome
                left join ACT_HI_DEC_OUT r on r.DEC_INST_ID_ = d.ID_ and r.RULE_ID_ = o.RULE_ID_ and r.VAR_NAME_ = :rule
                where d.DEC_DEF_KEY_ = :key and d.EVAL_TIME_ >= :from and d.EVAL_TIME_ < :to
                group by o.TEXT_, o.RULE_ID_
                order by count(*) desc, o.TEXT_, o.RULE_ID_
                """).param("key", decision.key()).param("outcome", decision.outcomeOutput())
                .param("rule", decision.ruleOutput() == null ? "" : decision.ruleOutput())
                .param("from", range.start()).param("to", range.end())
                .query((rs, row) -> new DecisionCount(decision.key(), rs.getString("outcome"), rs.getString("rule_id"),
                        rs.getString("rule_text") == null ? rs.getString("rule_id") : rs.getString("rule_text"), rs.getLong("decisions")))
                .list();
    }

    /** Course-materials copyright decisions made in the range (every step: assessment, review, staff's, rights holder's answer). */
    List<DecisionCount> courseMaterialsDecisions(DateRange range) {
        return jdbc.sql("""
                select outcome, rule_code, max(rule_name) rule_name, count(*) decisions from copyright_decision
                where decided_at >= :from and decided_at < :to
                group by outcome, rule_code
                order by count(*) desc, outcome, rule_code
                """).param("from", range.startAt()).param("to", range.endAt())
                .query((rs, row) -> new DecisionCount(COURSE_MATERIALS, rs.getString("outcome"), rs.getString("rule_code"), rs.getString("rule_name"),
                        rs.getLong("decisions")))
                .list();
    }

    List<MailCount> mailsByClassification(DateRange range) {
        return jdbc.sql("""
                select mailbox, classification, outcome, count(*) messages from mail_received
                where received_at >= :from and received_at < :to
                group by mailbox, classification, outcome
                order by mailbox, count(*) desc, classification, outcome
                """).param("from", range.startAt()).param("to", range.endAt())
                .query((rs, row) -> new MailCount(rs.getString("mailbox"), rs.getString("classification"), rs.getString("outcome"),
                        rs.getLong("messages")))
                .list();
    }
}
