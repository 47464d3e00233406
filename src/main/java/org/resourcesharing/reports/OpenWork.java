package org.resourcesharing.reports;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.resourcesharing.reports.ReportTable.Column;
import org.springframework.stereotype.Component;

/** "Where work is stuck": per activity of a process, the instances waiting there now and for how long. */
@Component
class OpenWork {

    private final WorkMeasures work;
    private final RepositoryService repositoryService;
    private final ProcessModels models;

    OpenWork(WorkMeasures work, RepositoryService repositoryService, ProcessModels models) {
        this.work = work;
        this.repositoryService = repositoryService;
        this.models = models;
    }

    /** The processes the viewer may look at, latest versions, by name. */
    List<ProcessDefinition> processes(Viewer viewer) {
        return repositoryService.createProcessDefinitionQuery().latestVersion().withoutTenantId().list().stream()
                .filter(definition -> viewer.sees(definition.getKey()))
                .sorted(Comparator.comparing((ProcessDefinition definition) -> definition.getName() == null ? definition.getKey() : definition.getName()))
                .toList();
    }

    ReportTable table(String processKey) {
        List<List<Object>> rows = work.openWork(processKey, LocalDateTime.now()).stream()
                .map(open -> Arrays.<Object>asList(open.activityId(), models.activityName(processKey, open.activityId()), open.open(), open.medianHours(),
                        open.oldestHours()))
                .toList();
        return new ReportTable("open-work", "Open work", "Instances waiting on each activity now, with the median and longest hours they have waited.",
                List.of(new Column("activityId", "Activity id"), new Column("activity", "Activity"), new Column("open", "Open"),
                        new Column("medianHours", "Median wait (hours)"), new Column("oldestHours", "Longest wait (hours)")),
                rows, null);
    }
}
