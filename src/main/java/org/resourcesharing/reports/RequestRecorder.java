package org.resourcesharing.reports;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.resourcesharing.reports.ReportsProperties.MeasuredProcess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Fills the reports' record of requests as the engine runs them: the Camunda Spring Boot starter publishes every
 * execution event ({@code camunda.bpm.eventing.execution}, on by default) synchronously, inside the engine's
 * transaction, so a step that is rolled back records nothing.
 */
@Component
class RequestRecorder {

    private final RequestRecords records;

    RequestRecorder(RequestRecords records) {
        this.records = records;
    }

    @EventListener
    void on(DelegateExecution execution) {
        // definition ids are key:version:uuid (the engine falls back to a bare uuid only for keys too long for that)
        String definitionId = execution.getProcessDefinitionId();
        int colon = definitionId == null ? -1 : definitionId.indexOf(':');
        if (colon > 0) {
            records.measured(definitionId.substring(0, colon)).ifPresent(process -> record(process, execution));
        }
    }

    private void record(MeasuredProcess process, DelegateExecution execution) {
        String processInstanceId = execution.getProcessInstanceId();
        // The process instance's own start and end carry no activity instance of their own (none, or the instance's id).
        boolean ofTheProcess = execution.getActivityInstanceId() == null || execution.getActivityInstanceId().equals(processInstanceId);
        LocalDateTime now = LocalDateTime.now();
        if (ofTheProcess && ExecutionListener.EVENTNAME_START.equals(execution.getEventName())) {
            records.started(process, processInstanceId, execution.getProcessBusinessKey(), now);
            records.variables(process, processInstanceId, variables(process, execution));
        } else if (ofTheProcess && ExecutionListener.EVENTNAME_END.equals(execution.getEventName())) {
            records.variables(process, processInstanceId, variables(process, execution));
            records.ended(processInstanceId, execution.getCurrentActivityId(), now);
        } else if (ExecutionListener.EVENTNAME_END.equals(execution.getEventName()) && !execution.isCanceled() // done, not interrupted
                && process.milestones().values().stream().anyMatch(activities -> activities.contains(execution.getCurrentActivityId()))) {
            records.activityEnded(process, processInstanceId, execution.getCurrentActivityId(), now);
            records.variables(process, processInstanceId, variables(process, execution));
        }
    }

    /** The values of the process's configured variables the execution sees. */
    private static Map<String, Object> variables(MeasuredProcess process, DelegateExecution execution) {
        Map<String, Object> values = new HashMap<>();
        Stream.of(process.serviceTypeVariable(), process.partnerVariable(), process.reasonVariable())
                .filter(name -> name != null && execution.hasVariable(name)).forEach(name -> values.put(name, execution.getVariable(name)));
        return values;
    }
}
