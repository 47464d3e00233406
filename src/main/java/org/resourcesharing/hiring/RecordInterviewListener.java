package org.resourcesharing.hiring;

import static org.resourcesharing.hiring.ProcessVariables.number;
import static org.resourcesharing.hiring.ProcessVariables.text;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordInterview}} on completing <em>Record interview</em> (one task per candidate, the
 * candidate in the local {@code candidate}): keeps {@code interviewScore} (0 to 10) and
 * {@code interviewNotes} with the application, and removes them from the process so that the next
 * candidate's task starts empty.
 */
@Component("recordInterview")
class RecordInterviewListener implements TaskListener {

    private final Applications applications;

    RecordInterviewListener(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        BigDecimal score = number(task, "interviewScore");
        if (score == null || score.compareTo(BigDecimal.ZERO) < 0 || score.compareTo(BigDecimal.TEN) > 0 || score.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("interviewScore: must be a whole number from 0 to 10");
        }
        applications.recordInterview((String) task.getVariable("candidate"), score.intValue(), text(task, "interviewNotes"));
        task.removeVariable("interviewScore");
        task.removeVariable("interviewNotes");
    }
}
