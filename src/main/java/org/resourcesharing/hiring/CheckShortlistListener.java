package org.resourcesharing.hiring;

import static org.resourcesharing.hiring.ProcessVariables.text;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${checkShortlist}} on completing <em>Screen applications</em>: {@code shortlist} lists
 * application numbers ("A-3, A-1"), best first. Each must be an application to this posting that has
 * not been offered the job before; otherwise the task is not completed and the form says why. An empty
 * shortlist is allowed (nobody suitable). Sets {@code shortlistSize}.
 */
@Component("checkShortlist")
class CheckShortlistListener implements TaskListener {

    private final Applications applications;

    CheckShortlistListener(Applications applications) {
        this.applications = applications;
    }

    @Override
    public void notify(DelegateTask task) {
        String posting = task.getExecution().getProcessBusinessKey();
        String shortlist = text(task, "shortlist");
        List<String> numbers = shortlist == null ? List.of() : List.copyOf(Arrays.stream(shortlist.split("[,;\\s]+"))
                .map(String::strip).filter(number -> !number.isEmpty()).map(String::toUpperCase)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        Map<String, Applications.Application> received = applications.forPosting(posting).stream()
                .collect(Collectors.toMap(Applications.Application::applicationNumber, Function.identity()));
        Set<String> eligible = Set.of("RECEIVED", "SHORTLISTED");
        List<String> wrong = numbers.stream().filter(number -> !received.containsKey(number) || !eligible.contains(received.get(number).status()))
                .toList();
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException("shortlist: " + String.join(", ", wrong)
                    + " - not an application to " + posting + " that can be shortlisted (offered before, or another posting's)");
        }
        applications.shortlist(posting, numbers);
        task.setVariable("shortlistSize", numbers.size());
    }
}
