package org.resourcesharing.borrowing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.resourcesharing.catalogue.Doi;
import org.resourcesharing.catalogue.Isbn;
import org.resourcesharing.catalogue.Issn;
import org.resourcesharing.catalogue.OclcNumber;
import org.resourcesharing.catalogue.InvalidIdentifierException;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkCitation}}: normalises the identifiers of a patron's citation (ISBN-13, ISSN with
 * hyphen, lower-case DOI, plain OCLC number) and says whether the citation is good enough to ask
 * other libraries: {@code citationUsable}, with {@code citationProblems} in words for the
 * <em>Verify citation</em> task. A wrong check digit, a copy without the article or pages, no title
 * and no identifier, a year that is not a year, a needed-by date already past: each is a problem.
 */
@Component("checkCitation")
class CheckCitationDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        List<String> problems = new ArrayList<>();
        normalise(execution, "isbn", "ISBN", raw -> Isbn.parse(raw).isbn13(), problems);
        normalise(execution, "issn", "ISSN", raw -> Issn.parse(raw).value(), problems);
        normalise(execution, "doi", "DOI", raw -> Doi.parse(raw).value(), problems);
        normalise(execution, "oclcNumber", "OCLC number", raw -> OclcNumber.parse(raw).value(), problems);
        boolean identified = text(execution, "isbn") != null || text(execution, "issn") != null || text(execution, "doi") != null
                || text(execution, "oclcNumber") != null;
        if (text(execution, "title") == null && !identified) {
            problems.add("no title and no identifier");
        }
        if ("Copy".equals(execution.getVariable("serviceType")) && text(execution, "titleOfComponent") == null
                && text(execution, "pagesRequested") == null) {
            problems.add("a copy, but neither the article or chapter nor the pages are given");
        }
        String year = text(execution, "publicationDate");
        if (year != null && !year.matches("\\d{4}")) {
            problems.add("the year '" + year + "' is not a year");
        }
        if (execution.getVariable("needBeforeDate") instanceof Date needed
                && LocalDate.ofInstant(needed.toInstant(), ZoneId.systemDefault()).isBefore(LocalDate.now())) {
            problems.add("the needed-by date has passed");
        }
        execution.setVariable("citationUsable", problems.isEmpty());
        execution.setVariable("citationProblems", problems.isEmpty() ? null : String.join("; ", problems));
    }

    private static void normalise(DelegateExecution execution, String name, String label, Function<String, String> parse, List<String> problems) {
        String raw = text(execution, name);
        if (raw == null) {
            return;
        }
        try {
            execution.setVariable(name, parse.apply(raw));
        } catch (InvalidIdentifierException invalid) {
            problems.add("the " + label + " '" + raw + "' is not valid");
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
