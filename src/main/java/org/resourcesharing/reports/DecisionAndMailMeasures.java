package org.resourcesharing.reports;

import java.util.List;

import org.resourcesharing.reports.ReportsProperties.MeasuredDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Decision tables' outcomes by rule (the engine's decision history) and received emails by classification (mail_received). */
@Repository
class DecisionAndMailMeasures {

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
