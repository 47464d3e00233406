package org.resourcesharing.fees;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * {@code ${postWaiver}}: posts a checked fee waiver to the ledger (see {@link Waivers}) in the name of
 * {@code decidedBy} (the approving manager) or else {@code requestedBy}, and sets
 * {@code waiverPostingId} and {@code accountBalance} (after the waiver). A waiver the ledger no
 * longer accepts (the charge was reversed or waived meanwhile) is the BPMN error {@value #REFUSED}
 * with the reasons as its message, for the diagram to tell the staff member who asked.
 */
@Component("postWaiver")
class PostWaiverDelegate implements JavaDelegate {

    static final String REFUSED = "WAIVER_REFUSED";

    private final Waivers waivers;

    PostWaiverDelegate(Waivers waivers) {
        this.waivers = waivers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Posting waiver;
        try {
            waiver = waivers.waive(text(execution, "postingId"), execution.getVariable("waiveAmount"), text(execution, "waiverReason"),
                    text(execution, "requestedBy"), text(execution, "decidedBy"), text(execution, "decisionNote"),
                    execution.getProcessInstanceId());
        } catch (InvalidRequestException refused) {
            throw new BpmnError(REFUSED, "The ledger did not take the waiver: " + refused.errors().stream()
                    .map(error -> error.field() + " " + error.reason()).collect(Collectors.joining("; ")));
        }
        execution.setVariable("waiverPostingId", waiver.id().toString());
        execution.setVariable("accountBalance", waivers.balance(waiver).get(waiver.currency()).toPlainString());
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
