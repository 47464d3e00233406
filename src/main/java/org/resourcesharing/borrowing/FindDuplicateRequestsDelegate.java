package org.resourcesharing.borrowing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@code ${findDuplicateRequests}}: the patron's other open borrowing requests for the same item,
 * by any shared identifier or, failing that, the same title (and article), ignoring case and
 * punctuation. Sets {@code possibleDuplicates}: their request numbers, or null.
 * <p>
 * The patron's requests are found by the patron's index of the requests table, and those still open among
 * them by business key: asking the engine for open requests by their {@code patronId} variable would read
 * every open request's variables, a cost that grows with the library's open requests.
 */
@Component("findDuplicateRequests")
class FindDuplicateRequestsDelegate implements JavaDelegate {

    private static final List<String> IDENTIFIERS = List.of("isbn", "doi", "oclcNumber");

    private final Function<String, List<String>> patronsRequestNumbers;
    private final HistoryService historyService;
    private final RuntimeService runtimeService;

    @Autowired
    FindDuplicateRequestsDelegate(BorrowingRequests requests, HistoryService historyService, RuntimeService runtimeService) {
        this(requests::requestNumbersOf, historyService, runtimeService);
    }

    /** @param patronsRequestNumbers a patron's requests (their numbers, the business keys), open or not, by patron id */
    FindDuplicateRequestsDelegate(Function<String, List<String>> patronsRequestNumbers, HistoryService historyService, RuntimeService runtimeService) {
        this.patronsRequestNumbers = patronsRequestNumbers;
        this.historyService = historyService;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String[] others = patronsRequestNumbers.apply((String) execution.getVariable("patronId")).stream()
                .filter(number -> !number.equals(execution.getProcessBusinessKey()))
                .toArray(String[]::new);
        List<String> duplicates = List.of();
        if (others.length > 0) {
            Map<String, Object> mine = execution.getVariables();
            // the engine's history knows which of them are still running (unsuspended) and has an index on the business key
            duplicates = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(BorrowingIntake.PROCESS_KEY)
                    .processInstanceBusinessKeyIn(others).active().list().stream()
                    .filter(other -> sameItem(mine, runtimeService.getVariables(other.getId())))
                    .map(HistoricProcessInstance::getBusinessKey)
                    .sorted()
                    .toList();
        }
        execution.setVariable("possibleDuplicates", duplicates.isEmpty() ? null : String.join(", ", duplicates));
    }

    static boolean sameItem(Map<String, Object> one, Map<String, Object> other) {
        for (String identifier : IDENTIFIERS) {
            if (one.get(identifier) != null && one.get(identifier).equals(other.get(identifier))) {
                return true;
            }
        }
        if (one.get("issn") != null && one.get("issn").equals(other.get("issn"))) {
            return Objects.equals(simplified(one.get("titleOfComponent")), simplified(other.get("titleOfComponent")));
        }
        String title = simplified(one.get("title"));
        return title != null && title.equals(simplified(other.get("title")))
                && Objects.equals(simplified(one.get("titleOfComponent")), simplified(other.get("titleOfComponent")));
    }

    private static String simplified(Object text) {
        if (text == null) {
            return null;
        }
        String words = Stream.of(text.toString().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse("");
        return words.isEmpty() ? null : words;
    }
}
