package org.resourcesharing.copyright.permission;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Year;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.resourcesharing.copyright.PdfCheck;
import org.resourcesharing.platform.ExternalTaskForms;
import org.resourcesharing.platform.ExternalTaskForms.OpenTask;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page Tasklist opens for <em>Digitize and post</em>: the user task's form key
 * {@value #PATH} makes it an external form, linked as {@code ...?taskId=...&callbackUrl=...}. The
 * copyright team uploads the PDF of the pages cleared (a readable PDF with exactly those pages) or gives
 * the LMS persistent link, or both; the task is completed with the copy's download link and the link,
 * which the instructor's email carries with the attribution statement (see {@link ExternalTaskForms}
 * for who may).
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

    private final ExternalTaskForms taskForms;
    private final PdfCheck pdfCheck;
    private final CourseCopies copies;
    private final Clock clock;
    private final String maxFileSize;

    DigitizeAndPostController(ExternalTaskForms taskForms, PdfCheck pdfCheck, CourseCopies copies, PermissionProperties properties,
            MultipartProperties multipart) {
        this.taskForms = taskForms;
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
        return taskForms.complete(taskId, variables, user, callbackUrl, request);
    }

    private PostRequest postRequest(String taskId, Authentication user) {
        OpenTask task = taskForms.open(taskId, "copyright-permission", POST_TASK, "Digitize and post", user);
        Map<String, Object> variables = task.variables();
        WorkRequest work = PermissionRequests.read(variables, new FieldErrors(), Year.now(clock).getValue());
        OptionalInt expected = work == null ? OptionalInt.empty() : work.pageCount();
        return new PostRequest(taskId, task.businessKey(), task.text("citation"), task.text("clearedUnder"), task.text("courseCode"),
                task.text("term"), task.text("instructorName"), task.text("pagesRequested"),
                expected.isPresent() ? expected.getAsInt() : null, work != null && work.linkOnly(), task.text("persistentLink"));
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
}
