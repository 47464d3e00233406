package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.resourcesharing.platform.PersonalDataErasure;
import org.resourcesharing.platform.PrivacyProperties;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A finished borrowing request loses its patron once the retention period is over: the patron's
 * name, email and id go from the engine's runtime and history tables (variables, their updates, the
 * fields of the staff start form) and from the request and mail records; the request itself, what
 * was asked for and the record of the email stay for statistics. On H2 and on PostgreSQL (the
 * history tables are cleaned partly by SQL).
 */
@ResourceSharingIntegrationTest
class PatronDataErasureIntegrationTest {

    private static final String PATRON_ID = "2000555123";
    private static final String PATRON_NAME = "Noor Rahimi";
    private static final String PATRON_EMAIL = "noor.rahimi@trentu.example.ca";

    @Autowired
    FormService formService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    PersonalDataErasure erasure;
    @Autowired
    PrivacyProperties privacy;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFinishedRequestKeepsItsPatronForTheRetentionPeriodAndNotAfter() {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey("borrowing").latestVersion().singleResult().getId();
        // a book our own library has on the shelf: the request ends at once, with an email to the patron
        ProcessInstance started = formService.submitStartForm(definition, Map.of("patronId", PATRON_ID, "patronName", PATRON_NAME,
                "patronEmail", PATRON_EMAIL, "patronType", "graduate", "serviceType", "Loan", "title", "Effective Java",
                "isbn", "9780134993560", "patronNote", "Noor Rahimi needs it for a course"));
        HistoricProcessInstance ended = awaitEnd(started.getId());
        assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_AvailableLocally");
        assertThat(jdbc.sql("select count(*) from mail_sent where process_instance_id = ? and recipient = ?").params(started.getId(), PATRON_EMAIL)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(traces(started.getId())).as("the patron in history before the erasure").isPositive();
        assertThat(formFieldsNamed(started.getId(), "patronName")).as("Tasklist's form fields in ACT_HI_DETAIL").isEqualTo(1);

        Duration keepFor = privacy.keepFor();
        erasure.eraseDue(ended.getEndTime().toInstant().plus(keepFor).minusSeconds(60));
        assertThat(patronRow(ended.getBusinessKey())).containsEntry("patron_name", PATRON_NAME);
        assertThat(traces(started.getId())).as("the patron is kept until the period is over").isPositive();

        assertThat(erasure.eraseDue(ended.getEndTime().toInstant().plus(keepFor).plusSeconds(60))).isPositive();

        assertThat(traces(started.getId())).as("rows of the engine's tables that still name the patron").isZero();
        assertThat(formFieldsNamed(started.getId(), "patronName")).isZero();
        Map<String, Object> row = patronRow(ended.getBusinessKey());
        assertThat(row).containsEntry("patron_id", null).containsEntry("patron_name", null).containsEntry("patron_email", null)
                .containsEntry("title", "Effective Java").containsEntry("service_type", "Loan").containsEntry("patron_type", "graduate");
        assertThat(row.get("personal_data_erased_at")).isNotNull();
        assertThat(jdbc.sql("select recipient, template, status from mail_sent where process_instance_id = ?").param(started.getId())
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).list())
                .containsExactly("null/borrowing-status/SENT");
        // what statistics need stays: the request's number, what was asked for, by which kind of patron, where it ended
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ended.getBusinessKey()).count()).isEqualTo(1);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(started.getId()).list().stream()
                .map(HistoricVariableInstance::getName)).contains("isbn", "serviceType", "patronType", "requestNumber")
                .doesNotContain("patronId", "patronName", "patronEmail", "patronNote");

        // erased once: a later run leaves it as it is (other tests' processes may still end and be erased by it)
        erasure.eraseDue(ended.getEndTime().toInstant().plus(keepFor).plusSeconds(60));
        assertThat(patronRow(ended.getBusinessKey())).containsEntry("personal_data_erased_at", row.get("personal_data_erased_at"));
        assertThat(traces(started.getId())).isZero();
    }

    /** Rows of the runtime and history tables of variables, their updates and form fields that name the patron in any way. */
    private int traces(String processInstanceId) {
        int traces = 0;
        for (String value : List.of(PATRON_ID, PATRON_NAME, PATRON_EMAIL)) {
            String like = "%" + value + "%";
            traces += jdbc.sql("select count(*) from ACT_HI_VARINST where PROC_INST_ID_ = ? and (TEXT_ like ? or TEXT2_ like ?)")
                    .params(processInstanceId, like, like).query(Integer.class).single();
            traces += jdbc.sql("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and (TEXT_ like ? or TEXT2_ like ?)")
                    .params(processInstanceId, like, like).query(Integer.class).single();
            traces += jdbc.sql("select count(*) from ACT_RU_VARIABLE where PROC_INST_ID_ = ? and (TEXT_ like ? or TEXT2_ like ?)")
                    .params(processInstanceId, like, like).query(Integer.class).single();
        }
        return traces;
    }

    private int formFieldsNamed(String processInstanceId, String name) {
        return jdbc.sql("select count(*) from ACT_HI_DETAIL where PROC_INST_ID_ = ? and TYPE_ = 'FormProperty' and NAME_ = ?")
                .params(processInstanceId, name).query(Integer.class).single();
    }

    private Map<String, Object> patronRow(String businessKey) {
        return jdbc.sql("select patron_id, patron_name, patron_email, patron_type, title, service_type, personal_data_erased_at"
                + " from borrowing_request where business_key = ?").param(businessKey).query().singleRow().entrySet().stream()
                .collect(HashMap::new, (map, column) -> map.put(column.getKey().toLowerCase(Locale.ROOT), column.getValue()), Map::putAll);
    }

    private HistoricProcessInstance awaitEnd(String processInstanceId) {
        Instant giveUp = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(giveUp)) {
            HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).finished()
                    .singleResult();
            if (instance != null) {
                return instance;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        throw new AssertionError("the request did not end; incidents: " + managementService.createJobQuery().processInstanceId(processInstanceId)
                .withException().list().stream().map(job -> job.getExceptionMessage()).toList());
    }
}
