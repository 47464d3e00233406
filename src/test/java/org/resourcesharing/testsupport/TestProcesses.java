package org.resourcesharing.testsupport;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotFoundException;

/** Cleaning up after an integration test while the job executor may still be moving a process on. */
public final class TestProcesses {

    private static final int ATTEMPTS = 50;

    private TestProcesses() {
    }

    /** Waits (briefly) until the instance has no job due now, then deletes it; a job that slips in between is simply waited for again. */
    public static void remove(RuntimeService runtimeService, ManagementService managementService, String processInstanceId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
                return;
            }
            if (managementService.createJobQuery().processInstanceId(processInstanceId).executable().count() == 0) {
                try {
                    runtimeService.deleteProcessInstance(processInstanceId, "test finished");
                    return;
                } catch (OptimisticLockingException movedOnMeanwhile) {
                    // the job executor changed it meanwhile: try again
                } catch (NotFoundException endedMeanwhile) {
                    return; // the job executor finished it between the look and the delete: nothing left to remove
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("Process instance " + processInstanceId + " kept running jobs; it could not be removed");
    }
}
