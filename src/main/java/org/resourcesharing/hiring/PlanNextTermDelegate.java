package org.resourcesharing.hiring;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.Comparator;
import java.util.Date;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${planNextTerm}}: for a Work Study student, the first day of the next term after today
 * (resource-sharing.hiring.term-starts) in {@code nextTermStart} and {@code termStart}, and when that
 * term's eligibility is due ({@code eligibilityDue}, {@code eligibilityDueDate}, as at onboarding).
 */
@Component("planNextTerm")
class PlanNextTermDelegate implements JavaDelegate {

    private final HiringProperties properties;

    PlanNextTermDelegate(HiringProperties properties) {
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate today = LocalDate.now(properties.zone());
        LocalDate next = properties.termStarts().stream().map(start -> MonthDay.parse("--" + start))
                .flatMap(start -> Stream.of(start.atYear(today.getYear()), start.atYear(today.getYear() + 1)))
                .filter(day -> day.isAfter(today)).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate due = next.plus(properties.onboarding().due().getOrDefault("eligibility", Period.ZERO));
        execution.setVariable("termStart", next.toString());
        execution.setVariable("nextTermStart", Date.from(next.atStartOfDay(properties.zone()).toInstant()));
        execution.setVariable("eligibilityDueDate", due.toString());
        execution.setVariable("eligibilityDue", Date.from(due.plusDays(1).atStartOfDay(properties.zone()).toInstant()));
    }
}
