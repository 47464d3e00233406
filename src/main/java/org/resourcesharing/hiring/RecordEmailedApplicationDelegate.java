package org.resourcesharing.hiring;

import static org.resourcesharing.hiring.ProcessVariables.text;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordEmailedApplication}}: an application the mail inbox passed to the posting (message
 * "Job application") joins the form's applications, in the same transaction that records the email as
 * read. Reads {@code applicantName}, {@code applicantEmail}, {@code resumeFileName}, {@code resumeMediaType}
 * and {@code resumeText} (read by Tika), and removes them: the application is kept in the hiring tables,
 * not in the process.
 */
@Component("recordEmailedApplication")
class RecordEmailedApplicationDelegate implements JavaDelegate {

    private static final List<String> PASSED = List.of("applicantName", "applicantEmail", "resumeFileName", "resumeMediaType", "resumeText");

    private final Applications applications;

    RecordEmailedApplicationDelegate(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String email = text(execution, "applicantEmail");
        String name = text(execution, "applicantName");
        String number = applications.add(new Applications.NewApplication(execution.getProcessBusinessKey(), "email", name != null ? name : email,
                null, email, null, null, "", text(execution, "resumeFileName"), text(execution, "resumeMediaType"), null,
                text(execution, "resumeText"), false));
        PASSED.forEach(execution::removeVariable);
        execution.setVariableLocal("applicationNumber", number);
    }
}
