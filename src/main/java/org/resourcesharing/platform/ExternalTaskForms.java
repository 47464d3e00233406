package org.resourcesharing.platform;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.resourcesharing.platform.ProcessChangeRetry.ProcessBusyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What every staff page that Tasklist opens for a user task (its form key makes it an external form,
 * linked as {@code ...?taskId=...&callbackUrl=...}) does the same way. The engine is asked everything as
 * the signed-in user, so Camunda's authorizations decide who may see and complete the task; a link to a
 * task that is gone (404), of another group (403) or claimed by someone else (409) shows a page saying
 * which ({@code templates/task-unavailable.html}). A task is completed as every change from outside is handed to its
 * process ({@link ProcessChangeRetry}): when the process moves on at that moment it is completed again as the process
 * then is, and when it moves on at every attempt the page says so (503 with {@code Retry-After}) and the task stays open.
 */
@Component
public class ExternalTaskForms {

    /** The task a link names, with its request's business key and the task's variables. */
    public record OpenTask(Task task, String businessKey, Map<String, Object> variables) {

        public String text(String name) {
            Object value = variables.get(name);
            return value == null ? null : value.toString();
        }
    }

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final ProcessChangeRetry processChanges;

    ExternalTaskForms(TaskService taskService, RuntimeService runtimeService, IdentityService identityService, ProcessChangeRetry processChanges) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.processChanges = processChanges;
    }

    /**
     * The open task {@code taskId} of the process {@code processKey} at {@code taskKey}, as the user may see it.
     *
     * @param taskName the task's name as staff know it, for the messages
     */
    public OpenTask open(String taskId, String processKey, String taskKey, String taskName, Authentication user) {
        // asked without a user the engine checks nothing: this only tells a wrong link (404) from another group's task (403)
        Task task = taskService.createTaskQuery().taskId(taskId).processDefinitionKey(processKey).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new TaskUnavailableException(HttpStatus.NOT_FOUND,
                    "There is no open " + taskName + " task " + taskId + ". It may have been completed already: look in Tasklist.");
        }
        Map<String, Object> variables = asUser(user,
                () -> taskService.createTaskQuery().taskId(taskId).count() == 0 ? null : taskService.getVariables(taskId));
        if (variables == null) {
            throw new TaskUnavailableException(HttpStatus.FORBIDDEN, "This " + taskName + " task is not for your group.");
        }
        if (task.getAssignee() != null && !task.getAssignee().equals(user.getName())) {
            throw new TaskUnavailableException(HttpStatus.CONFLICT,
                    "This " + taskName + " task is claimed by " + task.getAssignee() + ". Ask them, or unclaim it in Tasklist first.");
        }
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        return new OpenTask(task, businessKey, variables);
    }

    /**
     * Claims the task for the user when nobody has, completes it with the variables, and sends the
     * browser back where Tasklist asked (303), or to Tasklist when that is not on this server.
     */
    public ModelAndView complete(String taskId, VariableMap variables, Authentication user, String callbackUrl, HttpServletRequest request) {
        try {
            asUser(user, () -> processChanges.attempt(() -> {
                // an attempt after the process moved on finds the task as it then is: it may have ended meanwhile
                if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
                    throw new TaskUnavailableException(HttpStatus.NOT_FOUND,
                            "Task " + taskId + " ended while it was being completed: its request moved on. Look in Tasklist.");
                }
                if (taskService.createTaskQuery().taskId(taskId).taskUnassigned().count() > 0) {
                    taskService.claim(taskId, user.getName());
                }
                taskService.complete(taskId, variables);
                return taskId;
            }));
        } catch (ProcessBusyException processMoving) {
            throw new TaskUnavailableException(HttpStatus.SERVICE_UNAVAILABLE, "The task's request was moving on to its next step at this very "
                    + "moment, so the task was not completed. Please send the form again in " + ProcessChangeRetry.RETRY_AFTER_HEADER + " seconds.");
        }
        RedirectView back = new RedirectView(CallbackUrls.safe(callbackUrl, request));
        back.setExpandUriTemplateVariables(false);
        back.setStatusCode(HttpStatus.SEE_OTHER);
        return new ModelAndView(back);
    }

    private <T> T asUser(Authentication user, Supplier<T> work) {
        List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(role -> role.startsWith("ROLE_")).map(role -> role.substring("ROLE_".length())).toList();
        identityService.setAuthentication(user.getName(), groups);
        try {
            return work.get();
        } catch (AuthorizationException denied) {
            throw new TaskUnavailableException(HttpStatus.FORBIDDEN, "You may not complete this task: " + denied.getMessage());
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** A link to a task that is gone, not the user's group's, or claimed by someone else; or a task its busy request could not take. */
    public static final class TaskUnavailableException extends RuntimeException {

        private final HttpStatus status;

        TaskUnavailableException(HttpStatus status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** The page that says why a task's page cannot be used. */
    @ControllerAdvice
    static class TaskUnavailablePage {

        @ExceptionHandler(TaskUnavailableException.class)
        ModelAndView unavailable(TaskUnavailableException unavailable, HttpServletResponse response) {
            if (unavailable.status == HttpStatus.SERVICE_UNAVAILABLE) {
                response.setHeader(HttpHeaders.RETRY_AFTER, ProcessChangeRetry.RETRY_AFTER_HEADER);
            }
            return new ModelAndView("task-unavailable", Map.of("message", unavailable.getMessage()), unavailable.status);
        }
    }
}
