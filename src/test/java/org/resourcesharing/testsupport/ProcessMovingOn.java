package org.resourcesharing.testsupport;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A process that is moving on when a change from outside reaches it ({@code testsupport/process-moving-on.bpmn}): it waits
 * for {@code ISO18626 Cancel}, {@code Patron cancels}, {@code Patron asks to renew}, {@code Recall requested},
 * {@code Email reply}, {@code Shift taken}, {@code Offer accepted} and {@code Employment ended}, and whenever one is handed over, a job of it commits first ({@link JobCommitsMeanwhile}), as many
 * times as it has jobs; then it waits for a review, and the change goes through.
 */
public final class ProcessMovingOn {

    public static final String KEY = "process-moving-on";

    private ProcessMovingOn() {
    }

    /** The process with {@code businessKey}, with {@code jobs} jobs to run one after another. */
    public static ProcessInstance start(RepositoryService repositoryService, RuntimeService runtimeService, String businessKey, int jobs) {
        return start(repositoryService, runtimeService, businessKey, jobs, Map.of());
    }

    /** The same, with the {@code variables} the caller's own checks read from the process. */
    public static ProcessInstance start(RepositoryService repositoryService, RuntimeService runtimeService, String businessKey, int jobs,
            Map<String, Object> variables) {
        repositoryService.createDeployment().name("process-moving-on-test").addClasspathResource("testsupport/process-moving-on.bpmn")
                .enableDuplicateFiltering(true).deploy();
        Map<String, Object> all = new HashMap<>(variables);
        all.put("jobsLeft", jobs);
        return runtimeService.startProcessInstanceByKey(KEY, businessKey, all);
    }

    /** How many of its jobs have not run yet. */
    public static long jobsLeft(RuntimeService runtimeService, ProcessInstance instance) {
        return ((Number) runtimeService.getVariable(instance.getId(), "jobsLeft")).longValue();
    }
}
