package org.resourcesharing.hiring;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.resourcesharing.mail.ShiftAbsenceIntake;
import org.springframework.stereotype.Component;

/**
 * A student's email to the jobs mailbox saying they cannot work a shift: the sender must be a student
 * on the desk roster (by address) and the shift one of theirs (a slot of their availability on the
 * day the email names; its time, when given, tells a day shift from an evening one). Then the absence
 * is reported as through {@code POST /api/hiring/absences}; otherwise the reason goes to triage.
 */
@Component
class ShiftAbsenceEmails implements ShiftAbsenceIntake {

    private static final int MAX_REASON = 1000;

    private final ShiftCoverage shifts;
    private final Absences absences;
    private final HiringProperties properties;

    ShiftAbsenceEmails(ShiftCoverage shifts, Absences absences, HiringProperties properties) {
        this.shifts = shifts;
        this.absences = absences;
        this.properties = properties;
    }

    @Override
    public Reported report(String fromAddress, String words) {
        Optional<ShiftCoverage.Student> found = fromAddress == null ? Optional.empty() : shifts.findStudentByEmail(fromAddress);
        if (found.isEmpty()) {
            return Reported.refused(fromAddress + " is not a student on the desk roster");
        }
        ShiftCoverage.Student student = found.get();
        LocalDate today = LocalDate.now(properties.zone());
        ShiftReader.Shift shift = ShiftReader.read(words, today);
        if (!shift.readable()) {
            return Reported.refused("its shift could not be read: " + shift.problem());
        }
        if (shift.date().isBefore(today)) {
            return Reported.refused("the shift it names, on " + shift.date() + ", is past");
        }
        String day = shift.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
        List<String> slots = student.availability().stream().filter(slot -> slot.startsWith(day + "-"))
                .filter(slot -> shift.time() == null || slot.endsWith("-evening") == !shift.time().isBefore(properties.eveningShiftsFrom()))
                .toList();
        String when = shift.date() + (shift.time() == null ? "" : " at " + shift.time());
        if (slots.isEmpty()) {
            return Reported.refused(student.name() + " (" + student.applicationNumber() + ") has no shift on the roster on " + when
                    + " (their shifts: " + String.join(", ", student.availability()) + ")");
        }
        if (slots.size() > 1) {
            return Reported.refused("it does not say which of " + student.name() + "'s shifts on " + when + " (" + String.join(", ", slots)
                    + ") is meant");
        }
        String reason = "By email: " + words.strip().replaceAll("\\s+", " ");
        ProcessInstance coverage = absences.report(student.applicationNumber(), shift.date(), slots.get(0),
                reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason);
        return Reported.started(coverage.getId(), coverage.getBusinessKey());
    }
}
