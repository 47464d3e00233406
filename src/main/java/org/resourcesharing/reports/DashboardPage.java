package org.resourcesharing.reports;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.resourcesharing.platform.FieldErrors.FieldError;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.resourcesharing.platform.IdentityProperties;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard staff and managers open in a browser, {@code /reports}: a chart and the table beneath it for every
 * measure the viewer may see, a date range, CSV downloads; and {@code /reports/open-work}, each process's diagram with
 * the work waiting on every activity.
 */
@Controller
class DashboardPage {

    private final Dashboard dashboard;
    private final OpenWork openWork;
    private final ProcessModels models;
    private final ReportsProperties properties;
    private final IdentityProperties identity;
    private final ObjectMapper json;

    DashboardPage(Dashboard dashboard, OpenWork openWork, ProcessModels models, ReportsProperties properties, IdentityProperties identity,
            ObjectMapper json) {
        this.dashboard = dashboard;
        this.openWork = openWork;
        this.models = models;
        this.properties = properties;
        this.identity = identity;
        this.json = json;
    }

    @GetMapping("/reports")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String period, Authentication authentication, Model model) throws JsonProcessingException {
        DateRange range;
        boolean weeks;
        try {
            range = DateRange.parse(from, to, properties.defaultDays());
            weeks = ReportsController.weeks(period);
        } catch (InvalidRequestException invalid) {
            model.addAttribute("errors", invalid.errors().stream().map(FieldError::reason).toList());
            range = DateRange.parse(null, null, properties.defaultDays());
            weeks = false;
        }
        Viewer viewer = Viewer.of(authentication, identity);
        List<ReportTable> tables = dashboard.all(viewer, range, weeks);
        model.addAttribute("user", authentication.getName());
        model.addAttribute("range", range);
        model.addAttribute("period", weeks ? "week" : "month");
        model.addAttribute("query", "from=" + range.from() + "&to=" + range.to() + "&period=" + (weeks ? "week" : "month"));
        model.addAttribute("tables", tables);
        model.addAttribute("charts", inScript(tables.stream().filter(table -> table.chart() != null)
                .map(table -> Map.of("id", table.id(), "chart", table.chart(), "columns", table.columns(), "rows", table.rows())).toList()));
        model.addAttribute("processes", openWork.processes(viewer));
        return "reports/dashboard";
    }

    @GetMapping("/reports/open-work")
    String openWork(@RequestParam(required = false) String process, Authentication authentication, Model model) throws JsonProcessingException {
        Viewer viewer = Viewer.of(authentication, identity);
        List<ProcessDefinition> processes = openWork.processes(viewer);
        String chosen = processes.stream().map(ProcessDefinition::getKey).filter(key -> key.equals(process)).findFirst()
                .orElse(processes.isEmpty() ? null : processes.get(0).getKey());
        model.addAttribute("user", authentication.getName());
        model.addAttribute("processes", processes);
        model.addAttribute("process", chosen);
        if (process != null && !process.equals(chosen)) {
            model.addAttribute("errors", List.of("No process " + process + " among your groups' processes"));
        }
        if (chosen != null) {
            ReportTable table = openWork.table(chosen);
            model.addAttribute("processName", models.name(chosen));
            model.addAttribute("table", table);
            model.addAttribute("openWork", inScript(table.records()));
            model.addAttribute("diagramXml", inScript(models.diagramXml(chosen).orElse("")));
        }
        return "reports/open-work";
    }

    /** JSON to embed in a script element: "</" is written "<\/" (the same string in JSON) so no text can end the element. */
    private String inScript(Object value) throws JsonProcessingException {
        return json.writeValueAsString(value).replace("</", "<\\/");
    }
}
