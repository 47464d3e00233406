package org.resourcesharing.platform;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Which visit of the current step a delegate runs in: the same number for every retry of one visit
 * (a failed attempt never reaches the history), the next number when a loop comes back. Steps with
 * a side effect outside the engine (an email, a posting) key it by this, so that a retry does it once.
 */
public final class StepVisits {

    private StepVisits() {
    }

    public static long current(DelegateExecution execution, HistoryService historyService) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .activityId(execution.getCurrentActivityId()).finished().count() + 1;
    }
}
