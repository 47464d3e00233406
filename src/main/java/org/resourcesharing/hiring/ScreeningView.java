package org.resourcesharing.hiring;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** How applicants look to whoever screens them: plain text for the Tasklist forms. */
@Component
class ScreeningView {

    private static final int RESUME_EXCERPT = 600;

    private final HiringProperties properties;

    ScreeningView(HiringProperties properties) {
        this.properties = properties;
    }

    String shiftsToCover() {
        return String.join(", ", properties.shiftsToCover());
    }

    String summary(List<Applications.Application> applications) {
        return applications.stream().map(this::summary).collect(Collectors.joining("\n\n"));
    }

    String summary(Applications.Application application) {
        StringBuilder text = new StringBuilder();
        text.append(application.applicationNumber()).append("  ").append(application.applicantName()).append(" <").append(application.email())
                .append(">, by ").append(application.channel());
        if (application.program() != null) {
            text.append("\n  ").append(application.program());
        }
        if (application.credits() != null) {
            text.append(", ").append(application.credits().toPlainString()).append(" credits this term");
        }
        if (application.studentNumber() != null) {
            text.append(", student number ").append(application.studentNumber());
        }
        text.append("\n  ").append(availability(application.availability()));
        if (application.resumeText() != null) {
            String resume = application.resumeText().strip().replaceAll("\\s+", " ");
            text.append("\n  Résumé (").append(application.resumeFileName()).append("): ")
                    .append(resume.length() > RESUME_EXCERPT ? resume.substring(0, RESUME_EXCERPT) + " …" : resume);
        } else {
            text.append("\n  No résumé");
        }
        if (application.interviewScore() != null) {
            text.append("\n  Interview ").append(application.interviewAt()).append(": score ").append(application.interviewScore()).append("/10 - ")
                    .append(application.interviewNotes());
        }
        return text.toString();
    }

    /** Which of the shifts to cover the applicant is available for. */
    String availability(List<String> slots) {
        if (slots.isEmpty()) {
            return "Availability not given";
        }
        List<String> covered = properties.shiftsToCover().stream().filter(slots::contains).toList();
        List<String> missing = properties.shiftsToCover().stream().filter(shift -> !slots.contains(shift)).toList();
        return "Available: " + String.join(", ", slots) + " - covers " + covered.size() + " of " + properties.shiftsToCover().size()
                + " shifts to cover" + (missing.isEmpty() ? "" : " (not: " + String.join(", ", missing) + ")");
    }
}
