package org.resourcesharing.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine fills the reports' record of requests as it runs them, in its own transaction: started, milestones first
 * reached, ended, and nothing from a step that failed. The process is a stand-in deployed as a newer version of a
 * measured process (shift-coverage, with its configured milestone and end ids) and deleted again afterwards, so that the
 * real diagram is the latest again for the tests that follow.
 */
@ResourceSharingIntegrationTest
class RequestRecorderIntegrationTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    Deployment deployment;

    /** Fails the step it is in while the process variable {@code fail} is true. */
    public static class FailWhenAsked implements JavaDelegate {

        @Override
        public void execute(DelegateExecution execution) {
            if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
                throw new IllegalStateException("failing as asked");
            }
        }
    }

    @BeforeEach
    void deployStandIn() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("shift-coverage").name("Shift coverage (stand-in)").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_AbsenceReported").userTask("Task_CoverShift").name("Cover shift")
                .serviceTask("Task_Check").camundaClass(FailWhenAsked.class.getName()).endEvent("EndEvent_CoveredBySupervisor").done();
        deployment = repositoryService.createDeployment().name("reports-recorder-test").addModelInstance("shift-coverage-stand-in.bpmn", model)
                .deploy();
    }

    @AfterEach
    void removeStandIn() {
        jdbc.sql("delete from request_milestone where process_key = 'shift-coverage'").update();
        jdbc.sql("delete from request_record where process_key = 'shift-coverage'").update();
        repositoryService.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void aRequestIsRecordedAsItStartsReachesItsMilestoneAndEndsButNotByAStepRolledBack() {
        LocalDateTime before = LocalDateTime.now().minusSeconds(1);
        String id = runtimeService.startProcessInstanceByKey("shift-coverage", "SHIFT-1", Map.of("fail", true)).getId();

        assertThat(jdbc.sql("select process_key, business_key, ended from request_record where process_instance_id = ?").param(id)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), String.valueOf(rs.getTimestamp(3)))).single())
                .containsExactly("shift-coverage", "SHIFT-1", "null");
        assertThat(jdbc.sql("select started from request_record where process_instance_id = ?").param(id).query(LocalDateTime.class).single())
                .isAfter(before);

        String task = taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
        assertThatThrownBy(() -> taskService.complete(task)).hasMessageContaining("failing as asked");
        assertThat(milestones(id)).as("the failed completion was rolled back with the engine's writes").isEmpty();

        runtimeService.setVariable(id, "fail", false);
        taskService.complete(task);

        assertThat(milestones(id)).containsExactly("covered");
        assertThat(jdbc.sql("select end_activity from request_record where process_instance_id = ? and ended is not null").param(id)
                .query(String.class).single()).isEqualTo("EndEvent_CoveredBySupervisor");
    }

    private List<String> milestones(String processInstanceId) {
        return jdbc.sql("select milestone from request_milestone where process_instance_id = ?").param(processInstanceId).query(String.class).list();
    }
}
