package org.resourcesharing.borrowing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkCopyrightCompliance}}: the copyright record of a copy we borrow. Under the CONTU
 * guidelines ("rule of five"), which apply to copies from US lenders, a library may receive at most five
 * copies a calendar year of articles published in the last five years from one journal; beyond that it
 * pays royalties (Copyright Clearance Center). Counted here from the copies of this journal (same ISSN,
 * else same title), asked this year, that arrived under the guidelines (a finished {@value #COPY_ARRIVED}
 * and {@code copyrightCompliance} CCG or CCL, the statement sent to the lender that supplied: see
 * {@link CopyrightCompliance}), as the process history records them (kept three years, as the guidelines
 * ask). Copies from Canadian and other lenders outside the US (Copyright Act s.30.2) do not count. Sets
 * {@code copiesThisYear} and {@code beyondRuleOfFive}, which sends the request to the <em>Copyright fee
 * decision</em>. Limits are configuration.
 */
@Component("checkCopyrightCompliance")
class CheckCopyrightComplianceDelegate implements JavaDelegate {

    static final String COPY_ARRIVED = "Event_CopyCompleted";

    private final HistoryService historyService;
    private final BorrowingProperties properties;
    private final Clock clock;

    @Autowired
    CheckCopyrightComplianceDelegate(HistoryService historyService, BorrowingProperties properties) {
        this(historyService, properties, Clock.system(properties.zone()));
    }

    CheckCopyrightComplianceDelegate(HistoryService historyService, BorrowingProperties properties, Clock clock) {
        this.historyService = historyService;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int thisYear = Year.now(clock).getValue();
        boolean recent = publishedIn(execution).map(year -> year > thisYear - properties.ruleOfFiveYears()).orElse(true);
        long copies = recent ? contuCopiesThisYear(execution, thisYear) : 0;
        execution.setVariable("copiesThisYear", copies);
        execution.setVariable("beyondRuleOfFive", recent && copies >= properties.ruleOfFiveCopies());
    }

    private Optional<Integer> publishedIn(DelegateExecution execution) {
        Object year = execution.getVariable("publicationDate");
        return year != null && year.toString().matches("\\d{4}.*") ? Optional.of(Integer.parseInt(year.toString().substring(0, 4)))
                : Optional.empty();
    }

    /** Other borrowing requests for the same journal, started this year, whose copy arrived from a US lender. */
    private long contuCopiesThisYear(DelegateExecution execution, int year) {
        String issn = (String) execution.getVariable("issn");
        String journal = issn != null ? issn : (String) execution.getVariable("title");
        if (journal == null) {
            return 0;
        }
        Date yearStart = Date.from(LocalDate.of(year, 1, 1).atStartOfDay(properties.zone()).toInstant());
        return historyService.createHistoricVariableInstanceQuery().variableValueEquals(issn != null ? "issn" : "title", journal).list().stream()
                .map(variable -> variable.getProcessInstanceId())
                .filter(Objects::nonNull)
                .distinct()
                .filter(instance -> !instance.equals(execution.getProcessInstanceId()))
                .map(instance -> historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).processDefinitionKey("borrowing")
                        .startedAfter(yearStart).singleResult())
                .filter(Objects::nonNull)
                .map(HistoricProcessInstance::getId)
                .filter(instance -> historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId(COPY_ARRIVED)
                        .finished().count() > 0)
                .filter(this::askedUnderContu)
                .count();
    }

    private boolean askedUnderContu(String instance) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName("copyrightCompliance").list().stream()
                .anyMatch(compliance -> CopyrightCompliance.UNDER_CONTU.contains(compliance.getValue()));
    }
}
