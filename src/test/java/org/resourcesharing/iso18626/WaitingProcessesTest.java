package org.resourcesharing.iso18626;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.platform.ProcessChangeRetry.ProcessBusyException;
import org.resourcesharing.testsupport.TestProcessEngine;

/** A partner's message and the process it is for, on the plain engine (no job executor: the test runs each step). */
@Deployment(resources = "iso18626/answering-then-awaiting-cancel.bpmn")
class WaitingProcessesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final String CANCEL = "ISO18626 Cancel";
    private static final String KEY = "ISIL:CA-OKQ/Q-1";

    private final WaitingProcesses waitingProcesses = new WaitingProcesses(engine.getRuntimeService(), engine.getManagementService());
    private ProcessInstance lending;

    /** The request reviewed: its answer to the borrower is due (the diagram is deployed just before each test, not before {@code @BeforeEach}). */
    private void reviewed() {
        lending = engine.getRuntimeService().startProcessInstanceByKey("iso18626-answering-then-awaiting-cancel", KEY);
    }

    @Test
    void aCancelThatComesWhileTheAnswerIsDueAsksThePartnerToSendItAgainAndThenReachesTheProcess() {
        reviewed();
        assertThatThrownBy(() -> waitingProcesses.correlate(CANCEL, KEY, null, Map.of("note", "found a copy")))
                .isInstanceOf(ProcessBusyException.class).hasMessageContaining(CANCEL).hasMessageContaining(KEY);
        assertThat(lending).isWaitingAt("Task_Answer");

        engine.getManagementService().executeJob(answer().getId());

        assertThat(waitingProcesses.correlate(CANCEL, KEY, null, Map.of("note", "found a copy"))).contains(lending.getId());
        assertThat(lending).isEnded().hasPassed("Event_Cancel").variables().containsEntry("note", "found a copy");
    }

    @Test
    void aCancelForAProcessWhoseAnswerFailedAndWaitsForItsRetryIsKeptForStaff() {
        reviewed();
        engine.getManagementService().setJobRetries(answer().getId(), 4);
        engine.getManagementService().setJobDuedate(answer().getId(), Date.from(Instant.now().plus(5, ChronoUnit.MINUTES)));

        assertThat(waitingProcesses.correlate(CANCEL, KEY, null, Map.of())).isEmpty();
        assertThat(lending).isWaitingAt("Task_Answer");
    }

    @Test
    void aMessageThatTheProcessWaitsForNeitherNowNorNextIsKeptForStaff() {
        reviewed();
        engine.getManagementService().executeJob(answer().getId());

        assertThat(waitingProcesses.correlate("ISO18626 Renew", KEY, null, Map.of())).isEmpty();
        assertThat(waitingProcesses.correlate(CANCEL, "ISIL:CA-OKQ/unknown", null, Map.of())).isEmpty();
        assertThat(lending).isWaitingAt("Event_Cancel");
    }

    private Job answer() {
        return engine.getManagementService().createJobQuery().processInstanceId(lending.getId()).singleResult();
    }
}
