package org.resourcesharing.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Lets the job executor's acquisition find due and locked jobs through indexes instead of reading every job. Each
 * waiting request holds a timer job (a lender's answer time, a pickup or due date), so the job table grows with a
 * library's open requests, and every acquisition of every node read all of it twice: for the due jobs, and for the jobs
 * locked now, whose process instances must wait (README "Production cluster"). The due date's index serves the query
 * only when no job lacks a due date ({@code ensureJobDueDateNotNull}: a job to run at once is due now); jobs an
 * earlier version left without one get their creation time, so that none is left behind.
 */
@Component
public class JobAcquisitionIndexesPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String jobs = configuration.getDatabaseTablePrefix() + "ACT_RU_JOB";
        try (Connection connection = configuration.getDataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create index if not exists ACT_IDX_JOB_DUEDATE on " + jobs + " (DUEDATE_)");
            statement.execute("create index if not exists ACT_IDX_JOB_LOCK_EXP_TIME on " + jobs + " (LOCK_EXP_TIME_)");
            // a new revision, so that a node still running the earlier version cannot write the old value back over it
            statement.executeUpdate("update " + jobs + " set DUEDATE_ = coalesce(CREATE_TIME_, CURRENT_TIMESTAMP), REV_ = REV_ + 1"
                    + " where DUEDATE_ is null");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not index the jobs for their acquisition", e);
        }
    }
}
