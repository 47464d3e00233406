package org.resourcesharing.lending;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${setLoanDueDate}}: the item leaves today; it is due back after the policy's loan period
 * ({@code loanPeriodWeeks}, or the configured default). Sets {@code dueDate} and
 * {@code overdueNotices}, the timer cycle of the overdue notices (first one after the grace period).
 */
@Component("setLoanDueDate")
public class SetLoanDueDateDelegate implements JavaDelegate {

    private final LendingProperties properties;

    public SetLoanDueDateDelegate(LendingProperties properties) {
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate today = LocalDate.now(zone);
        Object weeks = execution.getVariable("loanPeriodWeeks");
        LocalDate due = today.plusWeeks(weeks instanceof Number number ? number.longValue() : properties.defaultLoanWeeks());
        execution.setVariable("dueDate", Date.from(due.atStartOfDay(zone).toInstant()));
        String firstNotice = due.plus(properties.overdueGrace()).atTime(9, 0).atZone(zone)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        execution.setVariable("overdueNotices", "R" + properties.overdueNotices() + "/" + firstNotice + "/" + properties.overdueInterval());
    }
}
