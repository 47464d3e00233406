package org.resourcesharing.borrowing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * {@code ${findDuplicateRequests}}: the patron's other open borrowing requests for the same item,
 * by any shared identifier or, failing that, the same title (and article), ignoring case and
 * punctuation. Sets {@code possibleDuplicates}: their request numbers, or null.
 */
@Component("findDuplicateRequests")
class FindDuplicateRequestsDelegate implements JavaDelegate {

    private static final List<String> IDENTIFIERS = List.of("isbn", "doi", "oclcNumber");

    private final RuntimeService runtimeService;

    FindDuplicateRequestsDelegate(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> mine = execution.getVariables();
        List<String> duplicates = runtimeService.createProcessInstanceQuery().processDefinitionKey("borrowing").active()
                .variableValueEquals("patronId", execution.getVariable("patronId")).list().stream()
                .filter(other -> !other.getId().equals(execution.getProcessInstanceId()))
                .filter(other -> sameItem(mine, runtimeService.getVariables(other.getId())))
                .map(ProcessInstance::getBusinessKey)
                .sorted()
                .toList();
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
