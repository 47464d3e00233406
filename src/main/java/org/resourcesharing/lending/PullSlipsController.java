package org.resourcesharing.lending;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The day's pull slips in one list, in the order a student walks the stacks (location, then call
 * number): {@code GET /api/lending/pull-slips} as JSON, or as a printable page in a browser.
 */
@Controller
class PullSlipsController {

    static final String PULL_TASK = "Task_PullItem";

    /** One item to fetch, and for whom. */
    record PullSlip(String taskId, String shelfLocation, String callNumber, String title, String author, String requestingAgencyName,
            String requestingAgencyRequestId, String loanConditions, Date requested) {
    }

    private final TaskService taskService;

    PullSlipsController(TaskService taskService) {
        this.taskService = taskService;
    }

    @GetMapping(path = "/api/lending/pull-slips", produces = "application/json")
    @ResponseBody
    List<PullSlip> pullSlips() {
        return taskService.createTaskQuery().processDefinitionKey("lending").taskDefinitionKey(PULL_TASK).active().list().stream()
                .map(this::slip)
                .sorted(Comparator.comparing(PullSlip::shelfLocation, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(PullSlip::callNumber, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    @GetMapping(path = "/api/lending/pull-slips", produces = "text/html")
    String printable(Model model) {
        model.addAttribute("slips", pullSlips());
        model.addAttribute("printed", new Date());
        return "lending/pull-slips";
    }

    private PullSlip slip(Task task) {
        Map<String, Object> variables = taskService.getVariables(task.getId());
        return new PullSlip(task.getId(), text(variables, "shelfLocation"), text(variables, "callNumber"), text(variables, "title"),
                text(variables, "author"), text(variables, "requestingAgencyName"), text(variables, "requestingAgencyRequestId"),
                text(variables, "loanConditions"), task.getCreateTime());
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }
}
