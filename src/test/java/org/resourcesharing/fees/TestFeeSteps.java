package org.resourcesharing.fees;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The fee policy's process steps for other features' process tests, reading {@code bpmn/fee-policy.dmn}
 * as deployed in the test's engine; the only rate they know is the one given (USD to CAD).
 */
public final class TestFeeSteps {

    private TestFeeSteps() {
    }

    public static JavaDelegate assessOverdueFine(DecisionService decisions) {
        return new AssessOverdueFineDelegate(new FeePolicy(decisions, new FixedRates()));
    }

    public static JavaDelegate checkCostAgainstSubsidy(DecisionService decisions, String usdToCad) {
        return new CheckCostAgainstSubsidyDelegate(new FeePolicy(decisions, new FixedRates().with("USD", "CAD", usdToCad)));
    }

    public static JavaDelegate assessNotPickedUpFee(DecisionService decisions) {
        return new AssessNotPickedUpFeeDelegate(new FeePolicy(decisions, new FixedRates()));
    }

    public static JavaDelegate assessLostItemCharge(DecisionService decisions) {
        return new AssessLostItemChargeDelegate(new FeePolicy(decisions, new FixedRates()));
    }
}
