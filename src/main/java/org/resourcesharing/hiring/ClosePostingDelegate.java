package org.resourcesharing.hiring;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${closePosting}}: at the closing date the posting leaves the public page; sets
 * {@code applicationCount} and {@code applicationsSummary}, the screening view (each applicant's
 * details, availability against the shifts to cover, the start of the résumé's text).
 */
@Component("closePosting")
class ClosePostingDelegate implements JavaDelegate {

    private final Postings postings;
    private final Applications applications;
    private final ScreeningView screening;

    ClosePostingDelegate(Postings postings, Applications applications, ScreeningView screening) {
        this.postings = postings;
        this.applications = applications;
        this.screening = screening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        postings.close(number);
        List<Applications.Application> received = applications.forPosting(number);
        execution.setVariable("applicationCount", received.size());
        execution.setVariable("applicationsSummary", screening.summary(received));
        execution.setVariable("shiftsToCover", screening.shiftsToCover());
    }
}
