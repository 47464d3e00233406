package org.resourcesharing.hiring;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.stereotype.Service;

/**
 * Reporting a student's absence from a shift, by the API or by email: starts shift-coverage, whose
 * first step records the absence and offers the shift (the Tasklist start form starts it the same way).
 */
@Service
class Absences {

    private final RuntimeService runtimeService;

    Absences(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * @param slot mon-evening … sun-evening
     * @throws FieldErrors.InvalidRequestException naming the fields of a wrong report; nothing starts
     */
    ProcessInstance report(String applicationNumber, LocalDate shiftDate, String slot, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationNumber", applicationNumber);
        variables.put("shiftDate", shiftDate == null ? null : shiftDate.toString());
        variables.put("slot", slot);
        variables.put("reason", reason);
        try {
            return runtimeService.startProcessInstanceByKey("shift-coverage", variables);
        } catch (IllegalArgumentException refused) {
            if (refused.getCause() instanceof FieldErrors.InvalidRequestException invalid) {
                throw invalid;
            }
            throw refused;
        }
    }
}
