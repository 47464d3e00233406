package org.resourcesharing.borrowing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.iso18626.Partner;
import org.resourcesharing.iso18626.PartnerDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code ${takeNextLender}}: moves to the next library of the rota. The lender asked before (if any)
 * is added to {@code lendersTried}, and to {@code lendersUnfilled} when it answered Unfilled, so a
 * later round skips it. Sets {@code supplyingAgencyId} (which every later ISO 18626 message and every
 * answer is matched on), {@code lenderName}, {@code lenderTier} and {@code lenderTimeout} (the partner's answer time). A copy
 * request also gets the {@code copyrightCompliance} statement for this lender (see {@link CopyrightCompliance}):
 * CCG or, royalties paid, CCL for a US lender; {@code CA-CopyrightActS30.2} (Copyright Act s.30.2, a library
 * copy for research or private study) for any other. The process history keeps the one sent to the lender
 * that supplied. A loan gets none.
 */
@Component("takeNextLender")
class TakeNextLenderDelegate implements JavaDelegate {

    private final Function<String, Optional<Partner>> partners;

    @Autowired
    TakeNextLenderDelegate(PartnerDirectory directory) {
        this(directory::find);
    }

    private static final List<String> PREVIOUS_LENDERS_TERMS = List.of("offeredCost", "offeredCostCurrency", "loanCondition",
            "conditionsDecision", "patronConsentNeeded", "patronAcceptedCost", "subsidy", "subsidyCurrency", "subsidyCheck");

    TakeNextLenderDelegate(Function<String, Optional<Partner>> partners) {
        this.partners = partners;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String previous = (String) execution.getVariable("supplyingAgencyId");
        if (previous != null) {
            append(execution, "lendersTried", previous + " (" + Optional.ofNullable(execution.getVariable("supplierStatus")).orElse("no answer") + ")");
            if ("Unfilled".equals(execution.getVariable("supplierStatus"))) {
                append(execution, "lendersUnfilled", previous);
            }
        }
        List<String> rota = new ArrayList<>(Arrays.stream(((String) execution.getVariable("lenderRota")).split(","))
                .map(String::strip).filter(id -> !id.isEmpty()).toList());
        String next = rota.remove(0);
        Partner partner = partners.apply(next).orElseThrow(() -> new IllegalStateException("Lender " + next + " left the partner directory"));
        execution.setVariable("lenderRota", String.join(",", rota));
        execution.setVariable("supplyingAgencyId", next);
        execution.setVariable("lenderName", partner.name());
        execution.setVariable("lenderTier", partner.tier()); // the library's subsidy depends on it
        execution.setVariable("lenderTimeout", partner.answerTimeout().toString());
        if ("Copy".equals(execution.getVariable("serviceType"))) {
            execution.setVariable("copyrightCompliance", CopyrightCompliance.forCopyFrom(partner, (String) execution.getVariable("royaltyDecision")));
        }
        execution.removeVariable("supplierStatus");
        // the previous lender's terms and what was decided on them are not the next lender's: its charge would be posted with them
        execution.removeVariables(PREVIOUS_LENDERS_TERMS);
    }

    private static void append(DelegateExecution execution, String name, String value) {
        Object list = execution.getVariable(name);
        execution.setVariable(name, list == null || list.toString().isBlank() ? value : list + "," + value);
    }
}
