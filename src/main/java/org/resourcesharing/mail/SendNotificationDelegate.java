package org.resourcesharing.mail;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.platform.StepVisits;
import org.springframework.stereotype.Component;

/**
 * {@code ${sendNotification}}: a service task that emails someone. Input parameters: {@code template},
 * {@code to}, optionally {@code language} (en, fr; default en) and {@code caseToken} (default: the
 * business key). The templates see every process variable. Run it asynchronously with retries:
 * a mail server that stays down becomes an incident, and the mail goes once it is back.
 */
@Component("sendNotification")
public class SendNotificationDelegate implements JavaDelegate {

    private final NotificationService notifications;
    private final HistoryService historyService;

    public SendNotificationDelegate(NotificationService notifications, HistoryService historyService) {
        this.notifications = notifications;
        this.historyService = historyService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        send(execution, required(execution, "template"), required(execution, "to"),
                execution.hasVariable("language") && execution.getVariable("language") != null ? execution.getVariable("language").toString() : "en");
    }

    /** Sends one email for this visit of the current step, for a delegate that decides template and recipient itself. */
    public void send(DelegateExecution execution, String template, String to, String language) {
        String caseToken = execution.hasVariable("caseToken") ? (String) execution.getVariable("caseToken") : execution.getProcessBusinessKey();
        notifications.send(new Notification(sendKey(execution), template, language, to, caseToken, execution.getVariables(),
                execution.getProcessInstanceId(), execution.getProcessBusinessKey()));
    }

    /**
     * The same for every retry of this visit of this step, different for the next visit (a loop):
     * completed visits are counted in the history, which a failed attempt never reaches.
     */
    private String sendKey(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + StepVisits.current(execution, historyService);
    }

    private static String required(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalStateException("The email step needs '" + name + "'");
        }
        return value.toString();
    }
}
