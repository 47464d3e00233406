package org.resourcesharing.reports;

import static org.resourcesharing.reports.ReportTable.Chart.bars;
import static org.resourcesharing.reports.ReportTable.Chart.stacked;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.resourcesharing.iso18626.Iso18626MessageLog;
import org.resourcesharing.iso18626.Iso18626MessageLog.LenderFigures;
import org.resourcesharing.iso18626.PartnerDirectory;
import org.resourcesharing.iso18626.Partner;
import org.resourcesharing.reports.ReportTable.Column;
import org.resourcesharing.reports.ReportsProperties.MeasuredProcess;
import org.springframework.stereotype.Component;

/**
 * Every measure as a {@link ReportTable}, for one viewer and date range: the figures of the processes the viewer works
 * on (all of them for managers), the lender ranking for interlibrary loan staff, copyright decisions and emails for the
 * groups configured. A measure the viewer may not see is absent, not empty.
 */
@Component
class Dashboard {

    /** The measures in the order the dashboard shows them. */
    enum Measure {
        REQUESTS("requests", "Requests per month or week"), FILL_RATE("fill-rate", "Fill rate"), TURNAROUND("turnaround", "Turnaround"),
        TURNAROUND_BY_PARTNER("turnaround-by-partner", "Turnaround per partner"), UNFILLED_REASONS("unfilled-reasons", "Why requests were not filled"),
        LENDER_RANKING("lender-ranking", "Lenders ranked"), TASK_WAITING("task-waiting", "Time waiting in each task"),
        COPYRIGHT_DECISIONS("copyright-decisions", "Copyright decisions"), TIME_TO_HIRE("time-to-hire", "Time to hire"),
        EMAILS("emails", "Emails received");

        final String id;
        final String title;

        Measure(String id, String title) {
            this.id = id;
            this.title = title;
        }

        static Optional<Measure> of(String id) {
            return Arrays.stream(values()).filter(measure -> measure.id.equals(id)).findFirst();
        }
    }

    private final ReportsProperties properties;
    private final RequestMeasures requests;
    private final WorkMeasures work;
    private final DecisionAndMailMeasures decisionsAndMail;
    private final Iso18626MessageLog messageLog;
    private final PartnerDirectory partners;
    private final ProcessModels models;

    Dashboard(ReportsProperties properties, RequestMeasures requests, WorkMeasures work, DecisionAndMailMeasures decisionsAndMail,
            Iso18626MessageLog messageLog, PartnerDirectory partners, ProcessModels models) {
        this.properties = properties;
        this.requests = requests;
        this.work = work;
        this.decisionsAndMail = decisionsAndMail;
        this.messageLog = messageLog;
        this.partners = partners;
        this.models = models;
    }

    /** Every measure the viewer may see, computed side by side (each is its own read-only query on the connection pool). */
    List<ReportTable> all(Viewer viewer, DateRange range, boolean weeks) {
        return Arrays.stream(Measure.values()).parallel().map(measure -> table(measure, viewer, range, weeks)).flatMap(Optional::stream).toList();
    }

    /** Whether the measure is for the viewer's groups (and has something configured to show them). */
    boolean visible(Measure measure, Viewer viewer) {
        List<MeasuredProcess> processes = viewer.visible(properties.processes(), MeasuredProcess::key);
        return switch (measure) {
            case REQUESTS -> !processes.isEmpty();
            case FILL_RATE, UNFILLED_REASONS -> processes.stream().anyMatch(process -> process.filledMilestone() != null);
            case TURNAROUND -> processes.stream().anyMatch(process -> !process.milestones().isEmpty());
            case TURNAROUND_BY_PARTNER -> processes.stream().anyMatch(process -> process.partnerVariable() != null);
            case LENDER_RANKING -> viewer.resourceSharing();
            case TASK_WAITING -> viewer.seesAll() || !viewer.processes().isEmpty();
            case COPYRIGHT_DECISIONS -> properties.decisions().stream().anyMatch(decision -> viewer.inAny(decision.groups()))
                    || viewer.inAny(properties.courseMaterialsDecisionGroups());
            case TIME_TO_HIRE -> properties.timeToHire() != null && viewer.sees(properties.timeToHire().process());
            case EMAILS -> viewer.inAny(properties.emailGroups());
        };
    }

