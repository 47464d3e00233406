package org.resourcesharing.lending;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${setLoanDueDate}}, with the input parameter {@code loanEvent}: when the item is
 * {@code shipped}, it is due back after the policy's loan period ({@code loanPeriodWeeks}, or the
 * configured default); at a {@code renewal} the borrower asked for, the loan is extended unless it
 * has been renewed as often as the configuration allows; at a {@code recall}, it is due on the date
 * staff set ({@code recallDueDate}, yyyy-MM-dd as the form gives it). Sets
 * {@code dueDate}, {@code renewals}, {@code renewalApproved} and {@code overdueNotices}, the timer
 * cycle of the overdue notices (the first one after the grace period), and {@code lostDate}, when an
 * item still not shipped back is presumed lost and goes to staff.
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
        LocalDate due;
        Object event = execution.getVariable("loanEvent");
        if ("recall".equals(event)) {
            due = LocalDate.parse(String.valueOf(execution.getVariable("recallDueDate")).substring(0, 10));
        } else if ("renewal".equals(event) && execution.getVariable("dueDate") instanceof Date current) {
            int renewals = execution.getVariable("renewals") instanceof Number number ? number.intValue() : 0;
            boolean approved = renewals < properties.maxRenewals();
            LocalDate currentDue = LocalDate.ofInstant(current.toInstant(), zone);
            due = approved ? currentDue.plusWeeks(properties.renewalWeeks()) : currentDue;
            execution.setVariable("renewals", approved ? renewals + 1 : renewals);
            execution.setVariable("renewalApproved", approved);
        } else {
            Object weeks = execution.getVariable("loanPeriodWeeks");
            due = LocalDate.now(zone).plusWeeks(weeks instanceof Number number ? number.longValue() : properties.defaultLoanWeeks());
        }
        execution.setVariable("dueDate", Date.from(due.atStartOfDay(zone).toInstant()));
        String firstNotice = due.plus(properties.overdueGrace()).atTime(9, 0).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        execution.setVariable("overdueNotices", "R" + properties.overdueNotices() + "/" + firstNotice + "/" + properties.overdueInterval());
        execution.setVariable("lostDate", due.plus(properties.lostAfter()).atTime(9, 0).atZone(zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
