package org.resourcesharing.borrowing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${setPatronDueDate}}: the date the patron must bring a loan back, {@code patronDueDate}: the
 * lender's due date ({@code supplierDueDate}, from Loaned) less the configured margin, which leaves
 * time to ship it back; never before tomorrow. Without a due date from the lender staff set it in
 * <em>Receive the item</em> ({@code supplierDueDate} there too). Also sets {@code pickupWithin} and {@code reminderDate} (when the patron is reminded). Used again when the lender
 * recalls or renews the loan, with the lender's new due date.
 */
@Component("setPatronDueDate")
class SetPatronDueDateDelegate implements JavaDelegate {

    private final BorrowingProperties properties;

    SetPatronDueDateDelegate(BorrowingProperties properties) {
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ZoneId zone = ZoneId.systemDefault();
        Object lenderDue = execution.getVariable("supplierDueDate");
        LocalDate lenders = lenderDue instanceof Date date ? LocalDate.ofInstant(date.toInstant(), zone)
                : LocalDate.parse(String.valueOf(lenderDue).substring(0, 10));
        LocalDate patrons = lenders.minusDays(properties.patronDueDateMargin());
        LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
        LocalDate due = patrons.isBefore(tomorrow) ? tomorrow : patrons;
        execution.setVariable("pickupWithin", properties.pickupWithin().toString());
        execution.setVariable("patronDueDate", Date.from(due.atStartOfDay(zone).toInstant()));
        execution.setVariable("reminderDate", due.minus(properties.reminderBefore()).atTime(9, 0).atZone(zone)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }
}
