package org.resourcesharing.iso18626;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.resourcesharing.platform.ProcessChangeRetry.ProcessBusyException;

/**
 * Hands a partner's message to the process waiting for it, found by business key (and, for a lender's answer, by the
 * lender asked). A process that waits for no such message but has a step due to run is on its way, not done with it:
 * the lending process between the review and its answer to the borrower, or the borrowing process still sending its
 * Request when the lender's answer comes. The partner is then asked to send the message again (HTTP 503), by when the
 * process may wait for it; before, such a Cancel was only kept for staff.
 */
final class WaitingProcesses {

    private final RuntimeService runtimeService;
    private final ManagementService managementService;

    WaitingProcesses(RuntimeService runtimeService, ManagementService managementService) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
    }

    /**
     * The id of the process instance the message reached; empty when the process waits for no such message and has no
     * step due (a late or repeated message: kept for staff).
     *
     * @throws ProcessBusyException when a step of the process is due to run
     */
    Optional<String> correlate(String event, String businessKey, String lender, Map<String, Object> variables) {
        // Asked first, not tried and caught: a failed correlation marks the whole transaction for rollback.
        var waitingQuery = runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey).messageEventSubscriptionName(event);
        if (lender != null) {
            waitingQuery.processVariableValueEquals("supplyingAgencyId", lender);
        }
        if (waitingQuery.count() == 0) {
            if (aStepIsDue(businessKey)) {
                throw new ProcessBusyException("'" + event + "' for " + businessKey + " came while its process was on its way to its next wait");
            }
            return Optional.empty();
        }
        var correlation = runtimeService.createMessageCorrelation(event).processInstanceBusinessKey(businessKey).setVariables(variables);
        if (lender != null) {
            correlation.processInstanceVariableEquals("supplyingAgencyId", lender);
        }
        return Optional.of(correlation.correlateWithResult().getExecution().getProcessInstanceId());
    }

    /** An asynchronous step of the process can run now: not a timer, not a failed step waiting for its retry, not suspended. */
    private boolean aStepIsDue(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
                .anyMatch(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).messages().executable().active()
                        .count() > 0);
    }
}
