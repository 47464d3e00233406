package org.resourcesharing.lending;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code ${applyLendingPolicy}}: asks the managers' decision table {@code lending-policy}
 * (bpmn/lending-policy.dmn) what to do with the request, and keeps each answer as a plain process
 * variable for the review form and the gateways: {@code policyDecision} (unfilled, retry, refuse,
 * lend, copy, review), {@code policyReason}, {@code loanPeriodWeeks}, {@code lendingFee},
 * {@code feeCurrency}, {@code loanConditions}, and for an answer given at once {@code answerStatus}
 * with {@code reasonUnfilled} or {@code reasonRetry}.
 */
@Component("applyLendingPolicy")
public class ApplyLendingPolicyDelegate implements JavaDelegate {

    static final String DECISION = "lending-policy";
    private static final List<String> INPUTS = List.of("shelfStatus", "serviceType", "shelfLocation", "materialType", "publicationYear",
            "partnerTier");
    private static final List<String> OUTPUTS = List.of("policyDecision", "policyReason", "loanPeriodWeeks", "lendingFee", "feeCurrency",
            "loanConditions", "answerStatus", "reasonUnfilled", "reasonRetry");

    private final DecisionService decisionService;

    public ApplyLendingPolicyDelegate(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var inputs = Variables.createVariables();
        INPUTS.forEach(name -> inputs.putValue(name, execution.getVariable(name)));
        DmnDecisionRuleResult answer = decisionService.evaluateDecisionTableByKey(DECISION, inputs).getSingleResult();
        Map<String, Object> entries = answer == null ? Map.of() : answer.getEntryMap();
        OUTPUTS.forEach(name -> execution.setVariable(name, entries.get(name)));
    }
}
