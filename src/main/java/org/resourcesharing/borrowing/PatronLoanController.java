package org.resourcesharing.borrowing;

import org.camunda.bpm.engine.RuntimeService;
import org.resourcesharing.platform.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/borrowing-requests/{requestNumber}/pickup}, {@code .../return} and
 * {@code .../renewal} and {@code .../cancellation}: the service desk records that the patron collected a loan, brought it back or
 * asks to keep it longer, or that the patron cancels the request (the circulation system can call these too). The borrowing process waits for exactly these events.
 */
@RestController
class PatronLoanController {

    static final String PICKED_UP = "Patron picked up";
    static final String RETURNED = "Patron returned";
    static final String RENEWAL_ASKED = "Patron asks to renew";
    static final String CANCELLED = "Patron cancels";

    private final RuntimeService runtimeService;

    PatronLoanController(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @PostMapping("/api/borrowing-requests/{requestNumber}/pickup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void pickedUp(@PathVariable String requestNumber) {
        record(requestNumber, PICKED_UP, "is not waiting to be picked up");
    }

    @PostMapping("/api/borrowing-requests/{requestNumber}/return")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void returned(@PathVariable String requestNumber) {
        record(requestNumber, RETURNED, "is not out with the patron");
    }

    /** The patron asks for more time: the lender is asked, and the patron is told its answer by email. */
    @PostMapping("/api/borrowing-requests/{requestNumber}/renewal")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void renewalAsked(@PathVariable String requestNumber) {
        record(requestNumber, RENEWAL_ASKED, "is not out with the patron");
    }

    /**
     * The patron no longer needs it: a request waiting for staff ends at once; while a lender is asked and
     * has not shipped, the lender is asked to cancel.
     */
    @PostMapping("/api/borrowing-requests/{requestNumber}/cancellation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void cancelled(@PathVariable String requestNumber) {
        record(requestNumber, CANCELLED, "cannot be cancelled now: the item is already on its way, or the request has ended");
    }

    private void record(String requestNumber, String message, String notWaiting) {
        boolean waiting = runtimeService.createExecutionQuery().processInstanceBusinessKey(requestNumber)
                .messageEventSubscriptionName(message).count() > 0;
        if (!waiting) {
            new FieldErrors().add("requestNumber", "request " + requestNumber + " " + notWaiting).throwIfAny();
        }
        runtimeService.createMessageCorrelation(message).processInstanceBusinessKey(requestNumber).correlate();
    }
}
