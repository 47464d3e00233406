package org.resourcesharing.hiring;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks what a student submitted on the application form of a posting and keeps it: every field
 * with its error at once, for the page to show beside the field.
 */
@Component
class JobApplicationForm {

    /** The availability grid: evening and weekend slots, as stored and as configured in shifts-to-cover. */
    static final Map<String, String> SLOTS = slots();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern STUDENT_NUMBER = Pattern.compile("\\d{6,10}");

    /** What was submitted, as text, so that the page can show it again. */
    record Submitted(String applicantName, String studentNumber, String email, String program, String credits, List<String> availability,
            MultipartFile resume, boolean consent) {
    }

    private final Applications applications;
    private final ResumeReader resumes;
    private final HiringProperties properties;

    JobApplicationForm(Applications applications, ResumeReader resumes, HiringProperties properties) {
        this.applications = applications;
        this.resumes = resumes;
        this.properties = properties;
    }

    /** Keeps the application and returns its number; or the errors by field, and nothing is kept. */
    Result submit(String postingNumber, Submitted form) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = required(errors, "applicantName", form.applicantName(), 200);
        String studentNumber = required(errors, "studentNumber", form.studentNumber(), 20);
        if (studentNumber != null && !STUDENT_NUMBER.matcher(studentNumber).matches()) {
            errors.put("studentNumber", "must be your student number, 6 to 10 digits");
        }
        String email = required(errors, "email", form.email(), 254);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.put("email", "must be an email address, such as name@trentu.ca");
        }
        String program = required(errors, "program", form.program(), 200);
        BigDecimal credits = null;
        String creditsText = required(errors, "credits", form.credits(), 10);
        if (creditsText != null) {
            try {
                credits = new BigDecimal(creditsText.replace(',', '.'));
                if (credits.signum() < 0 || credits.compareTo(BigDecimal.TEN) > 0) {
                    errors.put("credits", "must be between 0 and 10");
                }
            } catch (NumberFormatException notANumber) {
                errors.put("credits", "must be a number, such as 2.5");
            }
        }
        List<String> availability = form.availability() == null ? List.of() : form.availability();
        if (availability.isEmpty()) {
            errors.put("availability", "choose at least one evening or weekend shift you could work");
        } else if (!SLOTS.keySet().containsAll(availability)) {
            errors.put("availability", "has a shift that is not on the grid");
        }
        ResumeReader.Resume resume = null;
        byte[] content = null;
        if (form.resume() == null || form.resume().isEmpty()) {
            errors.put("resume", "attach your résumé as a PDF or Word file");
        } else if (form.resume().getSize() > properties.maxResumeSize().toBytes()) {
            errors.put("resume", "must be at most " + properties.maxResumeSize().toMegabytes() + " MB");
        } else {
            try {
                content = form.resume().getBytes();
                resume = resumes.read(form.resume().getOriginalFilename(), content);
            } catch (ResumeReader.UnreadableResumeException | IOException unreadable) {
                errors.put("resume", unreadable.getMessage());
            }
        }
        if (!form.consent()) {
            errors.put("consent", "we can only consider your application with your consent to the collection of this information");
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        String number = applications.add(new Applications.NewApplication(postingNumber, "form", name, studentNumber, email, program, credits,
                String.join(",", availability), form.resume().getOriginalFilename(), resume.mediaType(), content, resume.text(), true));
        return new Result(number, Map.of());
    }

    record Result(String applicationNumber, Map<String, String> errors) {
    }

    private static String required(Map<String, String> errors, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.put(field, "required");
            return null;
        }
        if (value.strip().length() > maxLength) {
            errors.put(field, "at most " + maxLength + " characters");
            return null;
        }
        return value.strip();
    }

    private static Map<String, String> slots() {
        Map<String, String> slots = new LinkedHashMap<>();
        slots.put("mon-evening", "Monday evening");
        slots.put("tue-evening", "Tuesday evening");
        slots.put("wed-evening", "Wednesday evening");
        slots.put("thu-evening", "Thursday evening");
        slots.put("fri-evening", "Friday evening");
        slots.put("sat-day", "Saturday day");
        slots.put("sat-evening", "Saturday evening");
        slots.put("sun-day", "Sunday day");
        slots.put("sun-evening", "Sunday evening");
        return Collections.unmodifiableMap(slots);
    }
}
