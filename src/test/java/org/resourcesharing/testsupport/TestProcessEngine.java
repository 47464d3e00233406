package org.resourcesharing.testsupport;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.resourcesharing.platform.EntityIdCheckPlugin;
import org.resourcesharing.platform.FeelParsedOncePlugin;
import org.resourcesharing.platform.JobAcquisitionIndexesPlugin;
import org.resourcesharing.platform.TimerDueDatesPlugin;
import org.resourcesharing.platform.VariableChangeHistoryPlugin;

/**
 * One plain engine per test JVM (no Spring), configured as production is: authorization on, full
 * history without the log of variable changes, and this application's other engine plugins that need
 * no Spring (FEEL expressions parsed once, entity ids checked before their error message is written,
 * timers' XML factory named, due jobs found through an index). Delegates' collaborators are replaced with {@code Mocks.register(...)};
 * jobs run only when a test executes them.
 */
public final class TestProcessEngine {

    private static ProcessEngine engine;

    private TestProcessEngine() {
    }

    public static synchronized ProcessEngine get() {
        if (engine == null) {
            TestDatabase.Jdbc database = TestDatabase.create("engine");
            StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
            configuration.setProcessEngineName("plain-test-engine");
            configuration.setJdbcUrl(database.url());
            configuration.setJdbcUsername(database.user());
            configuration.setJdbcPassword(database.password());
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
            configuration.setAuthorizationEnabled(true);
            configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*"); // as in application.yml
            configuration.setJobExecutorActivate(false);
            configuration.setExpressionManager(new MockExpressionManager());
            configuration.getProcessEnginePlugins().add(new FeelParsedOncePlugin());
            configuration.getProcessEnginePlugins().add(new EntityIdCheckPlugin());
            configuration.getProcessEnginePlugins().add(new TimerDueDatesPlugin());
            configuration.getProcessEnginePlugins().add(new JobAcquisitionIndexesPlugin());
            configuration.getProcessEnginePlugins().add(new VariableChangeHistoryPlugin(false)); // application.yml's default
            engine = configuration.buildProcessEngine();
            Runtime.getRuntime().addShutdownHook(new Thread(engine::close));
        }
        BpmnAwareTests.init(engine);
        return engine;
    }

    /** The extension a process test registers with {@code @RegisterExtension}; it handles {@code @Deployment}. */
    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().useProcessEngine(get()).build();
    }
}
