package org.resourcesharing.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.resourcesharing.reports.ReportsProperties.MeasuredProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Requests counted and timed in the database, from the reports' record of requests ({@link RequestRecords}): each
 * instance of a measured process started in the range is one request, with its service type, partner and reason
 * (process variables), how it ended (its end activity) and when it first reached each milestone (the end of one of the
 * milestone's activities). Only the aggregates leave the database.
 */
@Repository
class RequestMeasures {

    static final String OPEN = "open";
    static final String FILLED = "filled";
    static final String NOT_FILLED = "not filled";
    static final String ALL = "all";
    /** Where a measure's select reads the requests from: replaced by the query of the process's requests. */
    private static final String REQUESTS = "{requests}";

    /** A request count for one day, kind and outcome. */
    record DayCount(LocalDate day, String serviceType, String outcome, long requests) {
    }

    record FillRate(String serviceType, long filled, long notFilled) {

        Double rate() {
            return filled + notFilled == 0 ? null : (double) filled / (filled + notFilled);
        }
    }

    /** Days from the request to a milestone; {@code partner} is null in the figures over every partner. */
    record Turnaround(String milestone, String serviceType, String partner, long requests, Double medianDays, Double p90Days) {
    }

    record Reason(String reason, String endActivityId, long requests) {
    }

    private final JdbcClient jdbc;

    RequestMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<DayCount> perDay(MeasuredProcess process, DateRange range) {
        String outcome = process.filledMilestone() == null
                ? "case when ended is null then '" + OPEN + "' else end_activity end"
                : "case when " + reached(process, process.filledMilestone()) + " is not null then '" + FILLED + "' when ended is null then '"
                        + OPEN + "' else '" + NOT_FILLED + "' end";
        return query(process, range, "select cast(started as date) started_on, service_type, " + outcome + " outcome, count(*) requests"
                + " from " + REQUESTS + " group by cast(started as date), service_type, " + outcome)
                .query((rs, row) -> new DayCount(rs.getObject("started_on", LocalDate.class), rs.getString("service_type"), rs.getString("outcome"),
                        rs.getLong("requests")))
                .list();
    }

    /** Filled, and finished without being filled, per service type; open requests count in neither. */
    List<FillRate> fillRates(MeasuredProcess process, DateRange range) {
        if (process.filledMilestone() == null) {
            return List.of();
        }
        String filled = reached(process, process.filledMilestone());
        return query(process, range, "select service_type, sum(case when " + filled + " is not null then 1 else 0 end) filled,"
                + " sum(case when " + filled + " is null and ended is not null then 1 else 0 end) not_filled"
                + " from " + REQUESTS + " group by service_type order by service_type")
                .query((rs, row) -> new FillRate(rs.getString("service_type"), rs.getLong("filled"), rs.getLong("not_filled"))).list();
    }

    /**
     * Median and 90th percentile of the days to each milestone: per service type and over all, or, with
     * {@code perPartner}, per partner and service type. Every milestone in one pass (the percentiles leave out
     * requests that did not reach theirs).
     */
    List<Turnaround> turnaround(MeasuredProcess process, DateRange range, boolean perPartner) {
        List<String> milestones = new ArrayList<>(process.milestones().keySet());
        if (milestones.isEmpty()) {
            return List.of();
        }
        StringBuilder figures = new StringBuilder();
        for (int m = 0; m < milestones.size(); m++) {
            String days = "(extract(epoch from m" + m + ") - extract(epoch from started)) / 86400.0";
            figures.append(", count(m").append(m).append(") n").append(m)
                    .append(", percentile_cont(0.5) within group (order by ").append(days).append(") median").append(m)
                    .append(", percentile_cont(0.9) within group (order by ").append(days).append(") p90_").append(m);
        }
        List<String> parts = new ArrayList<>();
        if (perPartner) {
            parts.add("select service_type, partner" + figures + " from " + REQUESTS + " group by service_type, partner");
        } else {
            if (process.serviceTypeVariable() != null) {
                parts.add("select service_type, cast(null as varchar(4000)) partner" + figures + " from " + REQUESTS + " group by service_type");
            }
            parts.add("select '" + ALL + "' service_type, cast(null as varchar(4000)) partner" + figures + " from " + REQUESTS);
        }
        List<Turnaround> rows = new ArrayList<>();
        query(process, range, "select * from (" + String.join(" union all ", parts) + ") t order by partner, service_type").query(rs -> {
            for (int m = 0; m < milestones.size(); m++) {
                long requests = rs.getLong("n" + m);
                if (requests > 0) {
                    rows.add(new Turnaround(milestones.get(m), rs.getString("service_type"), rs.getString("partner"), requests,
                            number(rs, "median" + m), number(rs, "p90_" + m)));
                }
            }
        });
        rows.sort(Comparator.comparing((Turnaround row) -> milestones.indexOf(row.milestone())));
        return rows;
    }

    /**
     * Median and 90th percentile of the days from one milestone ({@code from}; null: the request's start) to another,
     * over the requests that reached both; empty when none did.
     */
    Optional<Turnaround> span(MeasuredProcess process, DateRange range, String from, String to) {
        String start = from == null ? "started" : reached(process, from);
        String end = reached(process, to);
        String days = "(extract(epoch from " + end + ") - extract(epoch from " + start + ")) / 86400.0";
        return query(process, range, "select count(*) n, percentile_cont(0.5) within group (order by " + days + ") median,"
                + " percentile_cont(0.9) within group (order by " + days + ") p90 from " + REQUESTS + " where " + start + " is not null and " + end
                + " is not null")
                .query((rs, row) -> rs.getLong("n") == 0 ? null
                        : new Turnaround(to, ALL, null, rs.getLong("n"), number(rs, "median"), number(rs, "p90")))
                .optional();
    }

    /** Finished requests never filled: the reason recorded (null when none) and where they ended. */
    List<Reason> unfilledReasons(MeasuredProcess process, DateRange range) {
        String notFilled = process.filledMilestone() == null ? "" : " and " + reached(process, process.filledMilestone()) + " is null";
        return query(process, range, "select reason, end_activity, count(*) requests from " + REQUESTS + " where ended is not null" + notFilled
                + " group by reason, end_activity order by count(*) desc, reason, end_activity")
                .query((rs, row) -> new Reason(rs.getString("reason"), rs.getString("end_activity"), rs.getLong("requests"))).list();
    }

    /** The first day of the ISO week (from Monday) or calendar month the day is in. */
    static LocalDate periodStart(LocalDate day, boolean weeks) {
        return weeks ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    /** The requests of the process started in the range (request_record), with when each first reached each milestone (request_milestone). */
    private JdbcClient.StatementSpec query(MeasuredProcess process, DateRange range, String select) {
        List<String> milestones = new ArrayList<>(process.milestones().keySet());
        StringBuilder requests = new StringBuilder("select r.started, r.ended, r.end_activity, r.service_type, r.partner, r.reason");
        StringBuilder reached = new StringBuilder("select process_instance_id");
        for (int m = 0; m < milestones.size(); m++) {
            requests.append(", m.m").append(m);
            reached.append(", max(case when milestone = :m").append(m).append(" then reached end) m").append(m);
        }
        requests.append(" from request_record r");
        if (!milestones.isEmpty()) {
            requests.append(" left join (").append(reached).append(" from request_milestone")
                    .append(" where process_key = :key and started >= :from and started < :to group by process_instance_id) m")
                    .append(" on m.process_instance_id = r.process_instance_id");
        }
        requests.append(" where r.process_key = :key and r.started >= :from and r.started < :to");
        JdbcClient.StatementSpec statement = jdbc.sql(select.replace(REQUESTS, "(" + requests + ") request"))
                .param("key", process.key()).param("from", range.start()).param("to", range.end());
        for (int m = 0; m < milestones.size(); m++) {
            statement = statement.param("m" + m, milestones.get(m));
        }
        return statement;
    }

    private static String reached(MeasuredProcess process, String milestone) {
        int index = new ArrayList<>(process.milestones().keySet()).indexOf(milestone);
        if (index < 0) {
            throw new IllegalStateException("Process " + process.key() + " has no milestone '" + milestone + "' (filled-milestone)");
        }
        return "m" + index;
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
