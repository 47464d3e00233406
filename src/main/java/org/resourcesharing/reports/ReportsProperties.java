package org.resourcesharing.reports;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the reports measure, named by what the engine records: process definition keys, activity ids,
 * variable names and decision outputs. A process added to the library's diagrams is measured by adding
 * it here; who sees a process's figures follows the staff groups' processes
 * ({@code resource-sharing.identity.staff-groups}).
 *
 * @param processes   the processes whose instances are counted as requests, with their milestones
 * @param decisions   the decision tables whose outcomes and rules are counted
 * @param courseMaterialsDecisionGroups who sees the course-materials copyright decisions (the copyright_decision log)
 *                    counted by outcome and rule, with the decision tables'
 * @param timeToHire  the process and milestones of "time to hire"
 * @param emailGroups the groups that see the emails received by classification
 * @param defaultDays the date range the dashboard opens with: this many days up to today
 */
@ConfigurationProperties("resource-sharing.reports")
record ReportsProperties(
        @DefaultValue List<MeasuredProcess> processes,
        @DefaultValue List<MeasuredDecision> decisions,
        @DefaultValue("copyright") List<String> courseMaterialsDecisionGroups,
        Milestone timeToHire,
        @DefaultValue({"ill-borrowing", "ill-lending", "hiring"}) List<String> emailGroups,
        @DefaultValue("90") int defaultDays) {

    /**
     * @param key                  process definition key
     * @param serviceTypeVariable  the variable holding Loan or Copy (none: every request counts as one kind)
     * @param partnerVariable      the variable naming the other library (the lender, the borrower), for figures per partner
     * @param reasonVariable       the variable holding why a request was not filled
     * @param filledMilestone      the milestone that makes a request filled (none: no fill rate)
     * @param milestones           milestone name to the activity ids whose end reaches it; turnaround is measured from
     *                             the request's start to the first of them to end
     */
    record MeasuredProcess(String key, String serviceTypeVariable, String partnerVariable, String reasonVariable, String filledMilestone,
            @DefaultValue Map<String, List<String>> milestones) {

        List<String> milestone(String name) {
            return milestones.getOrDefault(name, List.of());
        }
    }

    /**
     * @param key           decision definition key
     * @param outcomeOutput the output that holds the decision (e.g. allow, refuse, review)
     * @param ruleOutput    the output that names the rule applied (e.g. the legal basis); the rule's id when none
     * @param groups        who sees these decisions
     */
    record MeasuredDecision(String key, String outcomeOutput, String ruleOutput, @DefaultValue List<String> groups) {
    }

    /**
     * The time from one milestone of a process to another: {@code process}, and the names of the milestones in its
     * {@code milestones}; without {@code from}, from the start of the process.
     */
    record Milestone(String process, String from, String milestone) {
    }
}
