package org.resourcesharing.hiring;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student takes an offered shift from the link in the email: the first one while the shift-coverage
 * process still waits gets it (the absence row is locked while deciding), the others are refused, and
 * so is a student whose week would go over their hours.
 */
@Component
class ShiftAnswers {

    static final String TAKEN = "Shift taken";

    private final ShiftCoverage shifts;
    private final RuntimeService runtimeService;

    ShiftAnswers(ShiftCoverage shifts, RuntimeService runtimeService) {
        this.shifts = shifts;
        this.runtimeService = runtimeService;
    }

    @Transactional
    public ShiftCoverage.Acceptance take(ShiftCoverage.Offer offer) {
        if (runtimeService.createExecutionQuery().processInstanceBusinessKey(offer.absenceId()).messageEventSubscriptionName(TAKEN).count() == 0) {
            return ShiftCoverage.Acceptance.ALREADY_TAKEN;
        }
        ShiftCoverage.Acceptance acceptance = shifts.accept(offer.token());
        if (acceptance == ShiftCoverage.Acceptance.ACCEPTED) {
            runtimeService.createMessageCorrelation(TAKEN).processInstanceBusinessKey(offer.absenceId())
                    .setVariable("coveredBy", offer.student().applicationNumber()).correlate();
        }
        return acceptance;
    }
}
