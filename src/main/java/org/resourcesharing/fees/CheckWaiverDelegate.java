package org.resourcesharing.fees;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkWaiver}}: the first step of a fee waiver, run as the waiver starts. Reads
 * {@code postingId}, {@code waiveAmount} (empty: all that is outstanding), {@code waiverReason} and
 * {@code requestedBy}; shows the charge to whoever decides ({@code accountType}, {@code accountId},
 * {@code postingKind}, {@code postingAmount}, {@code postingCurrency}, {@code postingReason},
 * {@code postingRequest}, {@code postingDate}, {@code alreadyWaived}, {@code outstanding},
 * {@code accountBalance}) and sets {@code waiveAmount} (as posted, e.g. "10.00"), {@code waiveAll},
 * {@code withinStaffLimit} and {@code staffLimit}. A waiver that cannot be (no such posting, more than
 * is outstanding, ...) is refused with the reasons, so the start form or the REST call that asked
 * for it fails and nothing is started.
 */
@Component("checkWaiver")
class CheckWaiverDelegate implements JavaDelegate {

    private final Waivers waivers;

    CheckWaiverDelegate(Waivers waivers) {
        this.waivers = waivers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Waivers.Check check;
        try {
            check = waivers.check(text(execution, "postingId"), execution.getVariable("waiveAmount"), text(execution, "waiverReason"),
                    text(execution, "requestedBy"));
        } catch (InvalidRequestException refused) {
            throw new IllegalArgumentException("The waiver cannot be asked for: " + refused.errors().stream()
                    .map(error -> error.field() + " " + error.reason()).collect(Collectors.joining("; ")), refused);
        }
        Posting charge = check.charge();
        execution.setVariable("postingId", charge.id().toString());
        execution.setVariable("accountType", charge.accountType().name());
        execution.setVariable("accountId", charge.accountId());
        execution.setVariable("postingKind", charge.kind().name());
        execution.setVariable("postingAmount", charge.amount().toPlainString());
        execution.setVariable("postingCurrency", charge.currency());
        execution.setVariable("postingReason", charge.reason());
        execution.setVariable("postingRequest", charge.businessKey());
        execution.setVariable("postingDate", charge.postedAt().toLocalDate().toString());
        execution.setVariable("alreadyWaived", check.alreadyWaived().setScale(charge.amount().scale()).toPlainString());
        execution.setVariable("outstanding", check.outstanding().toPlainString());
        execution.setVariable("accountBalance", check.balance().toPlainString());
        execution.setVariable("waiveAmount", check.amount().toPlainString());
        execution.setVariable("waiveAll", check.all());
        execution.setVariable("withinStaffLimit", check.withinStaffLimit());
        execution.setVariable("staffLimit", waivers.staffLimit());
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