    /** One measure, or empty when the viewer may not see it. */
    Optional<ReportTable> table(Measure measure, Viewer viewer, DateRange range, boolean weeks) {
        if (!visible(measure, viewer)) {
            return Optional.empty();
        }
        List<MeasuredProcess> processes = viewer.visible(properties.processes(), MeasuredProcess::key);
        return Optional.of(switch (measure) {
            case REQUESTS -> requestsPerPeriod(processes, range, weeks);
            case FILL_RATE -> fillRate(processes, range);
            case TURNAROUND -> turnaround(processes, range);
            case TURNAROUND_BY_PARTNER -> turnaroundByPartner(processes, range);
            case UNFILLED_REASONS -> unfilledReasons(processes, range);
            case LENDER_RANKING -> lenderRanking(range);
            case TASK_WAITING -> taskWaiting(viewer, range);
            case COPYRIGHT_DECISIONS -> copyrightDecisions(viewer, range);
            case TIME_TO_HIRE -> timeToHire(range);
            case EMAILS -> emails(range);
        });
    }

    private ReportTable requestsPerPeriod(List<MeasuredProcess> processes, DateRange range, boolean weeks) {
        record Key(LocalDate period, String process, String serviceType, String outcome) {
        }
        Map<Key, Long> counts = new TreeMap<>(Comparator.comparing(Key::period).thenComparing(Key::process)
                .thenComparing(Key::serviceType, Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Key::outcome));
        for (MeasuredProcess process : processes) {
            String name = models.name(process.key());
            Map<String, String> endActivityNames = new HashMap<>(); // looked up once each, not once per day
            for (RequestMeasures.DayCount day : requests.perDay(process, range)) {
                String outcome = process.filledMilestone() == null && !RequestMeasures.OPEN.equals(day.outcome())
                        ? endActivityNames.computeIfAbsent(day.outcome(), endActivity -> models.activityName(process.key(), endActivity))
                        : day.outcome();
                counts.merge(new Key(RequestMeasures.periodStart(day.day(), weeks), name, day.serviceType(), outcome), day.requests(),
                        Long::sum);
            }
        }
        List<List<Object>> rows = counts.entrySet().stream().map(count -> row(count.getKey().period(), count.getKey().process(),
                count.getKey().serviceType(), count.getKey().outcome(), count.getValue())).toList();
        return new ReportTable(Measure.REQUESTS.id, "Requests per " + (weeks ? "week" : "month"),
                "Requests started in each " + (weeks ? "week (from Monday)" : "month") + ", by process, service type and outcome: filled (the item or copy was sent), not filled, or still open; "
                        + "processes without a fill milestone by the step they ended at.",
                columns("period", weeks ? "Week from" : "Month from", "process", "Process", "serviceType", "Service", "outcome", "Outcome",
                        "requests", "Requests"),
                rows, stacked("period", "requests", "outcome"));
    }

    private ReportTable fillRate(List<MeasuredProcess> processes, DateRange range) {
        List<List<Object>> rows = new ArrayList<>();
        for (MeasuredProcess process : processes) {
            if (process.filledMilestone() == null) {
                continue;
            }
            String name = models.name(process.key());
            List<RequestMeasures.FillRate> rates = requests.fillRates(process, range);
            long filled = rates.stream().mapToLong(RequestMeasures.FillRate::filled).sum();
            long notFilled = rates.stream().mapToLong(RequestMeasures.FillRate::notFilled).sum();
            for (RequestMeasures.FillRate rate : rates) {
                rows.add(row(name, rate.serviceType(), rate.filled(), rate.notFilled(), percent(rate.rate())));
            }
            rows.add(row(name, RequestMeasures.ALL, filled, notFilled,
                    percent(new RequestMeasures.FillRate(null, filled, notFilled).rate())));
        }
        return new ReportTable(Measure.FILL_RATE.id, Measure.FILL_RATE.title,
                "Share of finished requests that were filled (the item or copy was sent), of requests started in the range; open requests count in neither column.",
                columns("process", "Process", "serviceType", "Service", "filled", "Filled", "notFilled", "Not filled", "fillRate", "Fill rate (%)"),
                rows, bars(List.of("process", "serviceType"), "fillRate"));
    }

