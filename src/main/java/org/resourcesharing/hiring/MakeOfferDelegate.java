package org.resourcesharing.hiring;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${makeOffer}}: settles the previous offer when it was declined or expired ({@code offerOutcome}),
 * then offers the job to the first candidate left on the shortlist: sets {@code offerCandidate},
 * {@code candidateName}, {@code candidateEmail}, {@code offerUrl} (the accept/decline page) and the
 * answer times {@code offerAnswerWithin} and {@code offerExpiresAfterReminder}. With nobody left,
 * {@code offerCandidate} is null.
 */
@Component("makeOffer")
class MakeOfferDelegate implements JavaDelegate {

    private final Applications applications;
    private final HiringProperties properties;

    MakeOfferDelegate(Applications applications, HiringProperties properties) {
        this.applications = applications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object previous = execution.getVariable("offerCandidate");
        Object outcome = execution.getVariable("offerOutcome");
        if (previous != null && outcome != null) {
            applications.settle(previous.toString(), outcome.toString().toUpperCase());
        }
        execution.setVariable("offerOutcome", null);
        List<Applications.Application> left = applications.shortlisted(execution.getProcessBusinessKey());
        if (left.isEmpty()) {
            execution.setVariable("offerCandidate", null);
            return;
        }
        Applications.Application candidate = left.get(0);
        String token = applications.offer(candidate.applicationNumber());
        execution.setVariable("offerCandidate", candidate.applicationNumber());
        execution.setVariable("candidateName", candidate.applicantName());
        execution.setVariable("candidateEmail", candidate.email());
        execution.setVariable("offerUrl", properties.publicBaseUrl() + "/jobs/offers/" + token);
        execution.setVariable("offerAnswerWithin", properties.offerAnswerWithin().toString());
        execution.setVariable("offerExpiresAfterReminder", properties.offerExpiresAfterReminder().toString());
    }
}
