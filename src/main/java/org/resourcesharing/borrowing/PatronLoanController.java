package org.resourcesharing.borrowing;

import java.util.Date;
import java.util.Map;

import org.resourcesharing.platform.FieldErrors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/borrowing-requests/{requestNumber}/pickup}, {@code .../return}, {@code .../renewal},
 * {@code .../cancellation} and {@code .../damage-or-loss}: the service desk records that the patron
 * collected a loan, brought it back, asks to keep it longer, cancels the request, or that the item was
 * damaged or lost while the patron had it (the circulation system can call these too). The borrowing
 * process waits for exactly these events; a request that does not wait for one answers 400, and one that moved on at
 * every attempt to hand it the event 503 with {@code Retry-After} (nothing was recorded: try again).
 */
@RestController
class PatronLoanController {

    private final PatronEvents events;

    PatronLoanController(PatronEvents events) {
        this.events = events;
    }

    @PostMapping("/api/borrowing-requests/{requestNumber}/pickup")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void pickedUp(@PathVariable String requestNumber) {
        record(requestNumber, PatronEvents.PICKED_UP, Map.of(), "is not waiting to be picked up");
    }

    @PostMapping("/api/borrowing-requests/{requestNumber}/return")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void returned(@PathVariable String requestNumber) {
        // the day it came back, not the day a later step runs, decides an overdue fine
        record(requestNumber, PatronEvents.RETURNED, Map.of("patronReturnedAt", new Date()), "is not out with the patron");
    }

    /** The patron asks for more time: the lender is asked, and the patron is told its answer by email. */
    @PostMapping("/api/borrowing-requests/{requestNumber}/renewal")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void renewalAsked(@PathVariable String requestNumber) {
        record(requestNumber, PatronEvents.RENEWAL_ASKED, Map.of(), "is not out with the patron");
    }

    /**
     * The patron no longer needs it: a request waiting for staff ends at once; while a lender is asked and
     * has not shipped, the lender is asked to cancel.
     */
    @PostMapping("/api/borrowing-requests/{requestNumber}/cancellation")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void cancelled(@PathVariable String requestNumber) {
        record(requestNumber, PatronEvents.CANCELLED, Map.of(),
                "cannot be cancelled now: the item is already on its way, or the request has ended");
    }

    /** The item the patron has was damaged or lost: staff resolve it with the lender (<em>Resolve damaged or lost item</em>). */
    @PostMapping("/api/borrowing-requests/{requestNumber}/damage-or-loss")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void damagedOrLost(@PathVariable String requestNumber, @RequestBody DamageReport report) {
        FieldErrors errors = new FieldErrors();
        if (report.condition() == null || !report.condition().matches("damaged|lost")) {
            errors.add("condition", "must be 'damaged' or 'lost'");
        }
        if (report.note() == null || report.note().isBlank()) {
            errors.add("note", "must say what happened");
        }
        errors.throwIfAny();
        record(requestNumber, PatronEvents.DAMAGED_OR_LOST, Map.of("reportedCondition", report.condition(), "reportNote", report.note()),
                "is not out with the patron");
    }

    /** @param condition damaged or lost; @param note what happened, in staff's words */
    record DamageReport(String condition, String note) {
    }

    private void record(String requestNumber, String event, Map<String, Object> variables, String notWaiting) {
        if (!events.deliver(requestNumber, event, variables)) {
            new FieldErrors().add("requestNumber", "request " + requestNumber + " " + notWaiting).throwIfAny();
        }
    }
}
