package org.resourcesharing.copyright.permission;

import java.time.Clock;
import java.time.Year;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.platform.FieldErrors;

/**
 * {@code ${assessCopyrightPermission}}: assesses the request in the process variables
 * ({@link PermissionAssessment}), records the decision and leaves it in {@code assessmentOutcome}
 * (CLEARED, PERMISSION_NEEDED, NOT_DECIDABLE), {@code assessmentRule}, {@code assessmentRuleName} and
 * {@code assessmentReasoning} (English, for staff), with what the emails need ({@code citation}, {@code clearedUnder} and its code
 * {@code clearedRule}; in the instructor's language {@code instructorReasoning} and {@code shorterExcerpt}, which only their emails
 * read) and the waits' periods ({@code reminderAfter}, {@code followUpAfter}).
 * A request started in Tasklist gets its number (business key) here. A request the assessment cannot
 * read is the BPMN error {@value #INCOMPLETE}, with what is wrong in {@code requestProblems}.
 */
class AssessPermissionDelegate implements JavaDelegate {

    static final String INCOMPLETE = "REQUEST_INCOMPLETE";

    private final PermissionAssessment assessment;
    private final CopyrightDecisions decisions;
    private final PermissionProperties properties;
    private final Clock clock;

    AssessPermissionDelegate(PermissionAssessment assessment, CopyrightDecisions decisions, PermissionProperties properties, Clock clock) {
        this.assessment = assessment;
        this.decisions = decisions;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(newRequestNumber());
        }
        FieldErrors errors = new FieldErrors();
        WorkRequest request = PermissionRequests.read(execution.getVariables(), errors, Year.now(clock.withZone(properties.zone())).getValue());
        if (request == null) {
            String problems = errors.list().stream().map(error -> error.field() + ": " + error.reason()).collect(Collectors.joining("; "));
            execution.setVariable("requestProblems", problems);
            throw new BpmnError(INCOMPLETE, problems);
        }
        execution.removeVariable("requestProblems");
        PermissionAssessment.Assessment result = assessAndRecord(request, execution.getProcessBusinessKey());
        execution.setVariable("assessmentOutcome", result.outcome().name());
        execution.setVariable("assessmentRule", result.rule());
        execution.setVariable("assessmentRuleName", result.ruleName());
        execution.setVariable("assessmentReasoning", result.reasoning());
        execution.setVariable("instructorReasoning", result.instructorReasoning());
        execution.setVariable("excerptUnits", result.units());
        execution.setVariable("citation", request.citation());
        execution.setVariable("clearedUnder", result.ruleName());
        execution.setVariable("clearedRule", result.rule());
        execution.setVariable("shorterExcerpt", result.shorterExcerpt());
        execution.setVariable("reminderAfter", properties.reminderAfter().toString());
        execution.setVariable("followUpAfter", properties.followUpAfter().toString());
    }

    /**
     * Assesses and records the decision in the caller's transaction (the engine's job). Earlier clearances of
     * the work for the course and term are added up under a lock on the work, held until the decision is
     * committed: two requests assessed at once cannot both be cleared when together they exceed the limit.
     */
    PermissionAssessment.Assessment assessAndRecord(WorkRequest request, String businessKey) {
        decisions.lockWork(request.courseCode(), request.term(), request.workKey());
        PermissionAssessment.Assessment result = assessment.assess(request, businessKey);
        decisions.record(businessKey, "ASSESSMENT", result.outcome().name(), result.rule(), result.ruleName(), result.reasoning(), "system",
                clock.instant(), request, result.units());
        return result;
    }

    /** The number instructors and rights holders quote, also the case token in our emails' subjects. */
    static String newRequestNumber() {
        return "CR-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
