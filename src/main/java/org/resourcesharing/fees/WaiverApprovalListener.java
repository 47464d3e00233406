package org.resourcesharing.fees;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${waiverApproval}} on <em>Approve waiver</em>: four eyes. The manager who asked for a waiver
 * may not decide it: being assigned it (a claim) or completing it as that manager is refused with a
 * message Tasklist shows, and another manager decides. On completion it reads {@code decidedBy}, set
 * just before by the task's first complete listener (the signed-in user, else the assignee).
 */
@Component("waiverApproval")
class WaiverApprovalListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String decider = EVENTNAME_COMPLETE.equals(task.getEventName()) ? (String) task.getVariable("decidedBy") : task.getAssignee();
        String requester = (String) task.getVariable("requestedBy");
        if (decider != null && decider.equals(requester)) {
            throw new ProcessEngineException(decider + " asked for this waiver, so another manager approves or refuses it");
        }
    }
}
