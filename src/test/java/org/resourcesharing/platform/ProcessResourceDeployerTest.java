package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resourcesharing.testsupport.TestProcessEngine;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class ProcessResourceDeployerTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    private RepositoryService repositoryService;
    private ProcessResourceDeployer fromClasspath;
    private ProcessResourceDeployer fromFolder;
    @TempDir
    Path folder;

    @BeforeEach
    void copyTheProjectResourcesToAFolderElsewhere() throws IOException {
        repositoryService = engine.getRepositoryService();
        fromClasspath = new ProcessResourceDeployer(repositoryService, resolver, "classpath*:");
        for (Map.Entry<String, byte[]> resource : fromClasspath.findResources().entrySet()) {
            Path file = folder.resolve(resource.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, resource.getValue());
        }
        fromFolder = new ProcessResourceDeployer(repositoryService, resolver, folder.toUri().toString());
    }

    @AfterEach
    void deleteDeployments() {
        repositoryService.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).list()
                .forEach(deployment -> repositoryService.deleteDeployment(deployment.getId(), true));
    }

    @Test
    void namesAreFolderAndFileNameWhereverTheFilesAre() {
        List<String> fromClasspathNames = resourceNames(fromClasspath.deploy());
        deleteDeployments();
        List<String> fromFolderNames = resourceNames(fromFolder.deploy());

        assertThat(fromClasspathNames)
                .contains("bpmn/patron-enquiry.bpmn", "forms/patron-enquiry.form", "forms/answer-patron-enquiry.form")
                .allMatch(name -> name.matches("(bpmn/[\\w-]+\\.(bpmn|dmn))|(forms/[\\w-]+\\.form)"))
                .isEqualTo(fromFolderNames);
    }

    @Test
    void everyDiagramDecisionTableAndFormIsDeployed() throws IOException {
        try (var files = Files.walk(folder)) {
            List<String> onDisk = files.filter(Files::isRegularFile)
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
            assertThat(resourceNames(fromFolder.deploy())).isEqualTo(onDisk);
        }
    }

    @Test
    void anUnchangedRestartCreatesNoNewVersion() {
        DeploymentWithDefinitions first = fromFolder.deploy();
        int version = latest("patron-enquiry").getVersion();

        DeploymentWithDefinitions second = fromFolder.deploy();

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(repositoryService.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).count()).isEqualTo(1);
        assertThat(latest("patron-enquiry").getVersion()).isEqualTo(version);
    }

    @Test
    void aChangedFileCreatesExactlyOneNewVersionOfItAndNothingElse() throws IOException {
        fromFolder.deploy();
        ProcessDefinition before = latest("patron-enquiry");
        Path diagram = folder.resolve("bpmn/patron-enquiry.bpmn");
        Files.writeString(diagram, Files.readString(diagram).replace("name=\"Patron enquiry\"", "name=\"Patron enquiry, revised\""),
                StandardCharsets.UTF_8);

        DeploymentWithDefinitions changed = fromFolder.deploy();
        fromFolder.deploy();

        assertThat(resourceNames(changed)).containsExactly("bpmn/patron-enquiry.bpmn");
        ProcessDefinition after = latest("patron-enquiry");
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(after.getName()).isEqualTo("Patron enquiry, revised");
        assertThat(repositoryService.createDeploymentQuery().deploymentName(ProcessResourceDeployer.DEPLOYMENT_NAME).count()).isEqualTo(2);
    }

    private ProcessDefinition latest(String key) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    private List<String> resourceNames(DeploymentWithDefinitions deployment) {
        return repositoryService.getDeploymentResources(deployment.getId()).stream().map(Resource::getName).sorted().toList();
    }
}
