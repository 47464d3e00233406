package org.resourcesharing.hiring;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/hiring/absences}: hiring staff (or the desk system) report that a student will miss
 * a shift; the shift-coverage process offers it to the others. A wrong report answers 400 naming the
 * field, and nothing starts.
 */
@RestController
class AbsenceController {

    private final Absences absences;
    private final RuntimeService runtimeService;

    AbsenceController(Absences absences, RuntimeService runtimeService) {
        this.absences = absences;
        this.runtimeService = runtimeService;
    }

    /** @param slot mon-evening … sun-evening */
    record AbsenceReport(String applicationNumber, LocalDate shiftDate, String slot, String reason) {
    }

    @PostMapping("/api/hiring/absences")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> report(@RequestBody AbsenceReport report) {
        ProcessInstance coverage = absences.report(report.applicationNumber(), report.shiftDate(), report.slot(), report.reason());
        return Map.of("absenceId", coverage.getBusinessKey(), "offersMade", runtimeService.getVariable(coverage.getId(), "offersMade"));
    }
}
