package org.resourcesharing.lending;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/lending/partner-actions?businessKey=...}: staff record what a borrowing library
 * told us outside ISO 18626 (a library without an ILL system writes an email, phones, or simply
 * sends the item back). The lending process receives it exactly as it would receive the partner's
 * ISO 18626 message with that action, so both kinds of partner follow one diagram.
 *
 * <p>Body: {@code action} (Received, ShippedReturn, Renew, Cancel or Notification), optional
 * {@code note}, and {@code agreesToTerms} for a Notification by which the library accepts our loan
 * conditions or fee (sent as Project ReShare's agreement note, which partner systems send the same way).
 * Answers 202; 400 naming the field when the request is not waiting for that action; 503 with
 * {@code Retry-After} when the process kept moving on at that moment (a job of it committing), so
 * that staff try again.
 */
@RestController
class PartnerActionController {

    /** The note by which a requesting agency agrees to loan conditions (Project ReShare's convention; lending.bpmn tests for it). */
    static final String AGREEMENT_NOTE = "#ReShareLoanConditionAgreeResponse#";
    private static final Set<String> ACTIONS = Set.of("Received", "ShippedReturn", "Renew", "Cancel", "Notification");

    record PartnerAction(String action, String note, Boolean agreesToTerms) {
    }

    private final RuntimeService runtimeService;
    private final ProcessChangeRetry processChanges;

    PartnerActionController(RuntimeService runtimeService, ProcessChangeRetry processChanges) {
        this.runtimeService = runtimeService;
        this.processChanges = processChanges;
    }

    @PostMapping("/api/lending/partner-actions")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void record(@RequestParam String businessKey, @RequestBody PartnerAction body) {
        FieldErrors errors = new FieldErrors();
        if (body.action() == null || !ACTIONS.contains(body.action())) {
            errors.add("action", "must be one of " + String.join(", ", ACTIONS.stream().sorted().toList()));
        }
        boolean agrees = Boolean.TRUE.equals(body.agreesToTerms());
        if (agrees && !"Notification".equals(body.action())) {
            errors.add("agreesToTerms", "only a Notification can agree to our terms");
        }
        errors.throwIfAny();
        Map<String, Object> variables = new HashMap<>();
        variables.put("requesterAction", body.action());
        String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
        variables.put("requesterNote", agrees ? AGREEMENT_NOTE + (note == null ? "" : " " + note) : note);
        // a job of the same process may move it on meanwhile: each attempt looks again whether it still waits for the action
        processChanges.attempt(() -> correlate(businessKey, body.action(), variables));
    }

    private MessageCorrelationResult correlate(String businessKey, String action, Map<String, Object> variables) {
        String message = "ISO18626 " + action;
        boolean waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(message).count() > 0;
        if (!waiting) {
            new FieldErrors().add("action", "lending request " + businessKey + " is not waiting for " + action + " now").throwIfAny();
        }
        return runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(businessKey).setVariables(variables).correlateWithResult();
    }
}
