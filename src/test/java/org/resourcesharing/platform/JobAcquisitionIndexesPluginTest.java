package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.TestProcessEngine;

/** Jobs acquired through the indexes on their due date and lock, none left behind for want of a due date. */
class JobAcquisitionIndexesPluginTest {

    private final ProcessEngine engine = TestProcessEngine.get();
    private final ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    private final ManagementService managementService = engine.getManagementService();
    private final RepositoryService repositoryService = engine.getRepositoryService();
    private String deployment;

    @BeforeEach
    void deployAnAsynchronousStep() {
        deployment = repositoryService.createDeployment().addModelInstance("due-jobs.bpmn", Bpmn.createExecutableProcess("due-jobs")
                .camundaHistoryTimeToLive(1).startEvent().serviceTask("Step").camundaExpression("${true}").camundaAsyncBefore().endEvent().done())
                .deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repositoryService.deleteDeployment(deployment, true);
    }

    @Test
    void theDueDateAndTheLocksExpiryAreIndexed() throws Exception {
        try (Connection connection = configuration.getDataSource().getConnection()) {
            String table = connection.getMetaData().storesLowerCaseIdentifiers() ? "act_ru_job" : "ACT_RU_JOB";
            Map<String, List<String>> indexedColumns = new HashMap<>();
            try (ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                while (indexes.next()) {
                    indexedColumns.computeIfAbsent(String.valueOf(indexes.getString("INDEX_NAME")).toUpperCase(Locale.ROOT), name -> new ArrayList<>())
                            .add(indexes.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                }
            }
            assertThat(indexedColumns).containsEntry("ACT_IDX_JOB_DUEDATE", List.of("DUEDATE_"))
                    .containsEntry("ACT_IDX_JOB_LOCK_EXP_TIME", List.of("LOCK_EXP_TIME_"));
        }
    }

    @Test
    void aJobToRunAtOnceIsDueNow() throws Exception {
        engine.getRuntimeService().startProcessInstanceByKey("due-jobs");

        Job job = managementService.createJobQuery().processDefinitionKey("due-jobs").singleResult();

        assertThat(job.getDuedate()).isNotNull().isBeforeOrEqualTo(new Date());
        assertThat(acquired()).contains(job.getId());
    }

    @Test
    void aJobAnEarlierVersionLeftWithoutADueDateGetsItsCreationTimeAndRuns() throws Exception {
        engine.getRuntimeService().startProcessInstanceByKey("due-jobs");
        Job job = managementService.createJobQuery().processDefinitionKey("due-jobs").singleResult();
        try (Connection connection = configuration.getDataSource().getConnection();
                PreparedStatement update = connection.prepareStatement("update ACT_RU_JOB set DUEDATE_ = null where ID_ = ?")) {
            update.setString(1, job.getId());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertThat(acquired()).as("acquisition passes over a job without a due date").doesNotContain(job.getId());

        new JobAcquisitionIndexesPlugin().postProcessEngineBuild(engine);

        Job mended = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(mended.getDuedate()).isEqualTo(mended.getCreateTime());
        assertThat(acquired()).contains(job.getId());
    }

    /** The jobs an acquisition takes, locked only for the look: their locks are lifted again, as no executor runs them. */
    private List<String> acquired() throws Exception {
        JobExecutor jobExecutor = configuration.getJobExecutor();
        int perAcquisition = jobExecutor.getMaxJobsPerAcquisition();
        jobExecutor.setMaxJobsPerAcquisition(1000); // whatever other tests left due, this test's job among them
        List<String> ids;
        try {
            AcquiredJobs jobs = configuration.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(jobExecutor));
            ids = jobs.getJobIdBatches().stream().flatMap(List::stream).toList();
        } finally {
            jobExecutor.setMaxJobsPerAcquisition(perAcquisition);
        }
        try (Connection connection = configuration.getDataSource().getConnection();
                PreparedStatement unlock = connection.prepareStatement("update ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where ID_ = ?")) {
            for (String id : ids) {
                unlock.setString(1, id);
                unlock.executeUpdate();
            }
        }
        return ids;
    }
}
