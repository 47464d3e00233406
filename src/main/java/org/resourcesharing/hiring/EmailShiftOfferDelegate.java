package org.resourcesharing.hiring;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.mail.SendNotificationDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${emailShiftOffer}}: one instance per offer ({@code offerToken}): emails its student (template
 * hiring-shift) that the shift is offered with the link to take it ({@code notice} offer), or that someone
 * else took it ({@code notice} taken).
 */
@Component("emailShiftOffer")
class EmailShiftOfferDelegate implements JavaDelegate {

    private final ShiftCoverage shifts;
    private final SendNotificationDelegate notifications;
    private final HiringProperties properties;

    EmailShiftOfferDelegate(ShiftCoverage shifts, SendNotificationDelegate notifications, HiringProperties properties) {
        this.shifts = shifts;
        this.notifications = notifications;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String token = (String) execution.getVariable("offerToken");
        ShiftCoverage.Offer offer = shifts.offerByToken(token).orElseThrow(() -> new IllegalStateException("No shift offer " + token));
        ShiftCoverage.Absence absence = shifts.absence(offer.absenceId()).orElseThrow();
        execution.setVariableLocal("studentName", offer.student().name());
        execution.setVariableLocal("shiftDate", absence.shiftDate().toString());
        execution.setVariableLocal("slot", JobApplicationForm.SLOTS.get(absence.slot()));
        execution.setVariableLocal("shiftUrl", properties.publicBaseUrl() + "/jobs/shifts/" + token);
        notifications.send(execution, "hiring-shift", offer.student().email(), "en");
    }
}
