package org.resourcesharing.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** What every diagram in bpmn/ must keep, whoever edits it: what Tasklist, Modeler and the engine rely on. */
class DiagramConventionsTest {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private final Map<String, byte[]> resources =
            new ProcessResourceDeployer(null, new PathMatchingResourcePatternResolver(), "classpath*:").findResources();

    @Test
    void everyFormReferenceNamesAFormInFormsFolderAndFollowsTheLatestVersionOrIsAnApplicationPage() throws Exception {
        Set<String> formIds = formIds();
        for (BpmnModelInstance diagram : diagrams().values()) {
            for (FlowNode node : diagram.getModelElementsByType(FlowNode.class)) {
                String formRef = node.getAttributeValueNs(CAMUNDA, "formRef");
                String externalForm = node.getAttributeValueNs(CAMUNDA, "formKey");
                if (node instanceof UserTask && externalForm == null) {
                    assertThat(formRef).as("form of user task %s", node.getId()).isNotBlank();
                }
                if (externalForm != null) {
                    // a page of this application that Tasklist opens as an external form (a file upload, which Camunda Forms cannot do)
                    assertThat(externalForm).as("external form of %s", node.getId()).startsWith("/").doesNotContain(":");
                }
                if (formRef != null) {
                    assertThat(formIds).as("form %s of %s", formRef, node.getId()).contains(formRef);
                    // only changed files are deployed, so "deployment" binding would miss unchanged forms
                    assertThat(node.getAttributeValueNs(CAMUNDA, "formRefBinding")).as("binding of %s", node.getId()).isEqualTo("latest");
                }
            }
        }
    }

    @Test
    void everyUserTaskHasACandidateGroupOrAssignee() {
        diagrams().values().forEach(diagram -> diagram.getModelElementsByType(UserTask.class).forEach(task ->
                assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null)
                        .as("candidate group of %s", task.getId()).isTrue()));
    }

    /**
     * A group listed as working every task of a process sees and works all of its tasks through one grant on
     * the process definition (StaffAuthorizations): a task of another group added to the diagram would be
     * shown to it too. Such a process must come off the group's works-every-task-of list in application.yml.
     */
    @Test
    void aGroupThatWorksEveryTaskOfAProcessIsTheOnlyCandidateGroupOfItsUserTasks() throws IOException {
        Map<String, List<UserTask>> userTasksByProcess = diagrams().values().stream()
                .flatMap(diagram -> diagram.getModelElementsByType(UserTask.class).stream())
                .collect(Collectors.groupingBy(task -> processOf(task).getId()));
        Set<String> processKeys = diagrams().values().stream()
                .flatMap(diagram -> diagram.getModelElementsByType(Process.class).stream()).map(Process::getId)
                .collect(Collectors.toSet());
        for (IdentityProperties.StaffGroup group : configuredIdentity().staffGroups()) {
            for (String processKey : group.worksEveryTaskOf()) {
                assertThat(processKeys).as("processes in bpmn/, where %s works every task of %s", group.id(), processKey)
                        .contains(processKey);
                for (UserTask task : userTasksByProcess.getOrDefault(processKey, List.of())) {
                    assertThat(task.getCamundaCandidateGroupsList())
                            .as("candidate groups of %s in %s, every task of which %s works (application.yml)", task.getId(),
                                    processKey, group.id())
                            .containsExactly(group.id());
                }
            }
        }
    }

    @Test
    void everyElementHasANameAndALayoutAndEveryProcessAHistoryTimeToLive() {
        diagrams().forEach((file, diagram) -> {
            for (Process process : diagram.getModelElementsByType(Process.class)) {
                assertThat(process.getName()).as("name of process in %s", file).isNotBlank();
                assertThat(process.getCamundaHistoryTimeToLiveString()).as("history time to live of %s", file).isNotBlank();
            }
            Set<String> drawn = diagram.getModelElementsByType(BpmnShape.class).stream()
                    .map(BpmnShape::getBpmnElement).map(BaseElement::getId).collect(Collectors.toSet());
            for (FlowNode node : diagram.getModelElementsByType(FlowNode.class)) {
                assertThat(drawn).as("layout of %s in %s", node.getId(), file).contains(node.getId());
                boolean mergingGateway = node instanceof Gateway && node.getIncoming().size() > 1;
                if (!mergingGateway) {
                    assertThat(node.getName()).as("name of %s in %s", node.getId(), file).isNotBlank();
                }
            }
        });
    }

    private static Process processOf(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        return parent instanceof Process process ? process : processOf(parent);
    }

    private static IdentityProperties configuredIdentity() throws IOException {
        var applicationYml = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        return new Binder(ConfigurationPropertySources.from(applicationYml))
                .bind("resource-sharing.identity", IdentityProperties.class).get();
    }

    private Map<String, BpmnModelInstance> diagrams() {
        return resources.entrySet().stream().filter(resource -> resource.getKey().endsWith(".bpmn"))
                .collect(Collectors.toMap(Map.Entry::getKey,
                        resource -> Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getValue()))));
    }

    private Set<String> formIds() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new HashSet<>();
        for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
            if (resource.getKey().endsWith(".form")) {
                ids.add(json.readTree(new String(resource.getValue(), StandardCharsets.UTF_8)).path("id").asText());
            }
        }
        return ids;
    }
}
