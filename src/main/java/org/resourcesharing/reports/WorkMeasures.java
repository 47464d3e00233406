package org.resourcesharing.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.ActivityTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where work waits, from the engine's history: how long user tasks waited from creation to completion, and what is
 * open on each activity now. Aggregated in the database.
 */
@Repository
class WorkMeasures {

    /** User tasks of one kind created in the range: finished ones with their median and 90th percentile hours, open ones with their median age. */
    record TaskWaiting(String processKey, String taskKey, String taskName, long finished, Double medianHours, Double p90Hours, long open,
            Double openMedianHours) {
    }

    /** What is open on one activity of a process now, and the median hours it has been there. */
    record OpenWork(String activityId, long open, Double medianHours, Double oldestHours) {
    }

    /**
     * Activities that only contain others (an expanded sub-process such as lending's "Decide whether to supply", a
     * transaction, the body of a multi-instance activity): an instance inside one waits at the activity inside, so only
     * that activity counts. A call activity does count: its process waits there for the process it called.
     */
    private static final List<String> CONTAINERS = List.of(ActivityTypes.SUB_PROCESS, ActivityTypes.SUB_PROCESS_AD_HOC, ActivityTypes.TRANSACTION,
            ActivityTypes.MULTI_INSTANCE_BODY);

    private final JdbcClient jdbc;

    WorkMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tasks of the given processes (null: of every process). */
    List<TaskWaiting> taskWaiting(Collection<String> processKeys, DateRange range, LocalDateTime now) {
        if (processKeys != null && processKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select PROC_DEF_KEY_ process_key, TASK_DEF_KEY_ task_key, max(NAME_) task_name, count(END_TIME_) finished,
                    percentile_cont(0.5) within group (order by (extract(epoch from END_TIME_) - extract(epoch from START_TIME_)) / 3600.0) median_hours,
                    percentile_cont(0.9) within group (order by (extract(epoch from END_TIME_) - extract(epoch from START_TIME_)) / 3600.0) p90_hours,
                    count(*) - count(END_TIME_) open_tasks,
                    percentile_cont(0.5) within group (order by case when END_TIME_ is null
                        then (extract(epoch from cast(:now as timestamp)) - extract(epoch from START_TIME_)) / 3600.0 end) open_median_hours
                from ACT_HI_TASKINST
                where (:all = 1 or PROC_DEF_KEY_ in (:keys)) and START_TIME_ >= :from and START_TIME_ < :to
                group by PROC_DEF_KEY_, TASK_DEF_KEY_
                order by PROC_DEF_KEY_, count(*) - count(END_TIME_) desc, TASK_DEF_KEY_
                """).param("all", processKeys == null ? 1 : 0)
                .param("keys", processKeys == null ? List.of("") : processKeys).param("from", range.start()).param("to", range.end()).param("now", now)
                .query((rs, row) -> new TaskWaiting(rs.getString("process_key"), rs.getString("task_key"), rs.getString("task_name"),
                        rs.getLong("finished"), number(rs, "median_hours"), number(rs, "p90_hours"), rs.getLong("open_tasks"),
                        number(rs, "open_median_hours")))
                .list();
    }

    /** Every activity of the process (any version) with instances waiting on it now; not the {@link #CONTAINERS} they wait in. */
    List<OpenWork> openWork(String processKey, LocalDateTime now) {
        return jdbc.sql("""
                select ACT_ID_ activity_id, count(*) open_count,
                    percentile_cont(0.5) within group (order by (extract(epoch from cast(:now as timestamp)) - extract(epoch from START_TIME_)) / 3600.0) median_hours,
                    max((extract(epoch from cast(:now as timestamp)) - extract(epoch from START_TIME_)) / 3600.0) oldest_hours
                from ACT_HI_ACTINST
                where PROC_DEF_KEY_ = :key and END_TIME_ is null and ACT_TYPE_ not in (:containers)
                group by ACT_ID_
                order by count(*) desc, ACT_ID_
                """).param("key", processKey).param("containers", CONTAINERS).param("now", now)
                .query((rs, row) -> new OpenWork(rs.getString("activity_id"), rs.getLong("open_count"),
                        number(rs, "median_hours"), number(rs, "oldest_hours")))
                .list();
    }

    static Double number(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
