package org.resourcesharing.platform;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Full history without the log of every change to every variable ({@code ACT_HI_DETAIL} rows of type
 * VariableUpdate), unless {@code resource-sharing.history.keep-variable-changes} asks for it. Each
 * variable keeps its last value in history ({@code ACT_HI_VARINST}); everything else full history writes
 * stays: activities, tasks, the user operation log, form fields submitted in Tasklist, jobs, incidents,
 * decisions. The change log was a third of the rows a borrowing request wrote (README "Benchmarks"),
 * and one more copy of every patron's personal data to erase.
 */
@Component
public class VariableChangeHistoryPlugin extends AbstractProcessEnginePlugin {

    private final boolean keepVariableChanges;

    public VariableChangeHistoryPlugin(@Value("${resource-sharing.history.keep-variable-changes:false}") boolean keepVariableChanges) {
        this.keepVariableChanges = keepVariableChanges;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (keepVariableChanges) {
            return;
        }
        // in place of the engine's own database handler; handlers other plugins add still run beside it
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new LastValuesOnly());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /** The engine's database handler, writing a variable's history entry but not the detail row of each change. */
    static final class LastValuesOnly extends DbHistoryEventHandler {

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
            return false;
        }
    }
}
