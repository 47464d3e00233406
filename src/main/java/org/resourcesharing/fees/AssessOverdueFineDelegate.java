package org.resourcesharing.fees;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code ${assessOverdueFine}}: the patron's fine for an item brought back late, by the managers'
 * fee policy ({@link FeePolicy#overdueFine}). Input parameters: {@code dueDate} (a date, a
 * {@code java.util.Date} at the start of the day in the server's zone as {@code patronDueDate} is, or
 * text starting YYYY-MM-DD), optionally {@code returnedDate} (default: today, in the server's zone)
 * and {@code recalled} (true: the fine for an item recalled and not returned; {@code dueDate} is then
 * the recall's due date). Sets {@code fineAmount} (text such as "10.00"; "0.00" when on time or within
 * the days free), {@code fineCurrency}, {@code fineDaysLate} and {@code fineReason} (the policy's words
 * with the days), ready for {@code ${recordCharge}} with kind OVERDUE_FINE, which posts nothing for zero.
 */
@Component("assessOverdueFine")
class AssessOverdueFineDelegate implements JavaDelegate {

    private final FeePolicy policy;
    private final Clock clock;

    @Autowired
    AssessOverdueFineDelegate(FeePolicy policy) {
        this(policy, Clock.systemDefaultZone());
    }

    AssessOverdueFineDelegate(FeePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate due = date(execution.getVariable("dueDate"), "dueDate");
        Object returned = execution.getVariable("returnedDate");
        LocalDate back = returned == null ? LocalDate.now(clock) : date(returned, "returnedDate");
        boolean recalled = "true".equals(String.valueOf(execution.getVariable("recalled"))); // Boolean or text
        FeePolicy.Fine fine = policy.overdueFine(due, back, recalled);
        execution.setVariable("fineAmount", fine.fine().amount().toPlainString());
        execution.setVariable("fineCurrency", fine.fine().currency());
        execution.setVariable("fineDaysLate", fine.daysLate());
        execution.setVariable("fineReason", fine.description() + " (due " + due + ", back " + back + ": " + fine.daysLate() + " days late, "
                + fine.daysCharged() + " charged" + (fine.capped() ? ", at the maximum" : "") + ")");
    }

    private LocalDate date(Object value, String name) {
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return LocalDate.ofInstant(date.toInstant(), clock.getZone());
        }
        if (value instanceof String text && text.length() >= 10) {
            return LocalDate.parse(text.substring(0, 10));
        }
        throw new IllegalArgumentException(name + " must be a date, not '" + value + "'");
    }
}
