package org.resourcesharing.lending;

import org.camunda.bpm.engine.RuntimeService;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/lending/recalls?businessKey=...} (business keys contain a slash, so not in the
 * path): staff recall an item we lent (our own
 * patron needs it). The lending process then gives lending staff a *Recall item* task to set the
 * new due date, and tells the borrower.
 */
@RestController
class RecallController {

    static final String RECALL_REQUESTED = "Recall requested";

    private final RuntimeService runtimeService;

    RecallController(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @PostMapping("/api/lending/recalls")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void recall(@RequestParam String businessKey) {
        boolean onLoan = runtimeService.createExecutionQuery().processInstanceBusinessKey(businessKey)
                .messageEventSubscriptionName(RECALL_REQUESTED).count() > 0;
        if (!onLoan) {
            new FieldErrors().add("businessKey", "no item lent for request " + businessKey + " is out on loan now").throwIfAny();
        }
        runtimeService.createMessageCorrelation(RECALL_REQUESTED).processInstanceBusinessKey(businessKey).correlate();
    }
}
