package org.resourcesharing.hiring;

import java.time.LocalDate;
import java.time.Period;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${planOnboarding}}: for each personnel file item, from {@code startDate} and
 * resource-sharing.hiring.onboarding: {@code <item>DueDate} (the day, as the emails say it),
 * {@code <item>Due} (the end of that day in the library's zone: the supervisor's task is then created) and
 * {@code <item>Reminder} (when the student is reminded).
 */
@Component("planOnboarding")
class PlanOnboardingDelegate implements JavaDelegate {

    private final HiringProperties properties;

    PlanOnboardingDelegate(HiringProperties properties) {
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate start = ProcessVariables.date(execution, "startDate");
        for (String item : PersonnelFile.ITEMS) {
            LocalDate due = start.plus(properties.onboarding().due().getOrDefault(item, Period.ZERO));
            execution.setVariable(item + "DueDate", due.toString());
            execution.setVariable(item + "Due", Date.from(due.plusDays(1).atStartOfDay(properties.zone()).toInstant()));
            execution.setVariable(item + "Reminder",
                    Date.from(due.minus(properties.onboarding().reminderBefore()).atStartOfDay(properties.zone()).toInstant()));
        }
    }
}
