package org.resourcesharing.hiring;

import static org.resourcesharing.hiring.ProcessVariables.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${coverShift}} on completing <em>Cover shift</em>: {@code coveredBy} is the application number
 * of the student the supervisor found, or empty when nobody covers it; the absence record says so and
 * the open offers lapse.
 */
@Component("coverShift")
class CoverShiftListener implements TaskListener {

    private final ShiftCoverage shifts;

    CoverShiftListener(ShiftCoverage shifts) {
        this.shifts = shifts;
    }

    @Override
    public void notify(DelegateTask task) {
        String coveredBy = text(task, "coveredBy");
        String number = coveredBy == null ? null : coveredBy.toUpperCase();
        if (number != null && shifts.findStudent(number).isEmpty()) {
            throw new IllegalArgumentException("coveredBy: " + coveredBy + " is not a student on the desk roster (leave it empty if nobody covers)");
        }
        shifts.settle(task.getExecution().getProcessBusinessKey(), number);
    }
}
