package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.TestDatabase;

/** Full history with each variable's last value only: an engine built with the plugin, as the application's is. */
class VariableChangeHistoryPluginTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void engineWithThePlugin() {
        TestDatabase.Jdbc database = TestDatabase.create("variable-history");
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("variable-history-test");
        configuration.setJdbcUrl(database.url());
        configuration.setJdbcUsername(database.user());
        configuration.setJdbcPassword(database.password());
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.getProcessEnginePlugins().add(new VariableChangeHistoryPlugin(false));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("reply.bpmn", Bpmn.createExecutableProcess("reply")
                .camundaHistoryTimeToLive(1).startEvent().userTask("Task_Reply").name("Reply to the patron").endEvent().done()).deploy();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void historyKeepsEachVariablesLastValueFormFieldsAndTheOperationLogButNotEveryChange() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("reply", Map.of("patronName", "Ada")).getId();
        engine.getIdentityService().setAuthenticatedUserId("bella");
        try {
            engine.getRuntimeService().setVariable(instance, "patronName", "Ada Reader");
            String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
            engine.getFormService().submitTaskForm(task, Map.of("answer", "Your book is on its way."));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        HistoryService history = engine.getHistoryService();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count()).isOne();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
                .containsExactlyInAnyOrder(Tuple.tuple("patronName", "Ada Reader"),
                        Tuple.tuple("answer", "Your book is on its way."));
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).variableUpdates().count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).formFields().count()).isOne();
        assertThat(history.createUserOperationLogQuery().processInstanceId(instance).userId("bella").list())
                .extracting(entry -> entry.getOperationType()).contains("SetVariable", "Complete");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance).activityId("Task_Reply").finished().count()).isOne();
    }

    @Test
    void keepingVariableChangesLeavesTheEnginesOwnHandler() {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        List<HistoryEventHandler> before = configuration.getCustomHistoryEventHandlers();
        new VariableChangeHistoryPlugin(true).preInit(configuration);
        assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isTrue();
        assertThat(configuration.getCustomHistoryEventHandlers()).isSameAs(before);
    }
}
