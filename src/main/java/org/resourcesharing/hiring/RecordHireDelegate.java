package org.resourcesharing.hiring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${recordHire}}: the candidate accepted the offer; counts the hire in {@code hires}. */
@Component("recordHire")
class RecordHireDelegate implements JavaDelegate {

    private final Applications applications;

    RecordHireDelegate(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        applications.settle((String) execution.getVariable("offerCandidate"), "HIRED");
        execution.setVariable("hires", ((Number) execution.getVariable("hires")).intValue() + 1);
        execution.setVariable("offerOutcome", null);
    }
}
