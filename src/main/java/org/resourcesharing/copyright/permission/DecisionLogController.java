package org.resourcesharing.copyright.permission;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.resourcesharing.copyright.permission.CopyrightDecisions.Decision;
import org.resourcesharing.fees.CsvText;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The copyright team's decision log: {@code GET /api/copyright-decisions} (JSON) and
 * {@code GET /api/copyright-decisions.csv}, filtered by course, term, request and the days decided
 * ({@code from} and {@code to} inclusive, in the library's time zone).
 */
@RestController
class DecisionLogController {

    private final CopyrightDecisions decisions;
    private final PermissionProperties properties;

    DecisionLogController(CopyrightDecisions decisions, PermissionProperties properties) {
        this.decisions = decisions;
        this.properties = properties;
    }

    @GetMapping("/api/copyright-decisions")
    List<Decision> list(@RequestParam(required = false) String course, @RequestParam(required = false) String term,
            @RequestParam(required = false) String request,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            new FieldErrors().add("to", "before from").throwIfAny();
        }
        return decisions.find(blankToNull(course), blankToNull(term), blankToNull(request),
                from == null ? null : from.atStartOfDay(properties.zone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(properties.zone()).toInstant());
    }

    @GetMapping("/api/copyright-decisions.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String course, @RequestParam(required = false) String term,
            @RequestParam(required = false) String request,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        CsvText csv = new CsvText("request", "decided_at", "decided_by", "step", "outcome", "rule", "rule_name", "reasoning", "course", "term",
                "work_title", "work_key", "work_type", "intended_use", "pages_requested", "page_count", "total_pages");
        for (Decision decision : list(course, term, request, from, to)) {
            csv.row(decision.businessKey(), decision.decidedAt().atZoneSameInstant(properties.zone()).toOffsetDateTime(), decision.decidedBy(),
                    decision.step(), decision.outcome(), decision.ruleCode(), decision.ruleName(), decision.reasoning(), decision.courseCode(),
                    decision.term(), decision.workTitle(), decision.workKey(), decision.workType(), decision.intendedUse(),
                    decision.pagesRequested(), decision.pageCount(), decision.totalPages());
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"copyright-decisions.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
