package org.resourcesharing.platform;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the engine {@link ProcessWideTaskAuthorizationProvider}; the Camunda starter applies every plugin bean before the engine is built. */
@Component
class TaskAuthorizationPlugin extends AbstractProcessEnginePlugin {

    private final IdentityProperties properties;

    TaskAuthorizationPlugin(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new ProcessWideTaskAuthorizationProvider(properties));
    }
}
