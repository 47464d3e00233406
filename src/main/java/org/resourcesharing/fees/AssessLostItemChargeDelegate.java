package org.resourcesharing.fees;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${assessLostItemCharge}}: what the managers' fee policy charges for a lost item whose
 * replacement cost the lender has not named ({@link FeePolicy#lostItemCharge()}: the default
 * replacement cost and the processing fee), for staff resolving a damaged or lost item. Sets
 * {@code lostItemCharge}, the charge in words with its parts. With the input parameter
 * {@code fillInCharge} true (the patron reported the item lost) it also fills in the charge staff
 * confirm: {@code chargeAmount} (text such as "150.00") and {@code chargeCurrency}; staff keep it,
 * change it to the lender's replacement cost plus the fee, or empty it.
 */
@Component("assessLostItemCharge")
class AssessLostItemChargeDelegate implements JavaDelegate {

    private final FeePolicy policy;

    AssessLostItemChargeDelegate(FeePolicy policy) {
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeePolicy.LostItemCharge charge = policy.lostItemCharge();
        execution.setVariable("lostItemCharge", charge.total() + " by the fee policy: replacement " + charge.replacementCost()
                + " (the policy's when the lender names none) and processing " + charge.processingFee() + ". " + charge.description());
        if (Boolean.TRUE.equals(execution.getVariable("fillInCharge"))) {
            execution.setVariable("chargeAmount", charge.total().amount().toPlainString());
            execution.setVariable("chargeCurrency", charge.total().currency());
        }
    }
}