    private ReportTable turnaround(List<MeasuredProcess> processes, DateRange range) {
        List<List<Object>> rows = new ArrayList<>();
        for (MeasuredProcess process : processes) {
            String name = models.name(process.key());
            for (RequestMeasures.Turnaround figures : requests.turnaround(process, range, false)) {
                rows.add(row(name, figures.milestone(), figures.serviceType(), figures.requests(), figures.medianDays(),
                        figures.p90Days()));
            }
        }
        return new ReportTable(Measure.TURNAROUND.id, Measure.TURNAROUND.title,
                "Days from the request to each milestone (shipped, received, patron notified), median and 90th percentile, for requests started in the range that reached it.",
                columns("process", "Process", "milestone", "Milestone", "serviceType", "Service", "requests", "Requests", "medianDays",
                        "Median (days)", "p90Days", "90th percentile (days)"),
                rows, bars(List.of("process", "milestone", "serviceType"), "medianDays", "p90Days"));
    }

    private ReportTable turnaroundByPartner(List<MeasuredProcess> processes, DateRange range) {
        List<List<Object>> rows = new ArrayList<>();
        for (MeasuredProcess process : processes) {
            if (process.partnerVariable() == null) {
                continue;
            }
            String name = models.name(process.key());
            for (RequestMeasures.Turnaround figures : requests.turnaround(process, range, true)) {
                rows.add(row(name, figures.partner(), figures.milestone(), figures.serviceType(), figures.requests(),
                        figures.medianDays(), figures.p90Days()));
            }
        }
        return new ReportTable(Measure.TURNAROUND_BY_PARTNER.id, Measure.TURNAROUND_BY_PARTNER.title,
                "The same per lender (borrowing) or borrowing library (lending).",
                columns("process", "Process", "partner", "Partner", "milestone", "Milestone", "serviceType", "Service", "requests", "Requests",
                        "medianDays", "Median (days)", "p90Days", "90th percentile (days)"),
                rows, null);
    }

    private ReportTable unfilledReasons(List<MeasuredProcess> processes, DateRange range) {
        List<List<Object>> rows = new ArrayList<>();
        for (MeasuredProcess process : processes) {
            if (process.filledMilestone() == null) {
                continue;
            }
            String name = models.name(process.key());
            for (RequestMeasures.Reason reason : requests.unfilledReasons(process, range)) {
                rows.add(row(name, reason.reason() == null ? "(none given)" : reason.reason(),
                        models.activityName(process.key(), reason.endActivityId()), reason.requests()));
            }
        }
        return new ReportTable(Measure.UNFILLED_REASONS.id, Measure.UNFILLED_REASONS.title,
                "Finished requests that were never filled: the reason given (ISO 18626 reasonUnfilled, or staff's) and where the request ended.",
                columns("process", "Process", "reason", "Reason", "endedAt", "Ended at", "requests", "Requests"),
                rows, stacked("reason", "requests", "process"));
    }

