package org.resourcesharing.fees;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${assessNotPickedUpFee}}: the patron's fee for a loan not picked up in time, by the managers'
 * fee policy ({@link FeePolicy#notPickedUpFee}). Sets {@code notPickedUpFee} (text such as "2.00";
 * "0.00" when the policy charges none), {@code notPickedUpFeeCurrency} and {@code notPickedUpFeeReason}
 * (the policy's words), ready for {@code ${recordCharge}} with kind NOT_PICKED_UP, which posts nothing
 * for zero.
 */
@Component("assessNotPickedUpFee")
class AssessNotPickedUpFeeDelegate implements JavaDelegate {

    private final FeePolicy policy;

    AssessNotPickedUpFeeDelegate(FeePolicy policy) {
        this.policy = policy;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FeePolicy.Charge fee = policy.notPickedUpFee();
        execution.setVariable("notPickedUpFee", fee.amount().amount().toPlainString());
        execution.setVariable("notPickedUpFeeCurrency", fee.amount().currency());
        execution.setVariable("notPickedUpFeeReason", fee.description());
    }
}
