package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.resourcesharing.platform.StepVisits;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordCharge}}: a service task that posts a charge to the {@link Ledger}. Input
 * parameters: {@code accountType} (PARTNER, PATRON), {@code accountId}, {@code direction}
 * (RECEIVABLE, PAYABLE), {@code kind} ({@link Kind}), {@code amount}, {@code currency} (ISO 4217)
 * and optionally {@code reason} (default: the task's name). The posting belongs to the business
 * key, and is posted by {@code process:<process definition key>}.
 *
 * <ul>
 * <li>No amount, or zero (a free loan): nothing is posted.</li>
 * <li>{@code amount} may be a BigDecimal, a whole number, or a String such as the policy table's
 * "5.00". A Double is read as the decimal it prints as (0.1 is 0.1, not the binary fraction behind it).</li>
 * <li>Data the ledger refuses (an unknown currency, more decimals than the currency has, a currency
 * without an exchange rate recent enough to convert it, ...) is the
 * BPMN error {@value #REJECTED} with the reasons as message: the diagram catches it and hands the
 * charge to staff. A database that fails is an ordinary failure, retried by the engine.</li>
 * <li>Posting once: the posting key is process instance, step, kind and visit, the same for every
 * retry of one visit of the step, so a retried job posts once; a loop that comes back to the step
 * posts again, as it should (overdue fines). Visits are counted in the history, as
 * {@code ${sendNotification}} counts them, which a failed attempt never reaches. Run the step
 * asynchronously, like the other steps with side effects.</li>
 * </ul>
 */
@Component("recordCharge")
public class RecordChargeDelegate implements JavaDelegate {

    static final String REJECTED = "LEDGER_REJECTED";

    private final Ledger ledger;
    private final HistoryService historyService;

    public RecordChargeDelegate(Ledger ledger, HistoryService historyService) {
        this.ledger = ledger;
        this.historyService = historyService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        try {
            FieldErrors errors = new FieldErrors();
            BigDecimal amount = Amounts.read(execution.getVariable("amount"), "amount", errors);
            if (errors.isEmpty() && (amount == null || amount.signum() == 0)) {
                return;
            }
            AccountType accountType = constant(AccountType.class, "accountType", execution, errors);
            Direction direction = constant(Direction.class, "direction", execution, errors);
            Kind kind = constant(Kind.class, "kind", execution, errors);
            errors.throwIfAny();
            Object reason = execution.getVariable("reason");
            ledger.post(new PostingRequest(accountType, text(execution, "accountId"), direction, kind, amount, text(execution, "currency"),
                    execution.getProcessBusinessKey(), execution.getProcessInstanceId(), postingKey(execution, kind),
                    "process:" + processDefinitionKey(execution), reason == null ? execution.getCurrentActivityName() : reason.toString()));
        } catch (InvalidRequestException refused) {
            throw new BpmnError(REJECTED, "The ledger refused the charge: " + refused.errors().stream()
                    .map(error -> error.field() + " " + error.reason()).collect(Collectors.joining("; ")));
        }
    }

    private String postingKey(DelegateExecution execution, Kind kind) {
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + kind + ":"
                + StepVisits.current(execution, historyService);
    }

    /** The process's id in the diagram is its definition key; found in the model, which needs no query. */
    private static String processDefinitionKey(DelegateExecution execution) {
        ModelElementInstance element = execution.getBpmnModelElementInstance();
        while (!(element instanceof Process)) {
            element = element.getParentElement();
        }
        return ((Process) element).getId();
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String name, DelegateExecution execution, FieldErrors errors) {
        String value = text(execution, name);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        errors.add(name, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
