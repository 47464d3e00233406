package org.resourcesharing.platform;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

/** The task lists every staff member finds in Tasklist: their groups' open tasks, and the tasks they claimed. */
final class TasklistFilters {

    static final String GROUP_TASKS = "My group's tasks";
    static final String MY_TASKS = "My claimed tasks";

    private final FilterService filterService;
    private final TaskService taskService;

    TasklistFilters(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    void ensure() {
        ensure(GROUP_TASKS, -10, "Open tasks of the groups you belong to, claimed or not",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks());
        ensure(MY_TASKS, -5, "Tasks you have claimed",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    }

    private void ensure(String name, int priority, String description, TaskQuery query) {
        if (filterService.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Filter filter = filterService.newTaskFilter(name)
                .setQuery(query)
                .setProperties(Map.of("priority", priority, "description", description, "refresh", true));
        filterService.saveFilter(filter);
    }
}
