package org.resourcesharing.borrowing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.FieldErrors.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /openurl}: where a discovery system's "Request through interlibrary loan" link lands. The
 * page shows the request form pre-filled with the citation from the link; the patron adds who they
 * are and submits. Public: patrons have no account here (see the patron pages' security chain).
 */
@Controller
@RequestMapping("/openurl")
class OpenUrlController {

    private static final String PAGE = "borrowing/request";

    /** Every field of the form in the order the page shows it: the error summary follows this order. */
    private static final Map<String, String> LABELS = labels();

    private final BorrowingIntake intake;
    private final BorrowingProperties properties;

    OpenUrlController(BorrowingIntake intake, BorrowingProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @GetMapping
    ModelAndView form(HttpServletRequest request) {
        OpenUrl.Parsed parsed = OpenUrl.parse(request.getQueryString());
        return page(RequestForm.of(parsed.request(), properties.defaultCurrency().getCurrencyCode()), List.of(), parsed.ignored(), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView submit(@ModelAttribute RequestForm form) {
        FieldErrors errors = new FieldErrors();
        PatronRequest request = form.toPatronRequest(errors);
        intake.check(request, errors);
        if (!errors.isEmpty()) {
            return page(form, errors.list(), List.of(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        BorrowingIntake.Submitted submitted = intake.submit(request, BorrowingIntake.Channel.OPENURL);
        return new ModelAndView("borrowing/request-received", Map.of("submitted", submitted));
    }

    /** @param ignored what the OpenURL link sent that the form could not use */
    private ModelAndView page(RequestForm form, List<FieldError> errors, List<String> ignored, HttpStatus status) {
        Map<String, String> byField = new LinkedHashMap<>();
        LABELS.keySet().forEach(field -> errors.stream().filter(error -> error.field().equals(field)).findFirst()
                .ifPresent(error -> byField.put(field, error.reason())));
        ModelAndView page = new ModelAndView(PAGE, status);
        page.addObject("values", form.values());
        page.addObject("errors", byField);
        page.addObject("labels", LABELS);
        page.addObject("patronTypes", properties.patronTypes());
        page.addObject("serviceTypes", ServiceType.values());
        page.addObject("ignored", ignored);
        return page;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("patronName", "Your name");
        labels.put("patronId", "Library card or student/employee number");
        labels.put("patronEmail", "Email address");
        labels.put("patronType", "You are");
        labels.put("serviceType", "What you would like");
        labels.put("articleTitle", "Article or chapter title");
        labels.put("journalTitle", "Journal title");
        labels.put("title", "Book title");
        labels.put("author", "Author(s)");
        labels.put("volume", "Volume");
        labels.put("issue", "Issue");
        labels.put("pages", "Pages");
        labels.put("year", "Year");
        labels.put("edition", "Edition");
        labels.put("isbn", "ISBN");
        labels.put("issn", "ISSN");
        labels.put("doi", "DOI");
        labels.put("oclcNumber", "OCLC number");
        labels.put("neededBy", "Needed by");
        labels.put("maximumCost", "The most you will pay");
        labels.put("maximumCostCurrency", "Currency");
        labels.put("notes", "Notes for the library");
        return Collections.unmodifiableMap(labels);
    }
}
