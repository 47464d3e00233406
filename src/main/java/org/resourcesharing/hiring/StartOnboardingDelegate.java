package org.resourcesharing.hiring;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${startOnboarding}}: the candidate who accepted ({@code offerCandidate}) gets an onboarding
 * process of their own (student-onboarding, business key: the application number), so that one
 * posting's several hires are onboarded side by side while the posting goes on. Started once: a retry
 * finds it running.
 */
@Component("startOnboarding")
class StartOnboardingDelegate implements JavaDelegate {

    static final String ONBOARDING = "student-onboarding";

    @Override
    public void execute(DelegateExecution execution) {
        String student = (String) execution.getVariable("offerCandidate");
        RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
        if (runtimeService.createProcessInstanceQuery().processDefinitionKey(ONBOARDING).processInstanceBusinessKey(student).count() > 0) {
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationNumber", student);
        variables.put("studentName", execution.getVariable("candidateName"));
        variables.put("studentEmail", execution.getVariable("candidateEmail"));
        for (String copied : new String[] {"supervisor", "postingNumber", "title", "startDate", "workStudy", "hoursPerWeek"}) {
            variables.put(copied, execution.getVariable(copied));
        }
        runtimeService.startProcessInstanceByKey(ONBOARDING, student, variables);
    }
}
