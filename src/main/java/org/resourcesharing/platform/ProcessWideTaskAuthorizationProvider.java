package org.resourcesharing.platform;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default authorizations, except that a staff group gets no authorization of its own on a
 * task of a process it works every task of ({@code works-every-task-of}): it sees and works those
 * tasks through READ_TASK and UPDATE_TASK on the process definition ({@link StaffAuthorizations}).
 *
 * <p>Why: by default each candidate group of each task gets a row in ACT_RU_AUTHORIZATION, and
 * Tasklist's task query joins that table on {@code RESOURCE_ID_ IN (task id, process key, '*')}. With
 * a row per task PostgreSQL cannot hash-join that condition: the count took 4.5 s at 10,000 open tasks
 * and cannot be made fast at 100,000; with grants per process definition it reads a handful of rows
 * (about 150 ms at 100,000). Assignees, owners, users' identity links, other groups, other processes
 * and tasks outside a process keep their rows per task. Removing a group's link keeps the default too:
 * it deletes no authorization, so there is nothing to keep in step.
 */
final class ProcessWideTaskAuthorizationProvider extends DefaultAuthorizationProvider {

    private final Map<String, Set<String>> groupsWorkingEveryTaskByProcessKey;

    ProcessWideTaskAuthorizationProvider(IdentityProperties properties) {
        this.groupsWorkingEveryTaskByProcessKey = properties.staffGroups().stream()
                .flatMap(group -> group.worksEveryTaskOf().stream().map(processKey -> Map.entry(processKey, group.id())))
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    }

    @Override
    public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
        if (worksEveryTaskOfProcess(groupId, task)) {
            return null;
        }
        return super.newTaskGroupIdentityLink(task, groupId, type);
    }

    private boolean worksEveryTaskOfProcess(String groupId, Task task) {
        if (task.getProcessDefinitionId() == null) {
            return false;
        }
        String processKey = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(task.getProcessDefinitionId()).getKey();
        return groupsWorkingEveryTaskByProcessKey.getOrDefault(processKey, Set.of()).contains(groupId);
    }
}
