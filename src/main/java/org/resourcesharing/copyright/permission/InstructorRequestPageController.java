package org.resourcesharing.copyright.permission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.FieldErrors.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /copyright-request}: the page where an instructor asks to post or copy a work for a course.
 * Errors are shown beside their fields and summarised at the top; what was typed comes back unchanged.
 * Public, like the patrons' pages: instructors have no account here; the form carries a CSRF token.
 */
@Controller
@RequestMapping("/copyright-request")
class InstructorRequestPageController {

    private static final String PAGE = "copyright/request";

    private final PermissionIntake intake;

    InstructorRequestPageController(PermissionIntake intake) {
        this.intake = intake;
    }

    @GetMapping
    ModelAndView form() {
        Map<String, String> values = new HashMap<>();
        values.put("instructorLanguage", "en");
        values.put("authorship", Authorship.PERSONAL.name());
        return page(values, List.of(), HttpStatus.OK);
    }

    @PostMapping
    ModelAndView submit(@RequestParam Map<String, String> form, @RequestParam(name = "file", required = false) MultipartFile file) {
        Map<String, Object> values = new HashMap<>();
        PermissionIntake.LABELS.keySet().forEach(field -> values.put(field, form.get(field)));
        values.put("linkOnly", "true".equals(form.get("linkOnly")));
        FieldErrors errors = new FieldErrors();
        intake.check(values, errors);
        if (file != null && !file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
            errors.add("file", "the file has no name");
        }
        if (!errors.isEmpty()) {
            Map<String, String> typed = new HashMap<>(form);
            typed.remove("_csrf");
            return page(typed, errors.list(), HttpStatus.UNPROCESSABLE_ENTITY);
        }
        PermissionIntake.Submitted submitted = intake.submit(values, "web", attached(file));
        return new ModelAndView("copyright/request-received", Map.of("submitted", submitted));
    }

    private static PermissionIntake.AttachedFile attached(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return new PermissionIntake.AttachedFile(file.getOriginalFilename(),
                    file.getContentType() == null ? "application/octet-stream" : file.getContentType(), file.getBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static ModelAndView page(Map<String, String> values, List<FieldError> errors, HttpStatus status) {
        Map<String, String> byField = new LinkedHashMap<>();
        PermissionIntake.LABELS.keySet().forEach(field -> errors.stream().filter(error -> error.field().equals(field)).findFirst()
                .ifPresent(error -> byField.put(field, error.reason())));
        ModelAndView page = new ModelAndView(PAGE, status);
        page.addObject("values", values);
        page.addObject("errors", byField);
        page.addObject("labels", PermissionIntake.LABELS);
        page.addObject("uses", Arrays.asList(IntendedUse.values()));
        page.addObject("workTypes", Arrays.asList(WorkType.values()));
        page.addObject("authorships", Arrays.asList(Authorship.values()));
        page.addObject("sources", Arrays.asList(Source.values()));
        return page;
    }
}
