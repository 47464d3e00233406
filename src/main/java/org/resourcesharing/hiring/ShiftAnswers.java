package org.resourcesharing.hiring;

import org.camunda.bpm.engine.RuntimeService;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.springframework.stereotype.Component;

/**
 * A student takes an offered shift from the link in the email: the first one while the shift-coverage
 * process still waits gets it (the absence row is locked while deciding), the others are refused, and
 * so is a student whose week would go over their hours. The acceptance and the message to the process
 * commit together, in an attempt of {@link ProcessChangeRetry}: a process moving on at that moment is
 * asked again as it then is, and one moving on at every attempt leaves the shift untaken.
 */
@Component
class ShiftAnswers {

    static final String TAKEN = "Shift taken";

    private final ShiftCoverage shifts;
    private final RuntimeService runtimeService;
    private final ProcessChangeRetry processChanges;

    ShiftAnswers(ShiftCoverage shifts, RuntimeService runtimeService, ProcessChangeRetry processChanges) {
        this.shifts = shifts;
        this.runtimeService = runtimeService;
        this.processChanges = processChanges;
    }

    /** @throws ProcessChangeRetry.ProcessBusyException when the process moved on at every attempt; nothing was taken */
    public ShiftCoverage.Acceptance take(ShiftCoverage.Offer offer) {
        return processChanges.attempt(() -> {
            if (runtimeService.createExecutionQuery().processInstanceBusinessKey(offer.absenceId()).messageEventSubscriptionName(TAKEN).count() == 0) {
                return ShiftCoverage.Acceptance.ALREADY_TAKEN;
            }
            ShiftCoverage.Acceptance acceptance = shifts.accept(offer.token());
            if (acceptance == ShiftCoverage.Acceptance.ACCEPTED) {
                runtimeService.createMessageCorrelation(TAKEN).processInstanceBusinessKey(offer.absenceId())
                        .setVariable("coveredBy", offer.student().applicationNumber()).correlate();
            }
            return acceptance;
        });
    }
}
