package org.resourcesharing.hiring;

import static org.resourcesharing.hiring.ProcessVariables.text;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${chooseCandidate}} on completing <em>Choose candidate</em>: {@code chosenCandidate} must be
 * on the shortlist; it is offered the job first, the others keep their order behind it should the offer
 * be declined.
 */
@Component("chooseCandidate")
class ChooseCandidateListener implements TaskListener {

    private final Applications applications;

    ChooseCandidateListener(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        String posting = task.getExecution().getProcessBusinessKey();
        String chosen = text(task, "chosenCandidate");
        String number = chosen == null ? null : chosen.toUpperCase();
        if (number == null || applications.shortlisted(posting).stream().noneMatch(candidate -> candidate.applicationNumber().equals(number))) {
            throw new IllegalArgumentException("chosenCandidate: must be one of the shortlist " + applications.shortlisted(posting).stream()
                    .map(Applications.Application::applicationNumber).toList());
        }
        applications.putFirst(posting, number);
        task.setVariable("chosenCandidate", number);
    }
}
