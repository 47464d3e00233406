package org.resourcesharing.copyright.permission;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.resourcesharing.platform.FieldErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/copyright-requests}: the course management system or a portal passes on an
 * instructor's request. 201 with the request number; 400 naming every field that is wrong, and then
 * nothing is started.
 */
@RestController
class CopyrightRequestController {

    /** One author; the death year where it is known (it decides the public domain). */
    record AuthorBody(String name, Integer deathYear) {
    }

    record CopyrightRequestBody(String courseCode, String term, String instructorName, String instructorEmail, String instructorLanguage, Integer students,
            String intendedUse, String workType, String title, List<AuthorBody> authors, String authorship, String publisher,
            Integer publicationYear, String isbn, String issn, String pagesRequested, Integer totalPages, String source, String licence,
            String persistentLink, Boolean linkOnly, String notes) {
    }

    private final PermissionIntake intake;

    CopyrightRequestController(PermissionIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/api/copyright-requests")
    ResponseEntity<PermissionIntake.Submitted> submit(@RequestBody CopyrightRequestBody body) {
        Map<String, Object> values = new HashMap<>();
        values.put("courseCode", body.courseCode());
        values.put("term", body.term());
        values.put("instructorName", body.instructorName());
        values.put("instructorEmail", body.instructorEmail());
        values.put("instructorLanguage", body.instructorLanguage());
        values.put("students", body.students());
        values.put("intendedUse", body.intendedUse());
        values.put("workType", body.workType());
        values.put("title", body.title());
        values.put("authors", authors(body.authors()));
        values.put("authorship", body.authorship());
        values.put("publisher", body.publisher());
        values.put("publicationYear", body.publicationYear());
        values.put("isbn", body.isbn());
        values.put("issn", body.issn());
        values.put("pagesRequested", body.pagesRequested());
        values.put("totalPages", body.totalPages());
        values.put("source", body.source());
        values.put("licence", body.licence());
        values.put("persistentLink", body.persistentLink());
        values.put("linkOnly", body.linkOnly());
        values.put("notes", body.notes());
        PermissionIntake.Submitted submitted = intake.submit(values, "api", null);
        return ResponseEntity.created(URI.create("/api/copyright-decisions?request=" + submitted.requestNumber())).body(submitted);
    }

    /** The authors as the process keeps them, one per line with the death year; an author without a name is refused. */
    private static String authors(List<AuthorBody> authors) {
        if (authors == null) {
            return null;
        }
        FieldErrors errors = new FieldErrors();
        for (int i = 0; i < authors.size(); i++) {
            AuthorBody author = authors.get(i);
            if (author == null || author.name() == null || author.name().isBlank()) {
                errors.add("authors[" + i + "].name", "required");
            } else if (author.name().contains("\n")) {
                errors.add("authors[" + i + "].name", "one line only");
            }
        }
        errors.throwIfAny();
        return authors.stream().map(author -> author.deathYear() == null ? author.name().strip() : author.name().strip() + ", " + author.deathYear())
                .collect(Collectors.joining("\n"));
    }
}
