package org.resourcesharing.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/** The latest deployed version of a process: its diagram, and the names people gave its activities. */
@Component
class ProcessModels {

    private final RepositoryService repositoryService;

    ProcessModels(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    Optional<ProcessDefinition> latest(String processKey) {
        return Optional.ofNullable(repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .withoutTenantId().singleResult());
    }

    String name(String processKey) {
        return latest(processKey).map(ProcessDefinition::getName).filter(name -> !name.isBlank()).orElse(processKey);
    }

    /** The activity's name in the latest version; its id when it has none or is gone from the diagram. */
    String activityName(String processKey, String activityId) {
        if (activityId == null) {
            return null;
        }
        return latest(processKey).map(definition -> (BpmnModelInstance) repositoryService.getBpmnModelInstance(definition.getId()))
                .map(model -> model.getModelElementById(activityId)).filter(FlowElement.class::isInstance)
                .map(element -> ((FlowElement) element).getName())
                .filter(name -> !name.isBlank()).orElse(activityId);
    }

    Optional<String> diagramXml(String processKey) {
        return latest(processKey).map(definition -> {
            try (InputStream xml = repositoryService.getProcessModel(definition.getId())) {
                return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
