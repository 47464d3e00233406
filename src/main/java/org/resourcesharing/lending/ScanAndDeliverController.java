package org.resourcesharing.lending;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.resourcesharing.copyright.CopyDeliveries;
import org.resourcesharing.copyright.PageRanges;
import org.resourcesharing.copyright.PdfCheck;
import org.resourcesharing.platform.CallbackUrls;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The page Tasklist opens for <em>Scan and deliver</em>: the user task's form key
 * {@code /lending/copies/upload} makes it an external form, linked as
 * {@code /lending/copies/upload?taskId=...&callbackUrl=...}. Staff upload the scan; a readable PDF
 * with the pages asked for (or a difference they confirm) becomes a copy delivery, and the task is
 * completed with its download link. The engine is asked everything as the signed-in user, so
 * Camunda's authorizations decide who may see and complete the task.
 */
@Controller
@RequestMapping("/lending/copies/upload")
class ScanAndDeliverController {

    static final String SCAN_TASK = "Task_ScanAndDeliver";
    private static final String PAGE = "lending/copy-upload";

    /** What the page shows of the request. */
    record ScanRequest(String taskId, String businessKey, String title, String titleOfComponent, String pagesRequested, String callNumber,
            String requestingAgencyName, Integer expectedPages, String copyrightBasis) {
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final PdfCheck pdfCheck;
    private final CopyDeliveries copyDeliveries;
    private final String maxFileSize;

    ScanAndDeliverController(TaskService taskService, RuntimeService runtimeService, IdentityService identityService, PdfCheck pdfCheck,
            CopyDeliveries copyDeliveries, MultipartProperties multipart) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.pdfCheck = pdfCheck;
        this.copyDeliveries = copyDeliveries;
        this.maxFileSize = multipart.getMaxFileSize().toMegabytes() + " MB";
    }

    @GetMapping
    ModelAndView form(@RequestParam String taskId, @RequestParam(required = false) String callbackUrl, Authentication user) {
        return page(scanRequest(taskId, user), callbackUrl, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView upload(@RequestParam String taskId, @RequestParam(required = false) String callbackUrl,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean override,
            @RequestParam(required = false) String note, Authentication user, HttpServletRequest request) throws IOException {
        ScanRequest scan = scanRequest(taskId, user);
        if (file == null || file.isEmpty()) {
            return refused(scan, callbackUrl, "Choose the PDF of the scanned pages.");
        }
        byte[] pdf = file.getBytes();
        PdfCheck.Result checked = pdfCheck.check(pdf);
        if (!checked.readable()) {
            return refused(scan, callbackUrl, checked.problem());
        }
        int pages = checked.pageCount();
        if (scan.expectedPages() != null && pages != scan.expectedPages() && !override) {
            return refused(scan, callbackUrl, "The PDF has " + pages + " pages, but the request asks for " + scan.expectedPages() + " ("
                    + scan.pagesRequested() + "). Scan the pages asked for, or, if the difference is on purpose, choose the file again "
                    + "and tick the box below.")
                    .addObject("pagesInPdf", pages).addObject("note", note);
        }
        CopyDeliveries.Delivery delivery = copyDeliveries.store(scan.businessKey(), file.getOriginalFilename(), pdf, scan.copyrightBasis());
        VariableMap variables = Variables.createVariables()
                .putValue("deliveryUrl", delivery.downloadUrl())
                .putValue("pagesSent", pages)
                .putValue("copyDeliveryToken", delivery.token())
                .putValue("copyNote", note == null || note.isBlank() ? null : note.strip());
        asUser(user, () -> {
            if (taskService.createTaskQuery().taskId(taskId).taskUnassigned().count() > 0) {
                taskService.claim(taskId, user.getName());
            }
            taskService.complete(taskId, variables);
            return null;
        });
        RedirectView back = new RedirectView(CallbackUrls.safe(callbackUrl, request));
        back.setExpandUriTemplateVariables(false);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(back);
    }

    @ExceptionHandler(TaskUnavailableException.class)
    ModelAndView unavailable(TaskUnavailableException unavailable) {
        return new ModelAndView("task-unavailable", Map.of("message", unavailable.getMessage()), unavailable.status);
    }

    @ExceptionHandler(AuthorizationException.class)
    ModelAndView notAllowed(AuthorizationException denied) {
        return unavailable(new TaskUnavailableException(HttpStatus.FORBIDDEN, "You may not complete this task: " + denied.getMessage()));
    }

    private ScanRequest scanRequest(String taskId, Authentication user) {
        // asked without a user the engine checks nothing: this only tells a wrong link (404) from another group's task (403)
        Task task = taskService.createTaskQuery().taskId(taskId).processDefinitionKey("lending").taskDefinitionKey(SCAN_TASK).singleResult();
        if (task == null) {
            throw new TaskUnavailableException(HttpStatus.NOT_FOUND,
                    "There is no open Scan and deliver task " + taskId + ". It may have been completed already: look in Tasklist.");
        }
        Map<String, Object> variables = asUser(user,
                () -> taskService.createTaskQuery().taskId(taskId).count() == 0 ? null : taskService.getVariables(taskId));
        if (variables == null) {
            throw new TaskUnavailableException(HttpStatus.FORBIDDEN, "This Scan and deliver task is not for your group.");
        }
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        String pagesRequested = text(variables, "pagesRequested");
        OptionalInt expected = PageRanges.expectedPages(pagesRequested);
        return new ScanRequest(taskId, businessKey, text(variables, "title"), text(variables, "titleOfComponent"), pagesRequested,
                text(variables, "callNumber"), text(variables, "requestingAgencyName"), expected.isPresent() ? expected.getAsInt() : null,
                text(variables, "copyrightBasis"));
    }

    private ModelAndView page(ScanRequest scan, String callbackUrl, HttpStatus status) {
        ModelAndView page = new ModelAndView(PAGE, status);
        page.addObject("scan", scan);
        page.addObject("callbackUrl", callbackUrl);
        page.addObject("maxFileSize", maxFileSize);
        return page;
    }

    private ModelAndView refused(ScanRequest scan, String callbackUrl, String error) {
        return page(scan, callbackUrl, HttpStatus.UNPROCESSABLE_ENTITY).addObject("error", error);
    }

    private <T> T asUser(Authentication user, Supplier<T> work) {
        List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(role -> role.startsWith("ROLE_")).map(role -> role.substring("ROLE_".length())).toList();
        identityService.setAuthentication(user.getName(), groups);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }

    /** A link to a task that is gone, or not the user's: a page that says which. */
    static final class TaskUnavailableException extends RuntimeException {

        private final HttpStatus status;

        TaskUnavailableException(HttpStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
