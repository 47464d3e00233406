package org.resourcesharing.reports;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.resourcesharing.reports.ReportsProperties.MeasuredProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reports' record of each request (request_record, request_milestone): when it started, its configured variables'
 * last values, when it first reached each milestone and where it ended. Written by {@link RequestRecorder} in the
 * engine's transaction; every write is idempotent, so a step the engine repeats records nothing twice.
 */
@Repository
class RequestRecords {

    private final JdbcClient jdbc;
    private final ReportsProperties properties;

    RequestRecords(JdbcClient jdbc, ReportsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The measured process of this key, if it is one. */
    Optional<MeasuredProcess> measured(String processKey) {
        return properties.processes().stream().filter(process -> process.key().equals(processKey)).findFirst();
    }

    void started(MeasuredProcess process, String processInstanceId, String businessKey, LocalDateTime at) {
        jdbc.sql("""
                insert into request_record (process_instance_id, process_key, business_key, started)
                select ?, ?, ?, ? where not exists (select 1 from request_record where process_instance_id = ?)
                """).params(processInstanceId, process.key(), businessKey, at, processInstanceId).update();
    }

    /** Sets the columns of the process's configured variables found in {@code values} (by variable name) to their values. */
    void variables(MeasuredProcess process, String processInstanceId, Map<String, ?> values) {
        Map<String, String> columns = new LinkedHashMap<>();
        put(columns, "service_type", process.serviceTypeVariable(), values);
        put(columns, "partner", process.partnerVariable(), values);
        put(columns, "reason", process.reasonVariable(), values);
        if (columns.isEmpty()) {
            return;
        }
        StringBuilder set = new StringBuilder();
        columns.keySet().forEach(column -> set.append(set.isEmpty() ? "" : ", ").append(column).append(" = :").append(column));
        JdbcClient.StatementSpec statement = jdbc.sql("update request_record set " + set + " where process_instance_id = :id")
                .param("id", processInstanceId);
        for (Map.Entry<String, String> column : columns.entrySet()) {
            statement = statement.param(column.getKey(), column.getValue());
        }
        statement.update();
    }

    /** The activity ended: the first time for a milestone it belongs to, the request reached that milestone. */
    void activityEnded(MeasuredProcess process, String processInstanceId, String activityId, LocalDateTime at) {
        process.milestones().forEach((milestone, activities) -> {
            if (activities.contains(activityId)) {
                jdbc.sql("""
                        insert into request_milestone (process_instance_id, milestone, process_key, started, reached)
                        select r.process_instance_id, ?, r.process_key, r.started, ? from request_record r
                        where r.process_instance_id = ?
                        and not exists (select 1 from request_milestone m where m.process_instance_id = r.process_instance_id and m.milestone = ?)
                        """).params(milestone, at, processInstanceId, milestone).update();
            }
        });
    }

    void ended(String processInstanceId, String endActivityId, LocalDateTime at) {
        jdbc.sql("update request_record set ended = ?, end_activity = ? where process_instance_id = ? and ended is null")
                .params(at, endActivityId, processInstanceId).update();
    }

    private static void put(Map<String, String> columns, String column, String variable, Map<String, ?> values) {
        if (variable != null && values.containsKey(variable)) {
            Object value = values.get(variable);
            columns.put(column, value == null ? null : value.toString());
        }
    }
}
