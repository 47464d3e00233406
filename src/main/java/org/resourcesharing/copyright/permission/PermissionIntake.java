package org.resourcesharing.copyright.permission;

import java.time.Clock;
import java.time.Year;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.resourcesharing.platform.FieldErrors;

/**
 * Takes in an instructor's request from the API or the instructor page: checks it and starts the
 * {@code copyright-permission} process under a new request number (the business key). Requests
 * emailed to the copyright mailbox and those the team starts in Tasklist are read by the process itself.
 */
class PermissionIntake {

    static final String PROCESS_KEY = "copyright-permission";

    /** Every field of a request in the order forms show them; also the names of the process variables. */
    static final Map<String, String> LABELS = labels();

    record Submitted(String requestNumber) {
    }

    /** An optional file the instructor attached (the work, or a scan of it), kept with the request. */
    record AttachedFile(String fileName, String contentType, byte[] content) {
    }

    private final RuntimeService runtimeService;
    private final Clock clock;

    PermissionIntake(RuntimeService runtimeService, Clock clock) {
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** Adds what is wrong with the request to {@code errors}. */
    void check(Map<String, ?> values, FieldErrors errors) {
        PermissionRequests.read(values, errors, Year.now(clock).getValue());
    }

    /**
     * Starts the process for the request; nothing is started when a field is wrong.
     *
     * @throws FieldErrors.InvalidRequestException naming every field that is wrong
     */
    Submitted submit(Map<String, ?> values, String channel, AttachedFile file) {
        FieldErrors errors = new FieldErrors();
        WorkRequest request = PermissionRequests.read(values, errors, Year.now(clock).getValue());
        errors.throwIfAny();
        String number = AssessPermissionDelegate.newRequestNumber();
        VariableMap variables = Variables.createVariables()
                .putValue("courseCode", request.courseCode())
                .putValue("term", request.term())
                .putValue("instructorName", PermissionRequests.text(values.get("instructorName")))
                .putValue("instructorEmail", PermissionRequests.text(values.get("instructorEmail")))
                .putValue("instructorLanguage", request.language())
                .putValue("students", request.students())
                .putValue("intendedUse", request.use().name())
                .putValue("workType", request.workType().name())
                .putValue("title", request.title())
                .putValue("authors", Authors.format(request.authors()))
                .putValue("authorship", request.authorship().name())
                .putValue("publisher", request.publisher())
                .putValue("publicationYear", request.year())
                .putValue("isbn", request.isbn())
                .putValue("issn", request.issn())
                .putValue("pagesRequested", request.pagesRequested())
                .putValue("totalPages", request.totalPages())
                .putValue("source", request.source().name())
                .putValue("licence", request.licence())
                .putValue("persistentLink", request.persistentLink())
                .putValue("linkOnly", request.linkOnly())
                .putValue("notes", PermissionRequests.text(values.get("notes")))
                .putValue("requestNumber", number)
                .putValue("requestChannel", channel);
        variables.values().removeIf(Objects::isNull);
        if (file != null) {
            variables.putValue("instructorFile", Variables.fileValue(file.fileName()).file(file.content()).mimeType(file.contentType()).create());
        }
        runtimeService.createProcessInstanceByKey(PROCESS_KEY).businessKey(number).setVariables(variables).execute();
        return new Submitted(number);
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("instructorName", "Your name");
        labels.put("instructorEmail", "Your email address");
        labels.put("instructorLanguage", "Language for our emails");
        labels.put("courseCode", "Course code");
        labels.put("term", "Term");
        labels.put("students", "Number of students");
        labels.put("intendedUse", "How you will use it");
        labels.put("workType", "Kind of work");
        labels.put("title", "Title");
        labels.put("authors", "Authors");
        labels.put("authorship", "Authorship");
        labels.put("publisher", "Publisher");
        labels.put("publicationYear", "Year of publication");
        labels.put("isbn", "ISBN");
        labels.put("issn", "ISSN");
        labels.put("pagesRequested", "Pages you want to use");
        labels.put("totalPages", "Total pages of the work");
        labels.put("source", "Where the copy comes from");
        labels.put("licence", "Licence of the e-resource");
        labels.put("persistentLink", "Persistent link");
        labels.put("linkOnly", "Link only");
        labels.put("notes", "Notes for the copyright team");
        labels.put("file", "File");
        return Collections.unmodifiableMap(labels);
    }
}
