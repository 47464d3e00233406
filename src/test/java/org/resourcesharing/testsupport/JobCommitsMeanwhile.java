package org.resourcesharing.testsupport;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.runtime.Job;

/**
 * A collision with a running job, made to happen: while a message is handed to the process (this listens on the event
 * it triggers), the job of the process that is due runs on another thread, as the job executor would run it at that
 * very moment, and commits before the message's transaction does. The engine then refuses the message's change.
 */
public class JobCommitsMeanwhile implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) throws Exception {
        ManagementService managementService = execution.getProcessEngineServices().getManagementService();
        Job due = managementService.createJobQuery().processInstanceId(execution.getProcessInstanceId()).singleResult();
        if (due != null) {
            CompletableFuture.runAsync(() -> managementService.executeJob(due.getId())).get(30, TimeUnit.SECONDS);
        }
    }
}
