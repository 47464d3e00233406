package org.resourcesharing.hiring;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * {@code ${hiring.…}}: what the student-hiring diagram reads of the hiring tables in its expressions,
 * the lists its multi-instance steps go through and the details each step shows. Public because the
 * expression language calls it by reflection.
 */
@Component("hiring")
public class HiringProcessData {

    private final Applications applications;
    private final ScreeningView screening;
    private final HiringProperties properties;
    private final ShiftCoverage shifts;

    HiringProcessData(Applications applications, ScreeningView screening, HiringProperties properties, ShiftCoverage shifts) {
        this.applications = applications;
        this.screening = screening;
        this.properties = properties;
        this.shifts = shifts;
    }

    /** The offers of an absent student's shift still open: one email each. */
    public List<String> shiftOffers(String absenceId) {
        return shifts.offers(absenceId, "OFFERED");
    }

    /** The offers someone else was quicker to: each is told the shift is taken. */
    public List<String> shiftOffersTaken(String absenceId) {
        return shifts.offers(absenceId, "TAKEN");
    }

    /** Who hears of a new posting: the career office, the student job board. */
    public List<String> announcementRecipients() {
        return properties.announcementRecipients();
    }

    /** The application numbers on the posting's shortlist, in its order. */
    public List<String> shortlisted(String postingNumber) {
        return applications.shortlisted(postingNumber).stream().map(Applications.Application::applicationNumber).toList();
    }

    public String email(String applicationNumber) {
        return application(applicationNumber).email();
    }

    public String name(String applicationNumber) {
        return application(applicationNumber).applicantName();
    }

    public String interviewAt(String applicationNumber) {
        return application(applicationNumber).interviewAt();
    }

    /** One applicant as the screening view shows them. */
    public String summary(String applicationNumber) {
        return screening.summary(application(applicationNumber));
    }

    /** Everyone interviewed for the posting, with scores and notes: what the choice is made from. */
    public String interviewResults(String postingNumber) {
        return screening.summary(applications.interviewed(postingNumber));
    }

    private Applications.Application application(String applicationNumber) {
        return applications.find(applicationNumber)
                .orElseThrow(() -> new IllegalStateException("No application " + applicationNumber));
    }
}
