package org.resourcesharing.fees;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The title of what was lent or borrowed, for invoices and statements: the {@code title} variable of
 * the process that posted the charge (lending and borrowing both keep one). Only while the process
 * history exists (its history time to live); after that, and for postings made by hand, there is none.
 */
@Component
class RequestTitles {

    private static final int IDS_PER_QUERY = 500;

    private final HistoryService historyService;

    RequestTitles(HistoryService historyService) {
        this.historyService = historyService;
    }

    /** By business key: the title of each request that has one among the postings' processes. A reversal finds its original's. */
    Map<String, String> of(Collection<Posting> postings) {
        Map<String, String> businessKeys = new HashMap<>();
        postings.stream().filter(posting -> posting.processInstanceId() != null && posting.businessKey() != null)
                .forEach(posting -> businessKeys.put(posting.processInstanceId(), posting.businessKey()));
        List<String> processes = List.copyOf(businessKeys.keySet());
        Map<String, String> titles = new HashMap<>();
        for (int start = 0; start < processes.size(); start += IDS_PER_QUERY) {
            String[] ids = processes.subList(start, Math.min(start + IDS_PER_QUERY, processes.size())).toArray(String[]::new);
            for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
                    .variableName("title").disableCustomObjectDeserialization().list()) {
                if (variable.getValue() instanceof String title && !title.isBlank()) {
                    titles.putIfAbsent(businessKeys.get(variable.getProcessInstanceId()), title.strip());
                }
            }
        }
        return titles;
    }
}
