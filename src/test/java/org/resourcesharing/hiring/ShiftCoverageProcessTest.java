package org.resourcesharing.hiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.mail.Notification;
import org.resourcesharing.mail.SendNotificationDelegate;
import org.resourcesharing.mail.TestNotifications;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.testsupport.RecordingTransactionManager;
import org.resourcesharing.testsupport.TestProcessEngine;

/**
 * Every path of bpmn/shift-coverage.bpmn on the plain engine, with the roster and offers on a
 * database of their own. Each test uses its own slot so that the students of other tests do not
 * count. Shifts are 4 hours; Work Study students work at most 10 hours a week, others 20.
 */
@Deployment(resources = {"bpmn/shift-coverage.bpmn", "forms/report-absence.form", "forms/cover-shift.form"})
class ShiftCoverageProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final TestHiring HIRING = TestHiring.asConfigured();
    private static final LocalDate NEXT_SATURDAY = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));

    private TestNotifications notifications;

    @BeforeEach
    void registerTheDelegates() {
        notifications = new TestNotifications();
        HIRING.registerDelegates(new SendNotificationDelegate(notifications, historyService()));
        // nobody else on the roster may cover the slots these tests use
        HIRING.jdbc.sql("update hiring_student set active = false").update();
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void theFirstOfTwoStudentsTakesTheShiftAndTheSecondIsRefused() {
        String absent = HIRING.onRoster("Ada Absent", false, "8", "sat-day");
        String ben = HIRING.onRoster("Ben Quick", false, "8", "sat-day");
        String cleo = HIRING.onRoster("Cleo Slow", false, "8", "sat-day");
        HIRING.onRoster("Dan Weekdays", false, "8", "mon-evening");

        ProcessInstance coverage = report(absent, NEXT_SATURDAY, "sat-day");
        assertThat(coverage).isWaitingAt("Gateway_FirstToAccept").variables().containsEntry("offersMade", 2)
                .containsEntry("absentStudent", "Ada Absent");
        assertThat(coverage.getBusinessKey()).matches("SHIFT-\\d+");
        assertThat(notifications.sent()).extracting(Notification::recipient).containsExactly("ben.quick@trentu.example.ca", "cleo.slow@trentu.example.ca");
        assertThat(notifications.sent().get(0).model()).containsEntry("notice", "offer").containsEntry("slot", "Saturday day")
                .extractingByKey("shiftUrl").asString().startsWith("http://localhost:8080/jobs/shifts/");

        ShiftAnswers answers = new ShiftAnswers(HIRING.shifts, runtimeService(), new ProcessChangeRetry(new RecordingTransactionManager()));
        assertThat(answers.take(offerOf(coverage, ben))).isEqualTo(ShiftCoverage.Acceptance.ACCEPTED);
        assertThat(answers.take(offerOf(coverage, cleo))).isEqualTo(ShiftCoverage.Acceptance.ALREADY_TAKEN);
        runJobs(coverage);

        assertThat(coverage).isEnded().hasPassedInOrder("Event_ShiftTaken", "Task_TellOthers", "EndEvent_Covered");
        Notification taken = notifications.sent().get(notifications.sent().size() - 1);
        assertThat(taken.recipient()).isEqualTo("cleo.slow@trentu.example.ca");
        assertThat(taken.model()).containsEntry("notice", "taken");
        assertThat(HIRING.shifts.absence(coverage.getBusinessKey()).orElseThrow()).satisfies(absence -> {
            assertThat(absence.status()).isEqualTo("COVERED");
            assertThat(absence.coveredBy()).isEqualTo(ben);
            assertThat(absence.student()).isEqualTo(absent);
        });
    }

    @Test
    void aWorkStudyStudentIsNotOfferedAShiftThatTakesThemOverTenHoursAndIsRefusedOneThatWouldNow() {
        String absent = HIRING.onRoster("Eve Absent", false, "8", "sun-day,sat-evening");
        String workStudy = HIRING.onRoster("Finn Workstudy", true, "4", "sun-day,sat-evening");
        String sixHours = HIRING.onRoster("Gus Sixhours", true, "8", "sun-day");

        ProcessInstance sunday = report(absent, NEXT_SATURDAY.plusDays(1), "sun-day");
        ProcessInstance saturdayEvening = report(absent, NEXT_SATURDAY, "sat-evening");

        // Gus: 8 + 4 > 10, never asked; Finn: 4 + 4 = 8, asked for both
        assertThat(sunday).variables().containsEntry("offersMade", 1);
        assertThat(HIRING.shifts.offers(sunday.getBusinessKey(), "OFFERED")).hasSize(1);
        assertThat(notifications.sent()).extracting(Notification::recipient).doesNotContain("gus.sixhours@trentu.example.ca");
        ShiftAnswers answers = new ShiftAnswers(HIRING.shifts, runtimeService(), new ProcessChangeRetry(new RecordingTransactionManager()));
        assertThat(answers.take(offerOf(sunday, workStudy))).isEqualTo(ShiftCoverage.Acceptance.ACCEPTED);

        // now 8 hours that week: another 4 would be 12
        assertThat(answers.take(offerOf(saturdayEvening, workStudy))).isEqualTo(ShiftCoverage.Acceptance.OVER_LIMIT);
        assertThat(saturdayEvening).isWaitingAt("Gateway_FirstToAccept");
        assertThat(HIRING.shifts.absence(saturdayEvening.getBusinessKey()).orElseThrow().status()).isEqualTo("OPEN");
        assertThat(sixHours).isNotNull();
    }

    @Test
    void whenNobodyTakesTheShiftInTimeTheSupervisorCoversIt() {
        String absent = HIRING.onRoster("Hal Absent", false, "8", "fri-evening");
        HIRING.onRoster("Ivy Busy", false, "8", "fri-evening");
        String kim = HIRING.onRoster("Kim Later", false, "8", "mon-evening");

        ProcessInstance coverage = report(absent, NEXT_SATURDAY.minusDays(1), "fri-evening");
        Job timer = managementService().createJobQuery().processInstanceId(coverage.getId()).timers().singleResult();
        managementService().executeJob(timer.getId());

        assertThat(coverage).isWaitingAt("Task_CoverShift");
        assertThat(task(coverage)).hasCandidateGroup("hiring");
        assertThatThrownBy(() -> taskService().complete(task(coverage).getId(), Map.of("coveredBy", "A-999999")))
                .hasMessageContaining("coveredBy: A-999999 is not a student on the desk roster");
        taskService().complete(task(coverage).getId(), Map.of("coveredBy", kim));
        runJobs(coverage);

        assertThat(coverage).isEnded().hasPassed("EndEvent_CoveredBySupervisor");
        assertThat(HIRING.shifts.absence(coverage.getBusinessKey()).orElseThrow().coveredBy()).isEqualTo(kim);
        assertThat(HIRING.shifts.offers(coverage.getBusinessKey(), "OFFERED")).isEmpty(); // the late link takes nothing
    }

    @Test
    void whenNobodyIsAvailableTheSupervisorIsAskedAtOnceAndMayLeaveItUncovered() {
        String absent = HIRING.onRoster("Lou Alone", false, "8", "thu-evening");

        ProcessInstance coverage = report(absent, NEXT_SATURDAY.minusDays(2), "thu-evening");

        assertThat(coverage).isWaitingAt("Task_CoverShift").hasNotPassed("Task_OfferShift");
        taskService().complete(task(coverage).getId(), Map.of("coveredBy", ""));
        runJobs(coverage);
        assertThat(coverage).isEnded();
        assertThat(HIRING.shifts.absence(coverage.getBusinessKey()).orElseThrow().status()).isEqualTo("UNCOVERED");
    }

    @Test
    void anAbsenceFromASlotNotOnThatDayIsRefused() {
        String absent = HIRING.onRoster("Max Mixup", false, "8", "sat-day");

        assertThatThrownBy(() -> report(absent, NEXT_SATURDAY, "sun-day"))
                .hasMessageContaining("slot sun-day is not on saturday " + NEXT_SATURDAY);
        assertThatThrownBy(() -> report("A-" + UUID.randomUUID().hashCode(), NEXT_SATURDAY, "sat-day"))
                .hasMessageContaining("applicationNumber must be a student on the desk roster");
    }

    private ProcessInstance report(String student, LocalDate day, String slot) {
        ProcessInstance coverage = runtimeService().startProcessInstanceByKey("shift-coverage",
                Map.of("applicationNumber", student, "shiftDate", day.toString(), "slot", slot, "reason", "Exam"));
        runJobs(coverage);
        return coverage;
    }

    private ShiftCoverage.Offer offerOf(ProcessInstance coverage, String student) {
        return HIRING.jdbc.sql("select token from hiring_shift_offer where absence_id = ? and application_number = ?")
                .params(coverage.getBusinessKey(), student).query(String.class).optional().flatMap(HIRING.shifts::offerByToken).orElseThrow();
    }

    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = managementService().createJobQuery().processInstanceId(instance.getId()).executable().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService().executeJob(job.getId()));
        }
    }
}
