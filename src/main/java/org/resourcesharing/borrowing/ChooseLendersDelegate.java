package org.resourcesharing.borrowing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.resourcesharing.catalogue.Catalogue;
import org.resourcesharing.catalogue.Catalogue.HoldingAgency;
import org.resourcesharing.iso18626.Partner;
import org.resourcesharing.iso18626.PartnerDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code ${chooseLenders}}: the lender rota. The union catalogue names the libraries that hold the
 * item; each one in the partner directory (and active) is ranked by the managers' table
 * {@code lender-selection} (bpmn/lender-selection.dmn) with its tier, fee, fill rate and turnaround;
 * lenders the table leaves out, lenders without an ISO 18626 system, lenders that answered Unfilled to this request before
 * ({@code lendersUnfilled}), and US lenders when the <em>Copyright fee decision</em> asked for a copy from outside the
 * US only ({@code royaltyDecision} {@value CopyrightCompliance#ONLY_OUTSIDE_US}: beyond the CONTU rule of five without
 * paying royalties), are skipped. Sets {@code lenderRota} (agency ids in the order to ask,
 * comma-separated) and {@code lenderRotaNotes} (each candidate and why, for staff), and the settings
 * the waits use: {@code shippingTimeout}, {@code retryLater}, {@code costConsentWithin}; our agency and request id for the messages.
 */
@Component("chooseLenders")
class ChooseLendersDelegate implements JavaDelegate {

    static final String DECISION = "lender-selection";

    private final Catalogue catalogue;
    private final Function<String, Optional<Partner>> partners;
    private final Function<String, LenderStatistics.Record> statistics;
    private final DecisionService decisionService;
    private final BorrowingProperties properties;

    @Autowired
    ChooseLendersDelegate(Catalogue catalogue, PartnerDirectory directory, LenderStatistics statistics, DecisionService decisionService,
            BorrowingProperties properties) {
        this(catalogue, directory::findActive, statistics::of, decisionService, properties);
    }

    ChooseLendersDelegate(Catalogue catalogue, Function<String, Optional<Partner>> partners, Function<String, LenderStatistics.Record> statistics,
            DecisionService decisionService, BorrowingProperties properties) {
        this.catalogue = catalogue;
        this.partners = partners;
        this.statistics = statistics;
        this.decisionService = decisionService;
        this.properties = properties;
    }

    private record Candidate(String agencyId, Integer rank, Double turnaround, String why) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        Set<String> unfilled = Arrays.stream(String.valueOf(Optional.ofNullable(execution.getVariable("lendersUnfilled")).orElse("")).split(","))
                .map(String::strip).filter(id -> !id.isEmpty()).collect(Collectors.toSet());
        boolean onlyOutsideUs = CopyrightCompliance.ONLY_OUTSIDE_US.equals(execution.getVariable("royaltyDecision"));
        List<Candidate> candidates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<HoldingAgency> holders = CheckLocalHoldingsDelegate.query(execution).map(catalogue::holdingAgencies).orElse(List.of());
        for (HoldingAgency holder : holders) {
            String agencyId = holder.agencyId();
            if (agencyId.equals(properties.agencyId())) {
                continue;
            }
            if (unfilled.contains(agencyId)) {
                notes.add(agencyId + ": answered Unfilled before");
                continue;
            }
            Optional<Partner> partner = partners.apply(agencyId);
            if (partner.isEmpty()) {
                notes.add(agencyId + ": holds it, but is not an active partner");
                continue;
            }
            if (onlyOutsideUs && CopyrightCompliance.underContu(partner.get())) {
                notes.add(agencyId + ": in the US, and this copy is to come from outside the US (Copyright fee decision)");
                continue;
            }
            if (partner.get().emailOnly()) {
                notes.add(agencyId + ": takes requests by email only; ask it by hand if needed");
                continue;
            }
            Candidate candidate = rank(partner.get(), (String) execution.getVariable("serviceType"));
            notes.add(agencyId + ": " + (candidate.rank() == null ? "left out" : "rank " + candidate.rank()) + " (" + candidate.why() + ")");
            if (candidate.rank() != null) {
                candidates.add(candidate);
            }
        }
        List<String> rota = candidates.stream()
                .sorted(Comparator.comparing(Candidate::rank).thenComparing(Candidate::turnaround, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(Candidate::agencyId).toList();
        execution.setVariable("lenderRota", String.join(",", rota));
        execution.setVariable("requestingAgencyId", properties.agencyId());
        execution.setVariable("requestingAgencyRequestId", execution.getProcessBusinessKey());
        execution.setVariable("shippingTimeout", properties.shippingTimeout().toString());
        execution.setVariable("retryLater", properties.retryLater().toString());
        execution.setVariable("costConsentWithin", properties.costConsentWithin().toString());
        execution.setVariable("lenderRotaNotes", notes.isEmpty() ? "No library in the union catalogue holds it" : String.join("; ", notes));
    }

    private Candidate rank(Partner partner, String serviceType) {
        LenderStatistics.Record record = statistics.apply(partner.agencyId());
        var inputs = Variables.createVariables().putValue("ownAgency", partner.own()).putValue("partnerTier", partner.tier())
                .putValue("lendingFee", partner.lendingFee() == null ? null : partner.lendingFee().doubleValue())
                .putValue("feeCurrency", partner.currency()).putValue("serviceType", serviceType)
                .putValue("fillRate", record.fillRate()).putValue("turnaroundDays", record.turnaroundDays());
        DmnDecisionRuleResult answer = decisionService.evaluateDecisionTableByKey(DECISION, inputs).getSingleResult();
        Map<String, Object> entries = answer == null ? Map.of() : answer.getEntryMap();
        return new Candidate(partner.agencyId(), (Integer) entries.get("lenderRank"), record.turnaroundDays(),
                String.valueOf(entries.getOrDefault("lenderRankReason", "no rule")));
    }
}
