package org.resourcesharing.borrowing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;

/**
 * Where a borrowing request stands, as its patron may see it: read from the process, never from
 * its variables other than {@code patronStatus}, so no staff note or lender reaches the patron.
 */
final class RequestStanding {

    static final String CLOSED = "Your request is closed.";

    /**
     * @param patronStatus what the process last told the patron ({@code patronStatus}, in patrons' words), shown first; then what we are doing now
     * @param doing        what we are doing now, in patrons' words; empty once the request is closed
     * @param outcome      how the request ended (the end event's name); null while it is open
     */
    record Standing(String patronStatus, List<String> doing, String outcome) {
    }

    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    RequestStanding(RuntimeService runtimeService, HistoryService historyService) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    Standing of(String businessKey) {
        Optional<HistoricProcessInstance> found = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(BorrowingIntake.PROCESS_KEY).processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst();
        if (found.isEmpty()) {
            // the request row outlives the process history, which is removed after its time to live
            return new Standing(null, List.of(), CLOSED);
        }
        HistoricProcessInstance instance = found.get();
        String patronStatus = historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("patronStatus").list().stream().map(HistoricVariableInstance::getValue)
                .filter(value -> value != null && !value.toString().isBlank()).map(Object::toString).map(PatronStatusTexts::forNotice)
                .filter(text -> text != null).findFirst().orElse(null);
        if (instance.getEndTime() == null) {
            ActivityInstance tree = runtimeService.getActivityInstance(instance.getId());
            List<String> doing = tree == null ? List.of()
                    : waitingSteps(tree).map(PatronStatusTexts::forActivity).distinct().toList();
            return new Standing(patronStatus, doing.isEmpty() ? List.of(PatronStatusTexts.WORKING) : doing, null);
        }
        return new Standing(patronStatus, List.of(), endEventName(instance).orElse(CLOSED));
    }

    /** The steps the request waits in: the innermost activity instances, and those waiting for the job executor. */
    private static Stream<String> waitingSteps(ActivityInstance instance) {
        List<String> steps = new ArrayList<>();
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            steps.add(transition.getActivityId());
        }
        if (instance.getChildActivityInstances().length == 0 && steps.isEmpty() && instance.getParentActivityInstanceId() != null) {
            return Stream.of(instance.getActivityId());
        }
        return Stream.concat(steps.stream(), Stream.of(instance.getChildActivityInstances()).flatMap(RequestStanding::waitingSteps));
    }

    /** The name of the end event the request finished at; one directly in the process before one in a subprocess. */
    private Optional<String> endEventName(HistoricProcessInstance instance) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).finished().list().stream()
                .filter(activity -> activity.getActivityType().endsWith("EndEvent") && activity.getActivityName() != null)
                .max(Comparator.comparing((HistoricActivityInstance activity) -> instance.getId().equals(activity.getParentActivityInstanceId()))
                        .thenComparing(HistoricActivityInstance::getEndTime))
                .map(HistoricActivityInstance::getActivityName);
    }
}
