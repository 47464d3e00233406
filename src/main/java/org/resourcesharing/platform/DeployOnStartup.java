package org.resourcesharing.platform;

import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** Deploys {@code bpmn/} and {@code forms/} from the classpath once the engine exists and before the web server takes requests. */
@Component
class DeployOnStartup implements SmartInitializingSingleton {

    private final ProcessResourceDeployer deployer;

    DeployOnStartup(RepositoryService repositoryService) {
        this.deployer = new ProcessResourceDeployer(repositoryService,
                new PathMatchingResourcePatternResolver(DeployOnStartup.class.getClassLoader()), "classpath*:");
    }

    @Override
    public void afterSingletonsInstantiated() {
        deployer.deploy();
    }
}
