package org.resourcesharing.hiring;

import static org.resourcesharing.hiring.ProcessVariables.date;
import static org.resourcesharing.hiring.ProcessVariables.flag;
import static org.resourcesharing.hiring.ProcessVariables.number;
import static org.resourcesharing.hiring.ProcessVariables.text;

import java.time.LocalDate;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkPosting}}: run as the posting is drafted or revised, so that a posting that breaks the
 * rules (a wage below the minimum in force on the start date, too many Work Study hours, …) fails the
 * form that submitted it and never reaches the managers. Gives the posting its number (the business
 * key, JOB-000001) and sets {@code postingNumber}, {@code hourlyRate}, {@code minimumWage},
 * {@code closingAt}, {@code activeStudents} and {@code supervisorLimitWarning}.
 */
@Component("checkPosting")
class CheckPostingDelegate implements JavaDelegate {

    private final PostingRules rules;
    private final Postings postings;
    private final HiringProperties properties;

    CheckPostingDelegate(PostingRules rules, Postings postings, HiringProperties properties) {
        this.rules = rules;
        this.postings = postings;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PostingRules.Draft draft = new PostingRules.Draft(text(execution, "title"), text(execution, "duties"), number(execution, "hoursPerWeek"),
                text(execution, "wageCategory"), number(execution, "requestedRate"), flag(execution, "workStudy"), number(execution, "positions"),
                date(execution, "startDate"), date(execution, "closingDate"), text(execution, "supervisor"));
        PostingRules.Checked checked;
        try {
            checked = rules.check(draft, LocalDate.now(properties.zone()));
        } catch (InvalidRequestException refused) {
            throw new IllegalArgumentException("The posting is refused: " + refused.errors().stream()
                    .map(error -> error.field() + " " + error.reason()).collect(Collectors.joining("; ")), refused);
        }
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(postings.nextNumber());
        }
        execution.setVariable("postingNumber", execution.getProcessBusinessKey());
        execution.setVariable("positions", draft.positions().intValue());
        execution.setVariable("hourlyRate", checked.hourlyRate().toPlainString());
        execution.setVariable("minimumWage", checked.minimumWage().toPlainString());
        execution.setVariable("closingAt", checked.closingAt());
        execution.setVariable("activeStudents", checked.activeStudents());
        execution.setVariable("supervisorLimitWarning", checked.limitWarning());
        execution.setVariable("hires", 0);
    }
}
