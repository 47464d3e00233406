package org.resourcesharing.hiring;

import static org.resourcesharing.hiring.ProcessVariables.date;
import static org.resourcesharing.hiring.ProcessVariables.flag;
import static org.resourcesharing.hiring.ProcessVariables.number;
import static org.resourcesharing.hiring.ProcessVariables.text;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${publishPosting}}: the approved posting goes on the public page /jobs and takes
 * applications; sets {@code postingUrl} for the announcement.
 */
@Component("publishPosting")
class PublishPostingDelegate implements JavaDelegate {

    private final Postings postings;
    private final HiringProperties properties;

    PublishPostingDelegate(Postings postings, HiringProperties properties) {
        this.postings = postings;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        postings.publish(new Postings.Posting(number, text(execution, "title"), text(execution, "duties"), number(execution, "hoursPerWeek"),
                text(execution, "wageCategory"), number(execution, "hourlyRate"), flag(execution, "workStudy"),
                number(execution, "positions").intValue(), date(execution, "startDate"), date(execution, "closingDate"),
                text(execution, "supervisor"), true), execution.getProcessInstanceId());
        execution.setVariable("postingUrl", properties.publicBaseUrl() + "/jobs/" + number);
    }
}
