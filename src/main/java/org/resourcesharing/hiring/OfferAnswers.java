package org.resourcesharing.hiring;

import org.camunda.bpm.engine.RuntimeService;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.springframework.stereotype.Component;

/**
 * A candidate's answer to an offer, from the link in the offer email. It reaches the posting's process
 * only while that process waits for an answer from this very candidate: a click on the link of an
 * offer that was withdrawn, expired or answered already changes nothing. A process moving on at that
 * moment is handed the answer again ({@link ProcessChangeRetry}), as it then is.
 */
@Component
class OfferAnswers {

    static final String ACCEPTED = "Offer accepted";
    static final String DECLINED = "Offer declined";

    private final RuntimeService runtimeService;
    private final ProcessChangeRetry processChanges;

    OfferAnswers(RuntimeService runtimeService, ProcessChangeRetry processChanges) {
        this.runtimeService = runtimeService;
        this.processChanges = processChanges;
    }

    boolean waitsForAnswer(Applications.Application candidate) {
        return runtimeService.createExecutionQuery().processInstanceBusinessKey(candidate.postingNumber()).messageEventSubscriptionName(ACCEPTED)
                .list().stream()
                .anyMatch(waiting -> candidate.applicationNumber().equals(runtimeService.getVariable(waiting.getProcessInstanceId(), "offerCandidate")));
    }

    /**
     * Delivers the answer if the offer still waits for it; false (nothing changed) when it does not.
     *
     * @throws ProcessChangeRetry.ProcessBusyException when the process moved on at every attempt; nothing changed
     */
    boolean answer(Applications.Application candidate, boolean accepted) {
        return processChanges.attempt(() -> {
            if (!waitsForAnswer(candidate)) {
                return false;
            }
            runtimeService.createMessageCorrelation(accepted ? ACCEPTED : DECLINED).processInstanceBusinessKey(candidate.postingNumber()).correlate();
            return true;
        });
    }
}
