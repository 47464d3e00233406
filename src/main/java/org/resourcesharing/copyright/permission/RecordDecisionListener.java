package org.resourcesharing.copyright.permission;

import java.time.Clock;
import java.time.Year;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.resourcesharing.platform.FieldErrors;

/**
 * {@code ${recordCopyrightDecision}}: when the copyright team completes a task that decides something
 * (review a clearance, assess copyright, find no rights holder, record or follow up the rights holder's answer), the decision
 * goes to the decision log with who made it and why, in the same transaction as the completion.
 * A clearance also sets {@code clearedUnder}, which the instructor's email names, and its rule's code {@code clearedRule},
 * by which the French email names it in French.
 */
class RecordDecisionListener implements TaskListener {

    /** The rules staff may name when they assess copyright themselves. */
    static final Map<String, String> STAFF_RULES = Map.of(
            "PUBLIC_DOMAIN", "Public domain",
            "FAIR_DEALING", "Fair dealing: short excerpt",
            "LICENCE", "Licence terms",
            "OTHER_EXCEPTION", "Another exception of the Copyright Act",
            "PERMISSION_HELD", "Permission already held",
            "NO_EXCEPTION", "No exception applies");

    private final CopyrightDecisions decisions;
    private final Clock clock;

    RecordDecisionListener(CopyrightDecisions decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Decided decided = switch (task.getTaskDefinitionKey()) {
            case "Task_ReviewClearance" -> review(task);
            case "Task_AssessCopyright" -> staffAssessment(task);
            case "Task_SeekPermission" -> noRightsHolder(task);
            case "Task_RecordAnswer", "Task_FollowUp" -> answer(task);
            default -> throw new IllegalStateException("No decision is recorded for task " + task.getTaskDefinitionKey());
        };
        if (decided == null) {
            return;
        }
        FieldErrors errors = new FieldErrors();
        WorkRequest request = PermissionRequests.read(task.getVariables(), errors, Year.now(clock).getValue());
        if (request == null) {
            throw new IllegalStateException("The request's details were changed and no longer read: " + errors.list());
        }
        Object units = task.getVariable("excerptUnits");
        decisions.record(task.getExecution().getProcessBusinessKey(), decided.step(), decided.outcome(), decided.rule(), decided.ruleName(),
                decided.reasoning(), decidedBy(task), clock.instant(), request, units instanceof Number number ? number.intValue() : 0);
    }

    private record Decided(String step, String outcome, String rule, String ruleName, String reasoning) {
    }

    private static Decided review(DelegateTask task) {
        if ("approve".equals(task.getVariable("reviewDecision"))) {
            return new Decided("REVIEW", "CLEARED", (String) task.getVariable("assessmentRule"), (String) task.getVariable("assessmentRuleName"),
                    "Clearance approved: " + task.getVariable("assessmentReasoning"));
        }
        return new Decided("REVIEW", "PERMISSION_NEEDED", "OVERRIDE", "Clearance overridden by the copyright team",
                text(task, "overrideReason", "no reason given"));
    }

    private static Decided staffAssessment(DelegateTask task) {
        String rule = text(task, "staffRule", "NO_EXCEPTION");
        String ruleName = STAFF_RULES.getOrDefault(rule, rule);
        boolean cleared = "cleared".equals(task.getVariable("staffDecision"));
        if (cleared) {
            task.setVariable("clearedUnder", ruleName);
            task.setVariable("clearedRule", rule);
        }
        return new Decided("STAFF_ASSESSMENT", cleared ? "CLEARED" : "PERMISSION_NEEDED", rule, ruleName,
                text(task, "staffReasoning", "no reasoning given"));
    }

    /** Seeking permission decides nothing, unless no rights holder can be found or reached: then there is no permission. */
    private static Decided noRightsHolder(DelegateTask task) {
        if (!"no".equals(task.getVariable("rightsHolderFound"))) {
            return null;
        }
        return new Decided("SEEK_PERMISSION", "PERMISSION_REFUSED", "NO_RIGHTS_HOLDER", "No rights holder found",
                "No rights holder could be found or reached: " + text(task, "rightsHolderContact", "no details given"));
    }

    private static Decided answer(DelegateTask task) {
        Object answer = task.getVariable("permissionAnswer");
        String holder = text(task, "rightsHolderName", "the rights holder");
        if ("granted".equals(answer)) {
            Object fee = task.getVariable("permissionFee");
            String feeText = fee == null || fee.toString().isBlank() ? "no fee" : "fee " + fee + " " + text(task, "permissionFeeCurrency", "");
            task.setVariable("clearedUnder", "Permission of " + holder);
            task.setVariable("clearedRule", "PERMISSION");
            return new Decided("PERMISSION_ANSWER", "PERMISSION_GRANTED", "PERMISSION", "Permission of the rights holder",
                    "Granted by " + holder + " (" + feeText.strip() + "); terms: " + text(task, "permissionTerms", "none stated"));
        }
        if ("refused".equals(answer)) {
            return new Decided("PERMISSION_ANSWER", "PERMISSION_REFUSED", "PERMISSION", "Permission of the rights holder",
                    "Refused by " + holder + ": " + text(task, "permissionTerms", "no reason given"));
        }
        return null; // asked again: nothing decided yet
    }

    /** Tasklist completes only a task its user has claimed: the assignee is who decided. */
    private static String decidedBy(DelegateTask task) {
        return task.getAssignee() != null ? task.getAssignee() : "unassigned";
    }

    private static String text(DelegateTask task, String name, String otherwise) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? otherwise : value.toString().strip();
    }
}
