package org.resourcesharing.hiring;

import static org.resourcesharing.hiring.ProcessVariables.date;
import static org.resourcesharing.hiring.ProcessVariables.flag;
import static org.resourcesharing.hiring.ProcessVariables.number;
import static org.resourcesharing.hiring.ProcessVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code ${addToRoster}}: the personnel file is complete; the student joins the desk roster under their supervisor. */
@Component("addToRoster")
class AddToRosterDelegate implements JavaDelegate {

    private final Applications applications;
    private final Roster roster;

    AddToRosterDelegate(Applications applications, Roster roster) {
        this.applications = applications;
        this.roster = roster;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        Applications.Application student = applications.find(number).orElseThrow(() -> new IllegalStateException("No application " + number));
        roster.add(student, text(execution, "supervisor"), flag(execution, "workStudy"), number(execution, "hoursPerWeek"),
                date(execution, "startDate"));
    }
}
