package org.resourcesharing.borrowing;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.springframework.stereotype.Component;

/**
 * What a patron (or the service desk for the patron) does to a request: the messages the borrowing
 * process waits for, and the one way they reach it, from the staff REST calls and from the links in
 * the patron's emails alike. A message is only delivered while the request waits for it, so a click on
 * an old email link cannot move a request that has gone on. A request that moves on at that very moment (a job of
 * it committing) is handed the event again ({@link ProcessChangeRetry}), as it then is.
 */
@Component
class PatronEvents {

    static final String PICKED_UP = "Patron picked up";
    static final String RETURNED = "Patron returned";
    static final String RENEWAL_ASKED = "Patron asks to renew";
    static final String CANCELLED = "Patron cancels";
    static final String ACCEPTS_COST = "Patron accepts the cost";
    static final String DECLINES_COST = "Patron declines the cost";
    static final String DAMAGED_OR_LOST = "Item damaged or lost";

    private final RuntimeService runtimeService;
    private final ProcessChangeRetry processChanges;

    PatronEvents(RuntimeService runtimeService, ProcessChangeRetry processChanges) {
        this.runtimeService = runtimeService;
        this.processChanges = processChanges;
    }

    boolean waitsFor(String businessKey, String event) {
        return runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(event).count() > 0;
    }

    /** The cost a lender asks that waits for the patron's consent, such as "40.00 USD". */
    Optional<String> costAwaitingConsent(String businessKey) {
        return runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey).messageEventSubscriptionName(ACCEPTS_COST)
                .list().stream().findFirst().map(waiting -> waiting.getProcessInstanceId())
                .flatMap(instance -> Optional.ofNullable(runtimeService.getVariable(instance, "offeredCost"))
                        .map(cost -> (cost + " " + Optional.ofNullable(runtimeService.getVariable(instance, "offeredCostCurrency")).orElse("")).strip()));
    }

    /**
     * Delivers the event if the request waits for it; false (nothing changed) when it does not.
     *
     * @throws ProcessChangeRetry.ProcessBusyException when the request moved on at every attempt; nothing changed
     */
    boolean deliver(String businessKey, String event, Map<String, Object> variables) {
        // each attempt looks again whether the request, as it then is, still waits for the event
        return processChanges.attempt(() -> {
            if (!waitsFor(businessKey, event)) {
                return false;
            }
            runtimeService.createMessageCorrelation(event).processInstanceBusinessKey(businessKey).setVariables(variables).correlate();
            return true;
        });
    }
}