    private ReportTable lenderRanking(DateRange range) {
        List<LenderFigures> figures = new ArrayList<>(messageLog.lenderFigures(range.startAt(), range.endAt(), null));
        figures.sort(Comparator.comparing((LenderFigures lender) -> -rate(lender))
                .thenComparing(LenderFigures::medianDays, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(LenderFigures::lenderId));
        List<List<Object>> rows = new ArrayList<>();
        for (int rank = 1; rank <= figures.size(); rank++) {
            LenderFigures lender = figures.get(rank - 1);
            rows.add(row((long) rank, lender.lenderId(), partners.find(lender.lenderId()).map(Partner::name).orElse(null), lender.asked(),
                    lender.filled(), percent(rate(lender)), lender.averageDays(), lender.medianDays(), lender.p90Days()));
        }
        return new ReportTable(Measure.LENDER_RANKING.id, Measure.LENDER_RANKING.title,
                "Every lender we asked over ISO 18626 in the range, by fill rate, then median days to ship; requests still waiting for "
                        + "the lender's answer are not counted yet. The lender selection table "
                        + "(bpmn/lender-selection.dmn) ranks lenders with the fill rate and average days of the last year, computed the same way.",
                columns("rank", "Rank", "lender", "Lender", "name", "Name", "asked", "Asked", "filled", "Filled", "fillRate", "Fill rate (%)",
                        "averageDays", "Average (days)", "medianDays", "Median (days)", "p90Days", "90th percentile (days)"),
                rows, bars(List.of("lender"), "fillRate"));
    }

    private ReportTable taskWaiting(Viewer viewer, DateRange range) {
        List<List<Object>> rows = new ArrayList<>();
        Map<String, String> processNames = new HashMap<>();
        for (WorkMeasures.TaskWaiting task : work.taskWaiting(viewer.seesAll() ? null : viewer.processes(), range, LocalDateTime.now())) {
            rows.add(row(processNames.computeIfAbsent(task.processKey(), models::name), task.taskName(), task.finished(), task.medianHours(), task.p90Hours(), task.open(),
                    task.openMedianHours()));
        }
        return new ReportTable(Measure.TASK_WAITING.id, Measure.TASK_WAITING.title,
                "User tasks created in the range: hours from creation to completion (median, 90th percentile), and those still open with their median age.",
                columns("process", "Process", "task", "Task", "finished", "Done", "medianHours", "Median (hours)", "p90Hours",
                        "90th percentile (hours)", "open", "Open now", "openMedianHours", "Open for, median (hours)"),
                rows, bars(List.of("task"), "medianHours", "p90Hours"));
    }

    private ReportTable copyrightDecisions(Viewer viewer, DateRange range) {
        List<List<Object>> rows = new ArrayList<>();
        properties.decisions().stream().filter(decision -> viewer.inAny(decision.groups()))
                .forEach(decision -> decisionsAndMail.decisions(decision, range).forEach(count -> rows.add(
                        row(count.decisionKey(), count.outcome(), count.rule(), count.ruleId(), count.decisions()))));
        if (viewer.inAny(properties.courseMaterialsDecisionGroups())) {
            decisionsAndMail.courseMaterialsDecisions(range).forEach(count -> rows.add(
                    row(count.decisionKey(), count.outcome(), count.rule(), count.ruleId(), count.decisions())));
        }
        return new ReportTable(Measure.COPYRIGHT_DECISIONS.id, Measure.COPYRIGHT_DECISIONS.title,
                "Each copyright decision table's answers in the range (copies sent through interlibrary loan), and the copyright team's "
                        + "decisions on course materials (every step, from the decision log), by outcome and the rule (basis) that gave it.",
                columns("decision", "Decision table", "outcome", "Outcome", "rule", "Rule", "ruleId", "Rule id", "decisions", "Decisions"),
                rows, stacked("rule", "decisions", "outcome"));
    }

    private ReportTable timeToHire(DateRange range) {
        ReportsProperties.Milestone hired = properties.timeToHire();
        List<List<Object>> rows = new ArrayList<>();
        properties.processes().stream().filter(process -> process.key().equals(hired.process())).findFirst()
                .flatMap(process -> requests.span(process, range, hired.from(), hired.milestone()))
                .ifPresent(figures -> rows.add(row(models.name(hired.process()), figures.milestone(), figures.requests(), figures.medianDays(),
                        figures.p90Days())));
        return new ReportTable(Measure.TIME_TO_HIRE.id, Measure.TIME_TO_HIRE.title,
                "Days from " + (hired.from() == null ? "the start of a hiring" : "'" + hired.from() + "'") + " to '" + hired.milestone()
                        + "', for hirings started in the range.",
                columns("process", "Process", "milestone", "Milestone", "hires", "Hires", "medianDays", "Median (days)", "p90Days",
                        "90th percentile (days)"),
                rows, bars(List.of("process"), "medianDays", "p90Days"));
    }

    private ReportTable emails(DateRange range) {
        List<List<Object>> rows = decisionsAndMail.mailsByClassification(range).stream()
                .map(count -> row(count.mailbox(), count.classification(), count.outcome(), count.messages())).toList();
        return new ReportTable(Measure.EMAILS.id, Measure.EMAILS.title,
                "Emails read from each mailbox in the range, by what they were recognised as and what became of them.",
                columns("mailbox", "Mailbox", "classification", "Classification", "outcome", "Outcome", "messages", "Emails"),
                rows, stacked("classification", "messages", "mailbox"));
    }

    private static double rate(LenderFigures lender) {
        return lender.asked() == 0 ? 0 : (double) lender.filled() / lender.asked();
    }

    private static Double percent(Double rate) {
        return rate == null ? null : rate * 100;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static List<Column> columns(String... namesAndLabels) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < namesAndLabels.length; i += 2) {
            columns.add(new Column(namesAndLabels[i], namesAndLabels[i + 1]));
        }
        return columns;
    }
}
