package org.resourcesharing.fees;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkCostAgainstSubsidy}}: does a lender's cost need the patron's consent, by the
 * managers' subsidy per request ({@link FeePolicy#needsPatronConsent})? Input parameters:
 * {@code cost} (text such as "35.00", or a number; none or zero needs no consent), {@code costCurrency}
 * and optionally {@code lenderTier} (the partner directory's tier of the lender). Sets
 * {@code patronConsentNeeded} (Boolean), {@code subsidy} and {@code subsidyCurrency}, and
 * {@code subsidyCheck}: in words, what was compared with what (with the exchange rate, its source and
 * date when the cost was converted).
 *
 * <p>When the cost cannot be converted (no stored rate recent enough, or no rates at all) the
 * patron's consent is needed, and {@code subsidyCheck} says why. A cost that is no amount fails the step.
 */
@Component("checkCostAgainstSubsidy")
class CheckCostAgainstSubsidyDelegate implements JavaDelegate {

    private final FeePolicy policy;
    private final Clock clock;

    @Autowired
    CheckCostAgainstSubsidyDelegate(FeePolicy policy) {
        this(policy, Clock.systemDefaultZone());
    }

    CheckCostAgainstSubsidyDelegate(FeePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FieldErrors errors = new FieldErrors();
        BigDecimal cost = Amounts.read(execution.getVariable("cost"), "cost", errors);
        errors.throwIfAny();
        String currency = execution.getVariable("costCurrency") == null ? null : execution.getVariable("costCurrency").toString();
        String tier = execution.getVariable("lenderTier") == null ? null : execution.getVariable("lenderTier").toString();
        FeePolicy.ConsentCheck check = policy.needsPatronConsent(cost, currency, tier, LocalDate.now(clock));
        execution.setVariable("patronConsentNeeded", check.consentNeeded());
        execution.setVariable("subsidy", check.subsidy().limit().amount().toPlainString());
        execution.setVariable("subsidyCurrency", check.subsidy().limit().currency());
        execution.setVariable("subsidyCheck", check.explanation());
    }
}
