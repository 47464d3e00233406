package org.resourcesharing.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.IdentityProperties;
import org.resourcesharing.reports.Dashboard.Measure;
import org.resourcesharing.reports.ReportTable.Column;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Every measure as JSON for the library's own BI tools, and as CSV: {@code GET /api/reports} lists what the caller
 * may read; {@code GET /api/reports/{measure}?from=YYYY-MM-DD&to=YYYY-MM-DD[&period=week|month]} (or {@code .csv})
 * gives one. {@code /api/reports/open-work/{process}} is what waits on each activity now, and
 * {@code /api/reports/diagrams/{process}} the diagram it is drawn on.
 */
@RestController
class ReportsController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    record MeasureLink(String id, String title, String json, String csv) {
    }

    record Report(String id, String title, String description, LocalDate from, LocalDate to, List<Column> columns,
            List<Map<String, Object>> rows) {
    }

    private final Dashboard dashboard;
    private final OpenWork openWork;
    private final ProcessModels models;
    private final ReportsProperties properties;
    private final IdentityProperties identity;

    ReportsController(Dashboard dashboard, OpenWork openWork, ProcessModels models, ReportsProperties properties, IdentityProperties identity) {
        this.dashboard = dashboard;
        this.openWork = openWork;
        this.models = models;
        this.properties = properties;
        this.identity = identity;
    }

    @GetMapping("/api/reports")
    List<MeasureLink> index(Authentication authentication) {
        Viewer viewer = Viewer.of(authentication, identity);
        List<MeasureLink> links = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            if (dashboard.visible(measure, viewer)) {
                links.add(new MeasureLink(measure.id, measure.title, "/api/reports/" + measure.id, "/api/reports/" + measure.id + ".csv"));
            }
        }
        openWork.processes(viewer).forEach(process -> links.add(new MeasureLink("open-work/" + process.getKey(),
                "Open work: " + process.getName(), "/api/reports/open-work/" + process.getKey(), "/api/reports/open-work/" + process.getKey() + ".csv")));
        return links;
    }

    @GetMapping(path = "/api/reports/{measure}", produces = MediaType.APPLICATION_JSON_VALUE)
    Report json(@PathVariable String measure, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String period, Authentication authentication) {
        DateRange range = DateRange.parse(from, to, properties.defaultDays());
        ReportTable table = table(measure, range, period, authentication);
        return new Report(table.id(), table.title(), table.description(), range.from(), range.to(), table.columns(), table.records());
    }

    @GetMapping("/api/reports/{measure}.csv")
    ResponseEntity<String> csv(@PathVariable String measure, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String period, Authentication authentication) {
        DateRange range = DateRange.parse(from, to, properties.defaultDays());
        ReportTable table = table(measure, range, period, authentication);
        return csv(table, measure + "-" + range.from() + "-" + range.to());
    }

    @GetMapping(path = "/api/reports/open-work/{process}", produces = MediaType.APPLICATION_JSON_VALUE)
    Report openWork(@PathVariable String process, Authentication authentication) {
        ReportTable table = openWorkTable(process, authentication);
        LocalDate today = LocalDate.now();
        return new Report(table.id(), table.title(), table.description(), today, today, table.columns(), table.records());
    }

    @GetMapping("/api/reports/open-work/{process}.csv")
    ResponseEntity<String> openWorkCsv(@PathVariable String process, Authentication authentication) {
        return csv(openWorkTable(process, authentication), "open-work-" + process + "-" + LocalDateTime.now().toLocalDate());
    }

    @GetMapping(path = "/api/reports/diagrams/{process}", produces = MediaType.APPLICATION_XML_VALUE)
    String diagram(@PathVariable String process, Authentication authentication) {
        if (!Viewer.of(authentication, identity).sees(process)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Process " + process + " is not one of your groups' processes");
        }
        return models.diagramXml(process).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No process " + process));
    }

    private ReportTable openWorkTable(String process, Authentication authentication) {
        Viewer viewer = Viewer.of(authentication, identity);
        if (!viewer.sees(process)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Process " + process + " is not one of your groups' processes");
        }
        if (models.latest(process).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No process " + process);
        }
        return openWork.table(process);
    }

    private ReportTable table(String measureId, DateRange range, String period, Authentication authentication) {
        Measure measure = Measure.of(measureId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No measure " + measureId + "; GET /api/reports lists them"));
        return dashboard.table(measure, Viewer.of(authentication, identity), range, weeks(period))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "The measure " + measureId + " is not for your groups"));
    }

    /** {@code week} or {@code month} (the default). */
    static boolean weeks(String period) {
        if (period == null || period.isBlank() || period.equals("month")) {
            return false;
        }
        if (period.equals("week")) {
            return true;
        }
        new FieldErrors().add("period", "must be week or month, not " + period).throwIfAny();
        return false;
    }

    private static ResponseEntity<String> csv(ReportTable table, String fileName) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + ".csv\"").body(table.csv());
    }
}
