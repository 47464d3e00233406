package org.resourcesharing.copyright.permission;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Year;
import java.util.HashMap;
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
import org.resourcesharing.copyright.PdfCheck;
import org.resourcesharing.platform.CallbackUrls;
import org.resourcesharing.platform.FieldErrors;
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
 * The page Tasklist opens for <em>Digitize and post</em>: the user task's form key
 * {@value #PATH} makes it an external form, linked as {@code ...?taskId=...&callbackUrl=...}. The
 * copyright team uploads the PDF of the pages cleared (a readable PDF with exactly those pages) or gives
 * the LMS persistent link, or both; the task is completed with the copy's download link and the link,
 * which the instructor's email carries with the attribution statement. The engine is asked everything
 * as the signed-in user, so Camunda's authorizations decide who may see and complete the task.
 */
@Controller
@RequestMapping(DigitizeAndPostController.PATH)
class DigitizeAndPostController {

    static final String PATH = "/copyright/digitize-and-post";
    static final String POST_TASK = "Task_DigitizeAndPost";
    private static final String PAGE = "copyright/digitize-and-post";

    /** What the page shows of the request; {@code expectedPages} null when the pages cleared cannot be counted. */
    record PostRequest(String taskId, String businessKey, String citation, String clearedUnder, String courseCode, String term,
            String instructorName, String pagesRequested, Integer expectedPages, boolean linkOnly, String persistentLink) {
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final PdfCheck pdfCheck;
    private final CourseCopies copies;
    private final Clock clock;
    private final String maxFileSize;

    DigitizeAndPostController(TaskService taskService, RuntimeService runtimeService, IdentityService identityService, PdfCheck pdfCheck,
            CourseCopies copies, PermissionProperties properties, MultipartProperties multipart) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.pdfCheck = pdfCheck;
        this.copies = copies;
        this.clock = Clock.system(properties.zone());
        this.maxFileSize = multipart.getMaxFileSize().toMegabytes() + " MB";
    }

    @GetMapping
    ModelAndView form(@RequestParam String taskId, @RequestParam(required = false) String callbackUrl, Authentication user) {
        return page(postRequest(taskId, user), callbackUrl, Map.of(), null, null, HttpStatus.OK);
    }

    @PostMapping
    ModelAndView post(@RequestParam String taskId, @RequestParam(required = false) String callbackUrl,
            @RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String postedLink,
            @RequestParam(required = false) String postingNotes, Authentication user, HttpServletRequest request) throws IOException {
        PostRequest post = postRequest(taskId, user);
        String link = blankToNull(postedLink);
        String notes = blankToNull(postingNotes);
        boolean hasFile = file != null && !file.isEmpty();
        FieldErrors errors = new FieldErrors();
        if (!hasFile && link == null) {
            errors.add("file", "Upload the PDF of the pages cleared, or give the LMS persistent link below.");
        }
        if (link != null && !isWebAddress(link)) {
            errors.add("postedLink", "This is not a web address: give the link as it starts, with https://.");
        }
        byte[] pdf = hasFile ? file.getBytes() : null;
        Integer pages = null;
        if (hasFile && post.linkOnly()) {
            errors.add("file", "This request was cleared as a persistent link only: no copy was cleared. Give the link instead.");
        } else if (hasFile) {
            PdfCheck.Result checked = pdfCheck.check(pdf);
            if (!checked.readable()) {
                errors.add("file", checked.problem());
            } else if (post.expectedPages() != null && checked.pageCount() != post.expectedPages().intValue()) {
                errors.add("file", "The PDF has " + checked.pageCount() + " pages, but " + post.expectedPages() + " were cleared ("
                        + post.pagesRequested() + "). Upload the pages cleared, no more and no fewer.");
            } else {
                pages = checked.pageCount();
            }
        }
        if (!errors.isEmpty()) {
            Map<String, String> byField = new HashMap<>();
            errors.list().forEach(error -> byField.putIfAbsent(error.field(), error.reason()));
            return page(post, callbackUrl, byField, link, notes, HttpStatus.UNPROCESSABLE_ENTITY);
        }
        CourseCopies.CourseCopy copy = pdf == null ? null : copies.store(post.businessKey(), file.getOriginalFilename(), pdf, pages, clock.instant());
        VariableMap variables = Variables.createVariables()
                .putValue("postedLink", link)
                .putValue("copyUrl", copy == null ? null : copy.downloadUrl())
                .putValue("copyPages", pages)
                .putValue("postingNotes", notes);
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

    private PostRequest postRequest(String taskId, Authentication user) {
        // asked without a user the engine checks nothing: this only tells a wrong link (404) from another group's task (403)
        Task task = taskService.createTaskQuery().taskId(taskId).processDefinitionKey("copyright-permission").taskDefinitionKey(POST_TASK)
                .singleResult();
        if (task == null) {
            throw new TaskUnavailableException(HttpStatus.NOT_FOUND,
                    "There is no open Digitize and post task " + taskId + ". It may have been completed already: look in Tasklist.");
        }
        Map<String, Object> variables = asUser(user,
                () -> taskService.createTaskQuery().taskId(taskId).count() == 0 ? null : taskService.getVariables(taskId));
        if (variables == null) {
            throw new TaskUnavailableException(HttpStatus.FORBIDDEN, "This Digitize and post task is not for your group.");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.getName())) {
            throw new TaskUnavailableException(HttpStatus.CONFLICT,
                    "This Digitize and post task is claimed by " + task.getAssignee() + ". Ask them, or unclaim it in Tasklist first.");
        }
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        WorkRequest work = PermissionRequests.read(variables, new FieldErrors(), Year.now(clock).getValue());
        OptionalInt expected = work == null ? OptionalInt.empty() : work.pageCount();
        return new PostRequest(taskId, businessKey, text(variables, "citation"), text(variables, "clearedUnder"), text(variables, "courseCode"),
                text(variables, "term"), text(variables, "instructorName"), text(variables, "pagesRequested"),
                expected.isPresent() ? expected.getAsInt() : null, work != null && work.linkOnly(), text(variables, "persistentLink"));
    }

    private ModelAndView page(PostRequest post, String callbackUrl, Map<String, String> errors, String postedLink, String postingNotes,
            HttpStatus status) {
        ModelAndView page = new ModelAndView(PAGE, status);
        page.addObject("post", post);
        page.addObject("callbackUrl", callbackUrl);
        page.addObject("maxFileSize", maxFileSize);
        page.addObject("errors", errors);
        page.addObject("postedLink", postedLink != null ? postedLink : post.linkOnly() ? post.persistentLink() : null);
        page.addObject("postingNotes", postingNotes);
        return page;
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

    private static boolean isWebAddress(String link) {
        try {
            URI uri = new URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? null : value.toString();
    }

    /** A link to a task that is gone, not the user's group's, or claimed by someone else: a page that says which. */
    static final class TaskUnavailableException extends RuntimeException {

        private final HttpStatus status;

        TaskUnavailableException(HttpStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
