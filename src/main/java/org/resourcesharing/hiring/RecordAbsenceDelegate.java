package org.resourcesharing.hiring;

import static org.resourcesharing.hiring.ProcessVariables.date;
import static org.resourcesharing.hiring.ProcessVariables.text;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordAbsence}}: run as the absence is reported, so that a wrong report (not a student on
 * the roster, a slot not on that day) fails the form or REST call. Records the absence (its id, SHIFT-1,
 * becomes the business key), offers the shift to whoever may take it and sets {@code absenceId},
 * {@code absentStudent}, {@code offersMade} and {@code coverWithin}.
 */
@Component("recordAbsence")
class RecordAbsenceDelegate implements JavaDelegate {

    private final ShiftCoverage shifts;
    private final HiringProperties properties;

    RecordAbsenceDelegate(ShiftCoverage shifts, HiringProperties properties) {
        this.shifts = shifts;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ShiftCoverage.Absence absence;
        try {
            absence = shifts.report(text(execution, "applicationNumber"), date(execution, "shiftDate"), text(execution, "slot"),
                    text(execution, "reason"));
        } catch (InvalidRequestException refused) {
            throw new IllegalArgumentException("The absence cannot be recorded: " + refused.errors().stream()
                    .map(error -> error.field() + " " + error.reason()).collect(Collectors.joining("; ")), refused);
        }
        execution.setProcessBusinessKey(absence.absenceId());
        List<String> offers = shifts.offer(absence.absenceId());
        execution.setVariable("absenceId", absence.absenceId());
        execution.setVariable("absentStudent", absence.studentName());
        execution.setVariable("offersMade", offers.size());
        execution.setVariable("coverWithin", properties.coverWithin().toString());
    }
}
