package org.resourcesharing.borrowing;

import java.math.BigDecimal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.fees.Ledger;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.fees.PostingRequest;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordLenderCharge}}: the item or copy has come from a lender whose cost we agreed to
 * (ExpectToSupply with {@code offeredCost}, accepted in <em>Review lender conditions</em>): what we owe
 * the lender is posted to its account (BORROWING_FEE, payable) and, when the cost was above the
 * library's subsidy and the patron accepted it, the same charge to the patron's account
 * (LENDER_CHARGE_PASSED_ON). No agreed cost: nothing.
 *
 * <p>A copy that came from a US lender under copyright law ({@code copyrightCompliance} CCL: beyond the
 * rule of five, the <em>Copyright fee decision</em> chose to pay) also owes the royalty staff entered
 * there ({@code royaltyAmount}, {@code royaltyCurrency}): COPYRIGHT_ROYALTY payable to the rights collective
 * ({@code resource-sharing.borrowing.royalty-payee}), and receivable from the patron when the patron agreed
 * to pay it ({@code royaltyPassedOn}). A copy that came under the CONTU guidelines or s.30.2 owes none.
 *
 * <p>One request is filled by one lender, so each charge is posted once per request and lender, however
 * often the step runs. A ledger that refuses (no exchange rate recent enough) fails the step: it is retried,
 * then an incident for staff, who load the rates and retry it.
 */
@Component("recordLenderCharge")
class RecordLenderChargeDelegate implements JavaDelegate {

    private static final String POSTED_BY = "process:borrowing";

    private final Ledger ledger;
    private final BorrowingProperties properties;

    RecordLenderChargeDelegate(Ledger ledger, BorrowingProperties properties) {
        this.ledger = ledger;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recordLenderCost(execution);
        if (CopyrightCompliance.COPYRIGHT_LAW.equals(execution.getVariable("copyrightCompliance"))) {
            recordRoyalty(execution);
        }
    }

    private void recordLenderCost(DelegateExecution execution) {
        Object cost = execution.getVariable("offeredCost");
        if (cost == null || !"accept".equals(execution.getVariable("conditionsDecision"))) {
            return;
        }
        BigDecimal amount = new BigDecimal(cost.toString());
        String currency = (String) execution.getVariable("offeredCostCurrency");
        String lender = (String) execution.getVariable("supplyingAgencyId");
        String key = execution.getProcessInstanceId() + ":" + lender;
        ledger.post(new PostingRequest(AccountType.PARTNER, lender, Direction.PAYABLE, Kind.BORROWING_FEE, amount, currency,
                execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "lender-charge:" + key, POSTED_BY,
                "The cost " + execution.getVariable("lenderName") + " asked for this request, agreed"));
        if (Boolean.TRUE.equals(execution.getVariable("patronAcceptedCost"))) {
            ledger.post(new PostingRequest(AccountType.PATRON, (String) execution.getVariable("patronId"), Direction.RECEIVABLE,
                    Kind.LENDER_CHARGE_PASSED_ON, amount, currency, execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                    "lender-charge-passed-on:" + key, POSTED_BY, "The lender's cost above the library's subsidy, which the patron accepted"));
        }
    }

    private void recordRoyalty(DelegateExecution execution) {
        Object royalty = execution.getVariable("royaltyAmount");
        if (royalty == null || royalty.toString().isBlank()) {
            return; // none entered with the decision (possible through the REST API only): nothing to post
        }
        BigDecimal amount = new BigDecimal(royalty.toString().strip());
        String currency = (String) execution.getVariable("royaltyCurrency");
        String key = execution.getProcessInstanceId() + ":" + execution.getVariable("supplyingAgencyId");
        ledger.post(new PostingRequest(AccountType.RIGHTS_HOLDER, properties.royaltyPayee(), Direction.PAYABLE, Kind.COPYRIGHT_ROYALTY, amount,
                currency, execution.getProcessBusinessKey(), execution.getProcessInstanceId(), "royalty:" + key, POSTED_BY,
                "Royalty for a copy beyond the rule of five from " + execution.getVariable("lenderName") + " (CONTU, copyright law)"));
        if (Boolean.TRUE.equals(execution.getVariable("royaltyPassedOn"))) {
            ledger.post(new PostingRequest(AccountType.PATRON, (String) execution.getVariable("patronId"), Direction.RECEIVABLE,
                    Kind.COPYRIGHT_ROYALTY, amount, currency, execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                    "royalty-passed-on:" + key, POSTED_BY, "The royalty for this copy, which the patron agreed to pay"));
        }
    }
}
