package org.resourcesharing.hiring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.mail.SendNotificationDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${inviteToInterview}}: one instance per shortlisted candidate ({@code candidate}, an application
 * number): emails the invitation (template hiring-interview) with the candidate's name and interview
 * time. A delegate rather than input mappings because a multi-instance step's mappings are evaluated
 * before its element variable is set.
 */
@Component("inviteToInterview")
class InviteToInterviewDelegate implements JavaDelegate {

    private final Applications applications;
    private final SendNotificationDelegate notifications;

    InviteToInterviewDelegate(Applications applications, SendNotificationDelegate notifications) {
        this.applications = applications;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = (String) execution.getVariable("candidate");
        Applications.Application candidate = applications.find(number)
                .orElseThrow(() -> new IllegalStateException("No application " + number));
        execution.setVariableLocal("candidateName", candidate.applicantName());
        execution.setVariableLocal("interviewAt", candidate.interviewAt());
        notifications.send(execution, "hiring-interview", candidate.email(), "en");
    }
}
