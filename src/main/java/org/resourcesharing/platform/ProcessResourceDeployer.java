package org.resourcesharing.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Deploys every diagram, decision table and form of the top-level {@code bpmn/} and {@code forms/}
 * folders under the names {@code bpmn/<file>} and {@code forms/<file>}.
 *
 * <p>Camunda decides "unchanged, skip" by resource name, so the names are built from the folder and
 * file name only: they are the same from the IDE, from {@code ./mvnw spring-boot:run} and from the
 * packaged jar. Only changed files are deployed, so an unchanged restart creates no new version and
 * a changed file creates exactly one.
 */
public final class ProcessResourceDeployer {

    public static final String DEPLOYMENT_NAME = "resource-sharing";
    static final String DEPLOYMENT_SOURCE = "resource-sharing-application";
    private static final Map<String, String[]> PATTERNS_BY_FOLDER = Map.of(
            "bpmn", new String[] {"*.bpmn", "*.dmn"},
            "forms", new String[] {"*.form"});
    private static final Logger log = LoggerFactory.getLogger(ProcessResourceDeployer.class);

    private final RepositoryService repositoryService;
    private final ResourcePatternResolver resolver;
    private final String root;

    /**
     * @param root where the two folders are, e.g. {@code classpath*:} or {@code file:/srv/rs/}
     */
    public ProcessResourceDeployer(RepositoryService repositoryService, ResourcePatternResolver resolver, String root) {
        this.repositoryService = repositoryService;
        this.resolver = resolver;
        this.root = root;
    }

    /** Deploys what changed since the last deployment of this application; returns the new deployment, or the last one when nothing changed. */
    public DeploymentWithDefinitions deploy() {
        Map<String, byte[]> resources = findResources();
        if (resources.isEmpty()) {
            throw new IllegalStateException("No diagrams or forms found under " + root + "bpmn/ and " + root + "forms/");
        }
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_SOURCE)
                .enableDuplicateFiltering(true);
        resources.forEach((name, content) -> builder.addInputStream(name, new ByteArrayInputStream(content)));
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        log.info("Deployed {} resources from {} (deployment {}); unchanged ones were skipped",
                resources.size(), root, deployment.getId());
        return deployment;
    }

    /** The resources by their stable name, in name order. */
    Map<String, byte[]> findResources() {
        Map<String, byte[]> byName = new TreeMap<>();
        PATTERNS_BY_FOLDER.forEach((folder, patterns) -> Arrays.stream(patterns).forEach(pattern -> {
            for (Resource resource : resolve(root + folder + "/" + pattern)) {
                String name = folder + "/" + resource.getFilename();
                byte[] content = read(resource);
                byte[] earlier = byName.putIfAbsent(name, content);
                if (earlier != null && !Arrays.equals(earlier, content)) {
                    throw new IllegalStateException("Two different files are both named " + name + " under " + root);
                }
            }
        }));
        return byName;
    }

    private Resource[] resolve(String pattern) {
        try {
            return resolver.getResources(pattern);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + pattern, e);
        }
    }

    private static byte[] read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
