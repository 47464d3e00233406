package org.resourcesharing.lending;

import java.io.IOException;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.resourcesharing.copyright.CopyDeliveries;
import org.resourcesharing.copyright.PageRanges;
import org.resourcesharing.copyright.PdfCheck;
import org.resourcesharing.platform.ExternalTaskForms;
import org.resourcesharing.platform.ExternalTaskForms.OpenTask;
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
 * The page Tasklist opens for <em>Scan and deliver</em>: the user task's form key
 * {@code /lending/copies/upload} makes it an external form, linked as
 * {@code /lending/copies/upload?taskId=...&callbackUrl=...}. Staff upload the scan; a readable PDF
 * with the pages asked for (or a difference they confirm) becomes a copy delivery, and the task is
 * completed with its download link (see {@link ExternalTaskForms} for who may).
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

    private final ExternalTaskForms taskForms;
    private final PdfCheck pdfCheck;
    private final CopyDeliveries copyDeliveries;
    private final String maxFileSize;

    ScanAndDeliverController(ExternalTaskForms taskForms, PdfCheck pdfCheck, CopyDeliveries copyDeliveries, MultipartProperties multipart) {
        this.taskForms = taskForms;
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
        return taskForms.complete(taskId, variables, user, callbackUrl, request);
    }

    private ScanRequest scanRequest(String taskId, Authentication user) {
        OpenTask task = taskForms.open(taskId, "lending", SCAN_TASK, "Scan and deliver", user);
        String pagesRequested = task.text("pagesRequested");
        OptionalInt expected = PageRanges.expectedPages(pagesRequested);
        return new ScanRequest(taskId, task.businessKey(), task.text("title"), task.text("titleOfComponent"), pagesRequested,
                task.text("callNumber"), task.text("requestingAgencyName"), expected.isPresent() ? expected.getAsInt() : null,
                task.text("copyrightBasis"));
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
}
