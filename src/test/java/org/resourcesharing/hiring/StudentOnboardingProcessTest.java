package org.resourcesharing.hiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import org.resourcesharing.platform.FieldErrors.FieldError;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.testsupport.RecordingTransactionManager;
import org.resourcesharing.testsupport.TestProcessEngine;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Every path of bpmn/student-onboarding.bpmn, with items recorded through the personnel file API's
 * controller (its checks, the encrypted store, the message to the process) on the plain engine.
 */
@Deployment(resources = {"bpmn/student-onboarding.bpmn", "forms/onboarding-late.form"})
class StudentOnboardingProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final TestHiring HIRING = TestHiring.asConfigured();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Toronto"));
    private static final Principal HANA = () -> "hana";

    private TestNotifications notifications;
    private PersonnelFileController api;
    private String student;

    @BeforeEach
    void registerTheDelegates() {
        notifications = new TestNotifications();
        HIRING.registerDelegates(new SendNotificationDelegate(notifications, historyService()));
        api = new PersonnelFileController(HIRING.personnelFile, new PersonnelRetention(HIRING.jdbc, HIRING.personnelFile, HIRING.properties),
                HIRING.applications, runtimeService(), new ProcessChangeRetry(new RecordingTransactionManager()), HIRING.properties);
        HIRING.postings.publish(new Postings.Posting("JOB-9" + System.nanoTime() % 100000, "Desk assistant", "Desk", BigDecimal.TEN, "unspecialized",
                new BigDecimal("17.60"), false, 1, TODAY.plusDays(10), TODAY.plusDays(5), "hana", true), "test");
        String posting = HIRING.postings.open().get(HIRING.postings.open().size() - 1).postingNumber();
        student = HIRING.applyByForm(posting, "Noor Haddad", "noor@trentu.example.ca", "sat-day,sun-day");
        HIRING.applications.settle(student, "HIRED");
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aCompletePersonnelFilePutsTheStudentOnTheRosterAndWelcomesThem() throws Exception {
        ProcessInstance onboarding = start(false);
        assertThat(notifications.sent()).extracting(Notification::template, Notification::recipient)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hiring-onboarding", "noor@trentu.example.ca"));
        assertThat(notifications.sent().get(0).model()).containsEntry("notice", "documents").containsEntry("sinDueDate",
                TODAY.plusDays(13).toString());
        assertThat(onboarding).isWaitingAt("Task_WaitTd1", "Task_WaitSin", "Task_WaitBanking", "Task_WaitAoda", "Task_WaitWhsa")
                .hasNotPassed("Task_WaitEligibility");

        handInEverything();

        runJobs(onboarding);
        assertThat(onboarding).isEnded().hasPassedInOrder("Gateway_Join", "Task_AddToRoster", "Task_Welcome", "EndEvent_OnRoster");
        assertThat(last().model()).containsEntry("notice", "welcome");
        assertThat(HIRING.jdbc.sql("select name, supervisor, availability, active from hiring_student where application_number = ?").param(student)
                .query().singleRow()).containsEntry("NAME", "Noor Haddad").containsEntry("SUPERVISOR", "hana")
                .containsEntry("AVAILABILITY", "sat-day,sun-day").containsEntry("ACTIVE", true);
        assertThat(HIRING.postings.activeStudents("hana")).isPositive();
    }

    @Test
    void sinAndBankingDetailsAreEncryptedAtRestAndNeverInTheProcess() throws Exception {
        ProcessInstance onboarding = start(false);
        api.sin(student, new PersonnelFileController.Sin("046 454 286", null), HANA);
        api.banking(student, new PersonnelFileController.Banking("001", "12345", "9876543"), HANA);

        byte[] stored = HIRING.jdbc.sql("select content from hiring_personnel_item where application_number = ? and item = 'sin'").param(student)
                .query((row, n) -> row.getBytes(1)).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("046454286");
        assertThat(new String(HIRING.personnelFile.content(student, "sin").orElseThrow(), StandardCharsets.UTF_8)).contains("\"sin\":\"046454286\"");
        assertThat(new String(HIRING.personnelFile.content(student, "banking").orElseThrow(), StandardCharsets.UTF_8)).contains("9876543");
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(onboarding.getId()).list())
                .allSatisfy(variable -> assertThat(String.valueOf(variable.getValue())).doesNotContain("046454286", "9876543"));
        assertThat(onboarding).hasPassed("Task_WaitSin", "Task_WaitBanking");
    }

    @Test
    void aYearAfterEmploymentEndsThePersonnelFileIsDeletedAndTheStudentAnonymised() throws Exception {
        ProcessInstance onboarding = start(false);
        handInEverything();
        runJobs(onboarding);
        assertThat(onboarding).isEnded();
        PersonnelRetention retention = new PersonnelRetention(HIRING.jdbc, HIRING.personnelFile, HIRING.properties);
        LocalDate lastDay = TODAY.plusDays(100);

        api.endOfEmployment(student, new PersonnelFileController.EndOfEmployment(lastDay));
        assertThat(retention.purge(lastDay.plusYears(1))).extracting(PersonnelRetention.Purged::studentsAnonymised).isEqualTo(0);
        assertThat(HIRING.personnelFile.items(student)).hasSize(5);

        PersonnelRetention.Purged purged = retention.purge(lastDay.plusYears(1).plusDays(1));

        assertThat(purged.personnelItemsDeleted()).isEqualTo(5);
        assertThat(HIRING.personnelFile.items(student)).isEmpty();
        assertThat(HIRING.applications.find(student).orElseThrow()).satisfies(application -> {
            assertThat(application.applicantName()).isEqualTo(PersonnelRetention.ANONYMISED);
            assertThat(application.email()).isEqualTo(PersonnelRetention.ANONYMISED);
            assertThat(application.resumeText()).isNull();
            assertThat(application.studentNumber()).isNull();
        });
        assertThat(HIRING.jdbc.sql("select name, active from hiring_student where application_number = ?").param(student).query().singleRow())
                .containsEntry("NAME", PersonnelRetention.ANONYMISED).containsEntry("ACTIVE", false);
        assertThat(retention.purge(lastDay.plusYears(1).plusDays(1)).personnelItemsDeleted()).isZero(); // again: nothing twice
    }

    @Test
    void aTemporarySinWithoutItsExpiryDateIsRejectedAndAnExpiredOneBlocks() throws Exception {
        ProcessInstance onboarding = start(false);

        assertThat(refusal(() -> api.sin(student, new PersonnelFileController.Sin("900-000-001", null), HANA)))
                .containsExactly(new FieldError("expiryDate", "a temporary SIN (starting with 9) must have its expiry date"));
        assertThat(refusal(() -> api.sin(student, new PersonnelFileController.Sin("900000001", TODAY.minusDays(1)), HANA)))
                .containsExactly(new FieldError("expiryDate", "the temporary SIN expired on " + TODAY.minusDays(1)
                        + ": the student cannot be paid until they give a valid one"));
        assertThat(refusal(() -> api.sin(student, new PersonnelFileController.Sin("046454287", null), HANA)))
                .containsExactly(new FieldError("sin", "is not a valid Social Insurance Number (its check digit does not match)"));
        assertThat(onboarding).isWaitingAt("Task_WaitSin");
        assertThat(HIRING.personnelFile.items(student)).isEmpty();

        api.sin(student, new PersonnelFileController.Sin("900000001", TODAY.plusYears(1)), HANA);
        assertThat(onboarding).hasPassed("Task_WaitSin");
    }

    @Test
    void aLateItemRemindsTheStudentThenGivesTheSupervisorATaskAndIsStillAwaited() throws Exception {
        ProcessInstance onboarding = start(false);

        fire(onboarding, "Event_SinReminder");
        runJobs(onboarding);
        assertThat(last().model()).containsEntry("notice", "reminder").containsEntry("item", "the Social Insurance Number")
                .containsEntry("due", TODAY.plusDays(13).toString());
        fire(onboarding, "Event_SinLate");
        Task late = taskService().createTaskQuery().processInstanceId(onboarding.getId()).taskDefinitionKey("Task_SinLate").singleResult();
        assertThat(late.getAssignee()).isEqualTo("hana");
        assertThat(taskService().getVariable(late.getId(), "lateItem")).isEqualTo("the Social Insurance Number");
        assertThat(onboarding).isWaitingAt("Task_WaitSin", "Task_SinLate");

        taskService().complete(late.getId(), Map.of("followUpNote", "Called Noor; bringing it Monday"));
        runJobs(onboarding);
        handInEverything();
        runJobs(onboarding);
        assertThat(onboarding).isEnded().hasPassed("EndEvent_SinFollowedUp", "EndEvent_SinReminded", "EndEvent_OnRoster");
    }

    @Test
    void aWorkStudyStudentNeedsEligibilityFullTimeWithStudentAid() throws Exception {
        ProcessInstance onboarding = start(true);
        handInEverything();
        assertThat(onboarding).isWaitingAt("Task_WaitEligibility");

        assertThat(refusal(() -> api.eligibility(student, new PersonnelFileController.Eligibility("OSAP", BigDecimal.ONE, false, "2026FA"), HANA)))
                .containsExactly(new FieldError("credits", "must be at least 1.5 this term (full-time)"));
        assertThat(refusal(() -> api.eligibility(student, new PersonnelFileController.Eligibility("none", new BigDecimal("2.0"), false, "2026FA"),
                HANA))).extracting(FieldError::field).containsExactly("aid");
        api.eligibility(student, new PersonnelFileController.Eligibility("OSAP", BigDecimal.ONE, true, "2026FA"), HANA);
        runJobs(onboarding);
        assertThat(onboarding).isWaitingAt("Gateway_UntilEmploymentEnds").hasPassed("Task_WaitEligibility", "Task_AddToRoster", "Task_Welcome");

        // every term: asked again, and late means a task for the supervisor
        fire(onboarding, "Event_NextTerm");
        runJobs(onboarding);
        assertThat(last().model()).containsEntry("notice", "term").containsKey("termStart");
        fire(onboarding, "Event_TermEligibilityLate");
        assertThat(taskService().createTaskQuery().processInstanceId(onboarding.getId()).taskDefinitionKey("Task_TermEligibilityLate")
                .singleResult().getAssignee()).isEqualTo("hana");
        api.eligibility(student, new PersonnelFileController.Eligibility("OSAP", new BigDecimal("1.5"), false, "2027WI"), HANA);
        assertThat(onboarding).isWaitingAt("Gateway_UntilEmploymentEnds", "Task_TermEligibilityLate");
        taskService().complete(taskService().createTaskQuery().processInstanceId(onboarding.getId()).singleResult().getId(),
                Map.of("followUpNote", "Confirmed late"));
        runJobs(onboarding);

        api.endOfEmployment(student, new PersonnelFileController.EndOfEmployment(TODAY.plusDays(120)));
        assertThat(onboarding).isEnded().hasPassed("EndEvent_EmploymentEnded");
        assertThat(HIRING.postings.activeStudents("hana")).isGreaterThanOrEqualTo(0);
        assertThat(HIRING.jdbc.sql("select active from hiring_student where application_number = ?").param(student).query(Boolean.class).single())
                .isFalse();
    }

    private void handInEverything() throws Exception {
        api.document(student, "td1", new MockMultipartFile("file", "td1.pdf", "application/pdf", pdf()), HANA);
        if (!HIRING.personnelFile.items(student).stream().anyMatch(item -> item.item().equals("sin"))) {
            api.sin(student, new PersonnelFileController.Sin("046454286", null), HANA);
        }
        api.banking(student, new PersonnelFileController.Banking("001", "12345", "9876543"), HANA);
        api.document(student, "aoda", new MockMultipartFile("file", "aoda.pdf", "application/pdf", pdf()), HANA);
        assertThat(refusal(() -> api.document(student, "whsa", new MockMultipartFile("file", "whsa.txt", "text/plain",
                "done".getBytes(StandardCharsets.UTF_8)), HANA))).extracting(FieldError::field).containsExactly("file");
        api.document(student, "whsa", new MockMultipartFile("file", "whsa.pdf", "application/pdf", pdf()), HANA);
    }

    private ProcessInstance start(boolean workStudy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationNumber", student);
        variables.put("studentName", "Noor Haddad");
        variables.put("studentEmail", "noor@trentu.example.ca");
        variables.put("supervisor", "hana");
        variables.put("title", "Desk assistant");
        variables.put("startDate", TODAY.plusDays(10).toString());
        variables.put("workStudy", workStudy);
        variables.put("hoursPerWeek", 8L);
        ProcessInstance onboarding = runtimeService().startProcessInstanceByKey("student-onboarding", student, variables);
        runJobs(onboarding);
        return onboarding;
    }

    private static List<FieldError> refusal(ThrowingCall call) {
        try {
            call.run();
        } catch (InvalidRequestException refused) {
            return refused.errors();
        } catch (Exception other) {
            throw new AssertionError(other);
        }
        throw new AssertionError("not refused");
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    private static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"
                .getBytes(StandardCharsets.US_ASCII);
    }

    private void fire(ProcessInstance instance, String timerActivity) {
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).activityId(timerActivity).singleResult();
        managementService().executeJob(timer.getId());
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

    private Notification last() {
        return notifications.sent().get(notifications.sent().size() - 1);
    }
}
