package org.resourcesharing.lending;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.resourcesharing.platform.FieldErrors;
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
 */
@RestController
class PartnerActionController {

    /** The note by which a requesting agency agrees to loan conditions (Project ReShare's convention; lending.bpmn tests for it). */
    static final String AGREEMENT_NOTE = "#ReShareLoanConditionAgreeResponse#";
    private static final Set<String> ACTIONS = Set.of("Received", "ShippedReturn", "Renew", "Cancel", "Notification");

    record PartnerAction(String action, String note, Boolean agreesToTerms) {
    }

    private final RuntimeService runtimeService;

    PartnerActionController(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
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
        String message = "ISO18626 " + body.action();
        boolean waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(message).count() > 0;
        if (!waiting) {
            errors.add("action", "lending request " + businessKey + " is not waiting for " + body.action() + " now").throwIfAny();
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("requesterAction", body.action());
        String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
        variables.put("requesterNote", agrees ? AGREEMENT_NOTE + (note == null ? "" : " " + note) : note);
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(businessKey).setVariables(variables).correlate();
    }
}
