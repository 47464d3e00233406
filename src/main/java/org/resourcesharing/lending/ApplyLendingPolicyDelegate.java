package org.resourcesharing.lending;

import java.math.BigDecimal;
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
 * {@code feeCurrency}, {@code loanConditions} (words for the borrower), {@code loanConditionCode}
 * (an ISO 18626 loan condition such as LibraryUseOnly), and for an answer given at once
 * {@code answerStatus} with {@code reasonUnfilled} or {@code reasonRetry}.
 *
 * <p>It also sets {@code feeNeedsAgreement}: our fee is more than nothing and the request did not
 * accept it in advance (no maximum cost, another currency, or a lower maximum), so the borrower must
 * agree before we supply; and {@code termsAnswerTime}, how long we wait for that agreement.
 */
@Component("applyLendingPolicy")
public class ApplyLendingPolicyDelegate implements JavaDelegate {

    static final String DECISION = "lending-policy";
    private static final List<String> INPUTS = List.of("shelfStatus", "serviceType", "shelfLocation", "materialType", "publicationYear",
            "partnerTier");
    private static final List<String> OUTPUTS = List.of("policyDecision", "policyReason", "loanPeriodWeeks", "lendingFee", "feeCurrency",
            "loanConditions", "loanConditionCode", "answerStatus", "reasonUnfilled", "reasonRetry");

    private final DecisionService decisionService;
    private final LendingProperties properties;

    public ApplyLendingPolicyDelegate(DecisionService decisionService, LendingProperties properties) {
        this.decisionService = decisionService;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var inputs = Variables.createVariables();
        INPUTS.forEach(name -> inputs.putValue(name, execution.getVariable(name)));
        DmnDecisionRuleResult answer = decisionService.evaluateDecisionTableByKey(DECISION, inputs).getSingleResult();
        Map<String, Object> entries = answer == null ? Map.of() : answer.getEntryMap();
        OUTPUTS.forEach(name -> execution.setVariable(name, entries.get(name)));
        execution.setVariable("feeNeedsAgreement", feeNeedsAgreement((String) entries.get("lendingFee"), (String) entries.get("feeCurrency"),
                (String) execution.getVariable("maximumCost"), (String) execution.getVariable("maximumCostCurrency")));
        execution.setVariable("termsAnswerTime", properties.termsAnswerTime().toString());
    }

    static boolean feeNeedsAgreement(String fee, String currency, String maximumCost, String maximumCostCurrency) {
        if (fee == null || new BigDecimal(fee).signum() == 0) {
            return false;
        }
        boolean acceptedInAdvance = maximumCost != null && currency != null && currency.equals(maximumCostCurrency)
                && new BigDecimal(fee).compareTo(new BigDecimal(maximumCost)) <= 0;
        return !acceptedInAdvance;
    }
}
