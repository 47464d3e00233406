package org.resourcesharing.hiring;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * A candidate's answer to an offer, from the link in the offer email. It reaches the posting's process
 * only while that process waits for an answer from this very candidate: a click on the link of an
 * offer that was withdrawn, expired or answered already changes nothing.
 */
@Component
class OfferAnswers {

    static final String ACCEPTED = "Offer accepted";
    static final String DECLINED = "Offer declined";

    private final RuntimeService runtimeService;

    OfferAnswers(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    boolean waitsForAnswer(Applications.Application candidate) {
        return runtimeService.createExecutionQuery().processInstanceBusinessKey(candidate.postingNumber()).messageEventSubscriptionName(ACCEPTED)
                .list().stream()
                .anyMatch(waiting -> candidate.applicationNumber().equals(runtimeService.getVariable(waiting.getProcessInstanceId(), "offerCandidate")));
    }

    /** Delivers the answer if the offer still waits for it; false (nothing changed) when it does not. */
    boolean answer(Applications.Application candidate, boolean accepted) {
        if (!waitsForAnswer(candidate)) {
            return false;
        }
        runtimeService.createMessageCorrelation(accepted ? ACCEPTED : DECLINED).processInstanceBusinessKey(candidate.postingNumber()).correlate();
        return true;
    }
}
