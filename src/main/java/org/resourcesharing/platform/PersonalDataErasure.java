package org.resourcesharing.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstanceQuery;
import org.resourcesharing.platform.PersonalDataStore.ErasedCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases the personal data of processes finished longer ago than their retention period
 * ({@link PrivacyProperties}): their personal variables, in history (ACT_HI_VARINST and the
 * variable updates in ACT_HI_DETAIL, through the engine's API) and in the form fields submitted in
 * Tasklist (ACT_HI_DETAIL rows of type FormProperty, which the API cannot delete: plain SQL by id);
 * every other text variable of the process that contains one of those values; and, through each
 * {@link PersonalDataStore}, the features' own tables. Business keys, the other variables and the
 * features' statistics stay. A finished process has no runtime variables left.
 *
 * <p>A process still holding one of its personal variables is one not yet erased, so a run that
 * stopped half-way (a crash, a restart) is simply taken up by the next; each process is erased in
 * its own transaction. Every node runs it; two nodes erasing the same process at once roll one
 * back, and that one is done by the other.
 */
public class PersonalDataErasure {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataErasure.class);
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Shorter values ("fr", a one-digit id) would match ordinary text. */
    private static final int SHORTEST_VALUE_MATCHED = 3;
    /** "Amira Haddad <amira@example.ca>": the name and the address are found apart too. */
    private static final Pattern NAME_AND_ADDRESS = Pattern.compile("\"?([^<\"]*)\"?\\s*<([^>]+)>");

    private final PrivacyProperties properties;
    private final HistoryService historyService;
    private final ManagementService managementService;
    private final List<PersonalDataStore> stores;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PersonalDataErasure(PrivacyProperties properties, HistoryService historyService, ManagementService managementService,
            List<PersonalDataStore> stores, JdbcClient jdbc, TransactionTemplate transaction) {
        properties.processes().forEach((key, process) -> process.variables().forEach(name -> {
            if (!VARIABLE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("resource-sharing.privacy.processes." + key + ".variables: '" + name
                        + "' is not a variable name");
            }
        }));
        this.properties = properties;
        this.historyService = historyService;
        this.managementService = managementService;
        this.stores = stores;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Scheduled(cron = "${resource-sharing.privacy.erase-cron}", zone = "${resource-sharing.privacy.zone}")
    void eraseOnSchedule() {
        int erased = eraseDue(Instant.now());
        log.info("Personal data of {} finished processes erased", erased);
    }

    /** Erases what is due at {@code now}; returns how many processes were erased. */
    public int eraseDue(Instant now) {
        int erased = 0;
        for (String processDefinitionKey : properties.processes().keySet()) {
            Date finishedBefore = Date.from(now.minus(properties.keepFor(processDefinitionKey)));
            int skipped = 0;
            List<HistoricProcessInstance> due;
            do {
                due = due(processDefinitionKey, finishedBefore, skipped);
                for (HistoricProcessInstance instance : due) {
                    try {
                        transaction.executeWithoutResult(status -> erase(instance));
                        erased++;
                    } catch (RuntimeException failed) {
                        // another node erasing it at once, or a store that failed: the next run takes it up again
                        log.warn("Personal data of process {} ({}) not erased: {}", instance.getId(), instance.getBusinessKey(),
                                failed.toString());
                        skipped++;
                    }
                }
            } while (due.size() == properties.batchSize());
        }
        return erased;
    }

    /** Finished before the cut-off and still holding a personal variable. */
    private List<HistoricProcessInstance> due(String processDefinitionKey, Date finishedBefore, int skip) {
        String names = personalVariables(processDefinitionKey).stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        if (names.isEmpty()) {
            return List.of();
        }
        String sql = "select RES.* from " + table(HistoricProcessInstance.class) + " RES where RES.PROC_DEF_KEY_ = #{key}"
                + " and RES.END_TIME_ is not null and RES.END_TIME_ < #{finishedBefore}"
                + " and exists (select 1 from " + table(HistoricVariableInstance.class) + " V where V.PROC_INST_ID_ = RES.ID_ and V.NAME_ in ("
                + names + ")) order by RES.END_TIME_";
        return historyService.createNativeHistoricProcessInstanceQuery().sql(sql).parameter("key", processDefinitionKey)
                .parameter("finishedBefore", finishedBefore).listPage(skip, properties.batchSize());
    }

    private void erase(HistoricProcessInstance instance) {
        Set<String> personalVariables = personalVariables(instance.getProcessDefinitionKey());
        List<HistoricVariableInstance> variables = variables().processInstanceId(instance.getId()).list();
        Set<String> personalValues = new LinkedHashSet<>();
        variables.stream().filter(variable -> personalVariables.contains(variable.getName()))
                .forEach(variable -> addValue(personalValues, variable.getValue()));
        ErasedCase erased = new ErasedCase(instance.getProcessDefinitionKey(), instance.getId(), instance.getBusinessKey(), Set.copyOf(personalValues));

        // ACT_HI_VARINST with its ACT_HI_DETAIL variable updates (and byte arrays), through the API
        variables.stream().filter(variable -> personalVariables.contains(variable.getName())
                        || variable.getValue() instanceof String text && erased.mentionsThePerson(text))
                .forEach(variable -> historyService.deleteHistoricVariableInstance(variable.getId()));
        // form fields submitted in Tasklist are history details of their own, without a variable instance
        List<String> formFields = new ArrayList<>();
        for (HistoricDetail detail : historyService.createHistoricDetailQuery().processInstanceId(instance.getId()).formFields().list()) {
            HistoricFormField field = (HistoricFormField) detail;
            if (personalVariables.contains(field.getFieldId())
                    || field.getFieldValue() instanceof String text && erased.mentionsThePerson(text)) {
                formFields.add(field.getId());
            }
        }
        for (String id : formFields) {
            jdbc.sql("delete from " + table(HistoricDetail.class) + " where ID_ = ?").param(id).update();
        }
        stores.forEach(store -> store.erase(erased));
    }

    private Set<String> personalVariables(String processDefinitionKey) {
        PrivacyProperties.ProcessPersonalData process = properties.processes().get(processDefinitionKey);
        return process == null ? Set.of() : Set.copyOf(process.variables());
    }

    private HistoricVariableInstanceQuery variables() {
        return historyService.createHistoricVariableInstanceQuery().disableBinaryFetching().disableCustomObjectDeserialization();
    }

    private static void addValue(Set<String> values, Object value) {
        if (!(value instanceof String text)) {
            return;
        }
        Matcher nameAndAddress = NAME_AND_ADDRESS.matcher(text.strip());
        List<String> parts = nameAndAddress.matches() ? List.of(text, nameAndAddress.group(1), nameAndAddress.group(2)) : List.of(text);
        parts.stream().map(String::strip).filter(part -> part.length() >= SHORTEST_VALUE_MATCHED).forEach(values::add);
    }

    private String table(Class<?> apiType) {
        return managementService.getTableName(apiType);
    }
}
