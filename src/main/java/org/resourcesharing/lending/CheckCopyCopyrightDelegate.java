package org.resourcesharing.lending;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkCopyCopyright}}: asks the managers' table {@code copy-copyright}
 * (bpmn/copy-copyright.dmn) whether we may scan what a library asked for, and keeps the answer as
 * plain variables: {@code copyrightDecision} (allow, refuse, review), {@code copyrightBasis} (what
 * allows it, kept with the copy record) and {@code copyrightReason} (words for staff and the borrower).
 *
 * <p>The table's inputs are worked out here: the licence terms for the requested ISSN from
 * configuration, and the months since publication from the request's date (a bare year counts from its
 * last day, so an issue is never taken to be older than it can be).
 */
@Component("checkCopyCopyright")
class CheckCopyCopyrightDelegate implements JavaDelegate {

    static final String DECISION = "copy-copyright";
    private static final List<String> OUTPUTS = List.of("copyrightDecision", "copyrightBasis", "copyrightReason");
    private static final Pattern YEAR_AND_MONTH = Pattern.compile("\\b(1[5-9]\\d\\d|20\\d\\d)(?:-(0[1-9]|1[0-2]))?");

    private final DecisionService decisionService;
    private final LendingProperties properties;
    private final Clock clock;

    @Autowired
    CheckCopyCopyrightDelegate(DecisionService decisionService, LendingProperties properties) {
        this(decisionService, properties, Clock.systemDefaultZone());
    }

    CheckCopyCopyrightDelegate(DecisionService decisionService, LendingProperties properties, Clock clock) {
        this.decisionService = decisionService;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var inputs = Variables.createVariables()
                .putValue("licenceTerms", licenceTerms((String) execution.getVariable("issn")))
                .putValue("materialType", execution.getVariable("materialType"))
                .putValue("periodicalKind", orUnknown(execution.getVariable("periodicalKind")))
                .putValue("literaryForm", orUnknown(execution.getVariable("literaryForm")))
                .putValue("monthsSincePublication", monthsSincePublication(execution.getVariable("publicationDate"),
                        execution.getVariable("publicationYear")));
        DmnDecisionRuleResult answer = decisionService.evaluateDecisionTableByKey(DECISION, inputs).getSingleResult();
        Map<String, Object> entries = answer == null ? Map.of() : answer.getEntryMap();
        OUTPUTS.forEach(name -> execution.setVariable(name, entries.get(name)));
    }

    private String licenceTerms(String issn) {
        if (issn == null) {
            return "NONE";
        }
        String key = issn.replaceAll("[^0-9Xx]", "").toUpperCase();
        return properties.licenceTerms().entrySet().stream()
                .filter(entry -> entry.getKey().replaceAll("[^0-9Xx]", "").toUpperCase().equals(key))
                .map(Map.Entry::getValue).findFirst().orElse("NONE");
    }

    Integer monthsSincePublication(Object publicationDate, Object publicationYear) {
        YearMonth latest = null;
        Matcher date = publicationDate == null ? null : YEAR_AND_MONTH.matcher(publicationDate.toString());
        if (date != null && date.find()) {
            int year = Integer.parseInt(date.group(1));
            latest = date.group(2) != null ? YearMonth.of(year, Integer.parseInt(date.group(2))) : YearMonth.of(year, 12);
        } else if (publicationYear instanceof Number year) {
            latest = YearMonth.of(year.intValue(), 12);
        }
        if (latest == null) {
            return null;
        }
        long months = ChronoUnit.MONTHS.between(latest.atEndOfMonth(), LocalDate.now(clock));
        return (int) Math.max(0, months);
    }

    private static String orUnknown(Object value) {
        return value == null || value.toString().isBlank() ? "unknown" : value.toString();
    }
}
