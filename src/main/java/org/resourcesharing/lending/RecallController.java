package org.resourcesharing.lending;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/lending/recalls?businessKey=...} (business keys contain a slash, so not in the
 * path): staff recall an item we lent (our own
 * patron needs it). The lending process then gives lending staff a *Recall item* task to set the
 * new due date, and tells the borrower. Answers 202; 400 when the item is not out on loan; 503 with
 * {@code Retry-After} when the process kept moving on at that moment (a job of it committing), so
 * that staff try again.
 */
@RestController
class RecallController {

    static final String RECALL_REQUESTED = "Recall requested";

    private final RuntimeService runtimeService;
    private final ProcessChangeRetry processChanges;

    RecallController(RuntimeService runtimeService, ProcessChangeRetry processChanges) {
        this.runtimeService = runtimeService;
        this.processChanges = processChanges;
    }

    @PostMapping("/api/lending/recalls")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void recall(@RequestParam String businessKey) {
        // a job of the same process may move it on meanwhile: each attempt looks again whether the item is still out on loan
        processChanges.attempt(() -> correlate(businessKey));
    }

    private MessageCorrelationResult correlate(String businessKey) {
        boolean onLoan = runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(RECALL_REQUESTED).count() > 0;
        if (!onLoan) {
            new FieldErrors().add("businessKey", "no item lent for request " + businessKey + " is out on loan now").throwIfAny();
        }
        return runtimeService.createMessageCorrelation(RECALL_REQUESTED).processInstanceBusinessKey(businessKey).correlateWithResult();
    }
}
