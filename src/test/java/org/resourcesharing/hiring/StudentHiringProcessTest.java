package org.resourcesharing.hiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

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
import org.resourcesharing.testsupport.TestProcessEngine;

/**
 * Every path of bpmn/student-hiring.bpmn with the real delegates on the hiring tables (a database of
 * their own here), the mail server replaced at the notification boundary.
 */
@Deployment(resources = {"bpmn/student-hiring.bpmn", "forms/hiring-posting.form", "forms/approve-posting.form", "forms/revise-posting.form",
        "forms/screen-applications.form", "forms/no-candidate.form", "forms/schedule-interviews.form", "forms/record-interview.form",
        "forms/choose-candidate.form", "forms/offer-expired.form", "bpmn/student-onboarding.bpmn", "forms/onboarding-late.form"})
class StudentHiringProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final TestHiring HIRING = TestHiring.asConfigured();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Toronto"));

    private TestNotifications notifications;

    @BeforeEach
    void registerTheDelegates() {
        notifications = new TestNotifications();
        HIRING.registerDelegates(new SendNotificationDelegate(notifications, historyService()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aWageBelowTheMinimumInForceOnTheStartDateIsRefusedAtPosting() {
        Map<String, Object> posting = posting(1);
        posting.put("requestedRate", "17.20");

        assertThatThrownBy(() -> start(posting)).hasMessageContaining(
                "requestedRate pays 17.20 an hour, below the minimum wage of 17.60 in force on " + TODAY.plusDays(30));
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey("student-hiring").variableValueEquals("hourlyRate", "17.20")
                .count()).isZero();
    }

    @Test
    void aCategoryRateLeftBehindByARaisedMinimumWageIsRefusedFromTheDayTheRaiseIsInForce() {
        TestHiring raised = TestHiring.withMinimumRaisedOn(TODAY.plusDays(20).toString(), "18.00");
        raised.registerDelegates(new SendNotificationDelegate(notifications, historyService()));
        Map<String, Object> before = posting(1);
        before.put("startDate", TODAY.plusDays(19).toString());
        before.put("closingDate", TODAY.plusDays(10).toString());

        assertThat(start(before)).isWaitingAt("Task_ApprovePosting").variables().containsEntry("hourlyRate", "17.60")
                .containsEntry("minimumWage", "17.60");
        assertThatThrownBy(() -> start(posting(1))).hasMessageContaining(
                "wageCategory pays 17.60 an hour, below the minimum wage of 18.00 in force on " + TODAY.plusDays(30));
    }

    @Test
    void aWorkStudyPositionOfMoreThanTenHoursIsRefused() {
        Map<String, Object> posting = posting(1);
        posting.put("workStudy", true);
        posting.put("hoursPerWeek", 12L);

        assertThatThrownBy(() -> start(posting)).hasMessageContaining("hoursPerWeek a Work Study position has at most 10 hours a week");
    }

    @Test
    void theManagersSendThePostingBackAndApproveItRevised() {
        ProcessInstance hiring = start(posting(1));
        assertThat(hiring).isWaitingAt("Task_ApprovePosting").hasBusinessKey(hiring.getBusinessKey());
        assertThat(hiring.getBusinessKey()).matches("JOB-\\d{6}");
        assertThat(task(hiring)).hasCandidateGroup("managers");
        assertThat(hiring).variables().containsEntry("hourlyRate", "17.60").containsEntry("supervisorLimitWarning", "")
                .containsEntry("postingNumber", hiring.getBusinessKey());

        complete(hiring, Map.of("postingDecision", "sendBack", "approvalComments", "Say which evenings"));
        assertThat(hiring).isWaitingAt("Task_RevisePosting");
        assertThat(task(hiring)).hasCandidateGroup("hiring");
        complete(hiring, Map.of("duties", "Circulation desk, Monday and Tuesday evenings", "wageCategory", "specialized"));

        assertThat(hiring).isWaitingAt("Task_ApprovePosting").variables().containsEntry("hourlyRate", "18.10");
        assertThat(HIRING.postings.find(hiring.getBusinessKey())).isEmpty(); // not published before approval
        complete(hiring, Map.of("postingDecision", "approve"));

        assertThat(hiring).isWaitingAt("Gateway_UntilClosing").hasPassedInOrder("Task_RevisePosting", "Task_ApprovePosting", "Task_PublishPosting");
        assertThat(HIRING.postings.find(hiring.getBusinessKey())).hasValueSatisfying(published -> {
            assertThat(published.open()).isTrue();
            assertThat(published.duties()).isEqualTo("Circulation desk, Monday and Tuesday evenings");
        });
        assertThat(notifications.sent()).extracting(Notification::recipient)
                .containsExactly("careers@trentu.example.ca", "student-jobs@trentu.example.ca");
        assertThat(notifications.sent()).allSatisfy(mail -> {
            assertThat(mail.template()).isEqualTo("hiring-posting");
            assertThat(mail.caseToken()).isEqualTo(hiring.getBusinessKey());
            assertThat(mail.model()).containsEntry("postingUrl", "http://localhost:8080/jobs/" + hiring.getBusinessKey());
        });
    }

    @Test
    void aPostingThatWouldGiveTheSupervisorMoreThanSixStudentsIsFlaggedForTheManagers() {
        ProcessInstance hiring = start(posting(7));

        assertThat(hiring).isWaitingAt("Task_ApprovePosting").variables().containsEntry("supervisorLimitWarning",
                "hana directs 0 student(s) now; 7 more would be 7, above the limit of 6");
    }

    @Test
    void withoutApplicantsTheSupervisorExtendsThePostingOrWithdrawsIt() {
        ProcessInstance hiring = published(posting(1));

        closeApplications(hiring);
        assertThat(hiring).isWaitingAt("Task_NoCandidate").variables().containsEntry("applicationCount", 0);
        assertThat(HIRING.postings.find(hiring.getBusinessKey()).orElseThrow().open()).isFalse();

        complete(hiring, Map.of("noCandidateDecision", "extend", "closingDate", TODAY.plusDays(20).toString()));
        assertThat(hiring).isWaitingAt("Task_ApprovePosting");
        complete(hiring, Map.of("postingDecision", "approve"));
        assertThat(hiring).isWaitingAt("Gateway_UntilClosing");
        assertThat(HIRING.postings.find(hiring.getBusinessKey()).orElseThrow()).satisfies(reopened -> {
            assertThat(reopened.open()).isTrue();
            assertThat(reopened.closingDate()).isEqualTo(TODAY.plusDays(20));
        });

        closeApplications(hiring);
        complete(hiring, Map.of("noCandidateDecision", "withdraw"));
        assertThat(hiring).isEnded().hasPassed("EndEvent_Withdrawn");
    }

    @Test
    void applicationsByTheFormAndByEmailAreScreenedTogether() {
        ProcessInstance hiring = published(posting(1));
        HIRING.applyByForm(hiring.getBusinessKey(), "Ada Form", "ada@trentu.example.ca", "mon-evening,sat-day");

        runtimeService().createMessageCorrelation("Job application").processInstanceBusinessKey(hiring.getBusinessKey())
                .setVariables(Map.of("applicantName", "Ben Mail", "applicantEmail", "ben@trentu.example.ca", "resumeFileName", "cv.docx",
                        "resumeText", "Ben Mail\nEducation: Trent\nExperience: shelving at the public library"))
                .correlate();

        assertThat(hiring).isWaitingAt("Gateway_UntilClosing").hasPassed("Task_RecordEmailedApplication");
        assertThat(runtimeService().getVariables(hiring.getId())).doesNotContainKeys("applicantName", "applicantEmail", "resumeText");
        closeApplications(hiring);

        assertThat(hiring).isWaitingAt("Task_ScreenApplications").variables().containsEntry("applicationCount", 2)
                .containsEntry("shiftsToCover", "mon-evening, tue-evening, sat-day, sun-day");
        assertThat((String) runtimeService().getVariable(hiring.getId(), "applicationsSummary"))
                .contains("Ada Form <ada@trentu.example.ca>, by form", "covers 2 of 4 shifts to cover (not: tue-evening, sun-day)",
                        "Ben Mail <ben@trentu.example.ca>, by email", "Availability not given", "Résumé (cv.docx): Ben Mail Education: Trent");
    }

    @Test
    void aShortlistNamingAnotherPostingsApplicationIsNotAccepted() {
        ProcessInstance other = published(posting(1));
        String elsewhere = HIRING.applyByForm(other.getBusinessKey(), "Cleo Else", "cleo@trentu.example.ca", "sat-day");
        ProcessInstance hiring = published(posting(1));
        HIRING.applyByForm(hiring.getBusinessKey(), "Ada Form", "ada@trentu.example.ca", "mon-evening");
        closeApplications(hiring);

        assertThatThrownBy(() -> complete(hiring, Map.of("shortlist", elsewhere)))
                .hasMessageContaining("shortlist: " + elsewhere + " - not an application to " + hiring.getBusinessKey());
        assertThat(hiring).isWaitingAt("Task_ScreenApplications");
    }

    @Test
    void nobodySuitableLeadsToExtendingOrWithdrawing() {
        ProcessInstance hiring = published(posting(1));
        HIRING.applyByForm(hiring.getBusinessKey(), "Ada Form", "ada@trentu.example.ca", "mon-evening");
        closeApplications(hiring);

        complete(hiring, Map.of("shortlist", ""));

        assertThat(hiring).isWaitingAt("Task_NoCandidate");
    }

    @Test
    void theChosenCandidateAcceptsTheOffer() {
        Candidates candidates = interviewed(posting(1));
        ProcessInstance hiring = candidates.hiring();
        complete(hiring, Map.of("chosenCandidate", candidates.second().toLowerCase()));
        runJobs(hiring);

        assertThat(hiring).isWaitingAt("Gateway_OfferAnswer").variables().containsEntry("offerCandidate", candidates.second())
                .containsEntry("candidateEmail", "ben@trentu.example.ca");
        Notification offer = last("hiring-offer");
        assertThat(offer.recipient()).isEqualTo("ben@trentu.example.ca");
        assertThat(offer.model()).containsEntry("notice", "offer").extractingByKey("offerUrl").asString()
                .matches("http://localhost:8080/jobs/offers/[A-Za-z0-9_-]{43}");
        assertThat(HIRING.applications.byOfferToken(token(offer))).hasValueSatisfying(offered -> {
            assertThat(offered.applicationNumber()).isEqualTo(candidates.second());
            assertThat(offered.status()).isEqualTo("OFFERED");
        });

        runtimeService().createMessageCorrelation("Offer accepted").processInstanceBusinessKey(hiring.getBusinessKey()).correlate();

        assertThat(hiring).isEnded().hasPassedInOrder("Task_ChooseCandidate", "Task_MakeOffer", "Task_EmailOffer", "Event_OfferAccepted",
                "Task_RecordHire", "Task_StartOnboarding", "EndEvent_Hired");
        ProcessInstance onboarding = runtimeService().createProcessInstanceQuery().processDefinitionKey("student-onboarding")
                .processInstanceBusinessKey(candidates.second()).singleResult();
        assertThat(onboarding).isNotNull().variables().containsEntry("studentEmail", "ben@trentu.example.ca").containsEntry("supervisor", "hana")
                .containsEntry("postingNumber", hiring.getBusinessKey());
        assertThat(HIRING.applications.find(candidates.second()).orElseThrow().status()).isEqualTo("HIRED");
        assertThat(HIRING.applications.find(candidates.first()).orElseThrow().status()).isEqualTo("SHORTLISTED");
    }

    @Test
    void aDeclinedOfferGoesToTheNextCandidateAndWhenAllDeclineBackToScreening() {
        Candidates candidates = interviewed(posting(1));
        ProcessInstance hiring = candidates.hiring();
        complete(hiring, Map.of("chosenCandidate", candidates.first()));
        runJobs(hiring);

        runtimeService().createMessageCorrelation("Offer declined").processInstanceBusinessKey(hiring.getBusinessKey()).correlate();
        runJobs(hiring);

        assertThat(hiring).isWaitingAt("Gateway_OfferAnswer").variables().containsEntry("offerCandidate", candidates.second());
        assertThat(last("hiring-offer").recipient()).isEqualTo("ben@trentu.example.ca");
        assertThat(HIRING.applications.find(candidates.first()).orElseThrow().status()).isEqualTo("DECLINED");

        runtimeService().createMessageCorrelation("Offer declined").processInstanceBusinessKey(hiring.getBusinessKey()).correlate();

        assertThat(hiring).isWaitingAt("Task_ScreenApplications");
        assertThat(HIRING.applications.find(candidates.second()).orElseThrow().status()).isEqualTo("DECLINED");
        assertThatThrownBy(() -> complete(hiring, Map.of("shortlist", candidates.first())))
                .hasMessageContaining("not an application to " + hiring.getBusinessKey() + " that can be shortlisted");
    }

    @Test
    void anUnansweredOfferIsRemindedThenExpiresAndGoesToTheNextCandidate() {
        Candidates candidates = interviewed(posting(1));
        ProcessInstance hiring = candidates.hiring();
        complete(hiring, Map.of("chosenCandidate", candidates.first()));
        runJobs(hiring);

        fireTimer(hiring); // three days without an answer
        runJobs(hiring);
        assertThat(hiring).isWaitingAt("Gateway_ReminderAnswer");
        Notification reminder = last("hiring-offer");
        assertThat(reminder.model()).containsEntry("notice", "reminder");
        assertThat(reminder.recipient()).isEqualTo("ada@trentu.example.ca");

        fireTimer(hiring); // a day after the reminder
        assertThat(hiring).isWaitingAt("Task_OfferExpired");
        assertThat(task(hiring)).hasCandidateGroup("hiring");

        complete(hiring, Map.of("expiredDecision", "renew"));
        runJobs(hiring);
        assertThat(hiring).isWaitingAt("Gateway_OfferAnswer").variables().containsEntry("offerCandidate", candidates.first());

        fireTimer(hiring);
        runJobs(hiring);
        fireTimer(hiring);
        complete(hiring, Map.of("expiredDecision", "next"));
        runJobs(hiring);

        assertThat(hiring).isWaitingAt("Gateway_OfferAnswer").variables().containsEntry("offerCandidate", candidates.second());
        assertThat(HIRING.applications.find(candidates.first()).orElseThrow().status()).isEqualTo("EXPIRED");
        runtimeService().createMessageCorrelation("Offer accepted").processInstanceBusinessKey(hiring.getBusinessKey()).correlate();
        assertThat(hiring).isEnded();
    }

    @Test
    void twoPositionsAreOfferedOneAfterTheOther() {
        Candidates candidates = interviewed(posting(2));
        ProcessInstance hiring = candidates.hiring();
        complete(hiring, Map.of("chosenCandidate", candidates.second()));
        runJobs(hiring);
        runtimeService().createMessageCorrelation("Offer accepted").processInstanceBusinessKey(hiring.getBusinessKey()).correlate();
        runJobs(hiring);

        assertThat(hiring).isWaitingAt("Gateway_OfferAnswer").variables().containsEntry("offerCandidate", candidates.first())
                .containsEntry("hires", 1);
        runtimeService().createMessageCorrelation("Offer declined").processInstanceBusinessKey(hiring.getBusinessKey()).correlate();

        assertThat(hiring).isEnded().hasPassed("EndEvent_Hired");
        assertThat(HIRING.applications.find(candidates.first()).orElseThrow().status()).isEqualTo("DECLINED");
    }

    /** A published posting with two candidates interviewed, waiting for the choice. */
    private Candidates interviewed(Map<String, Object> posting) {
        ProcessInstance hiring = published(posting);
        String ada = HIRING.applyByForm(hiring.getBusinessKey(), "Ada Form", "ada@trentu.example.ca", "mon-evening,sat-day");
        String ben = HIRING.applyByForm(hiring.getBusinessKey(), "Ben Form", "ben@trentu.example.ca", "tue-evening");
        HIRING.applyByForm(hiring.getBusinessKey(), "Cleo Form", "cleo@trentu.example.ca", "");
        closeApplications(hiring);
        complete(hiring, Map.of("shortlist", ada + ", " + ben));
        assertThat(hiring).isWaitingAt("Task_ScheduleInterviews");

        assertThatThrownBy(() -> complete(hiring, Map.of("interviewSchedule", ada + ": Monday 14:00")))
                .hasMessageContaining("interviewSchedule: no time for " + ben);
        complete(hiring, Map.of("interviewSchedule", ada + ": Monday 2 March, 14:00, room 204\n" + ben.toLowerCase() + " - Tuesday 3 March, 10:00"));
        runJobs(hiring);

        List<Notification> invitations = notifications.sent().stream().filter(mail -> mail.template().equals("hiring-interview")).toList();
        assertThat(invitations).extracting(Notification::recipient).containsExactly("ada@trentu.example.ca", "ben@trentu.example.ca");
        assertThat(invitations.get(0).model()).containsEntry("interviewAt", "Monday 2 March, 14:00, room 204").containsEntry("candidateName", "Ada Form");
        assertThat(invitations).allSatisfy(mail -> assertThat(mail.caseToken()).isEqualTo(hiring.getBusinessKey()));

        List<Task> interviews = taskService().createTaskQuery().processInstanceId(hiring.getId()).taskDefinitionKey("Task_RecordInterview").list();
        assertThat(interviews).hasSize(2);
        for (Task interview : interviews) {
            String candidate = (String) taskService().getVariable(interview.getId(), "candidate");
            assertThat((String) taskService().getVariable(interview.getId(), "candidateSummary")).startsWith(candidate + "  ");
            taskService().complete(interview.getId(), Map.of("interviewScore", candidate.equals(ada) ? 7L : 9L, "interviewNotes", "Good with patrons"));
        }
        runJobs(hiring);
        assertThat(hiring).isWaitingAt("Task_ChooseCandidate");
        assertThat((String) taskService().getVariable(task(hiring).getId(), "interviewResults")).contains("score 7/10", "score 9/10");
        assertThatThrownBy(() -> complete(hiring, Map.of("chosenCandidate", "A-999999"))).hasMessageContaining("chosenCandidate: must be one of");
        return new Candidates(hiring, ada, ben);
    }

    private record Candidates(ProcessInstance hiring, String first, String second) {
    }

    /** Drafted, approved, published and announced: open for applications. */
    private ProcessInstance published(Map<String, Object> posting) {
        ProcessInstance hiring = start(posting);
        complete(hiring, Map.of("postingDecision", "approve"));
        assertThat(hiring).isWaitingAt("Gateway_UntilClosing");
        return hiring;
    }

    private ProcessInstance start(Map<String, Object> posting) {
        return runtimeService().startProcessInstanceByKey("student-hiring", posting);
    }

    private Map<String, Object> posting(long positions) {
        Map<String, Object> posting = new HashMap<>();
        posting.put("title", "Service desk assistant");
        posting.put("duties", "Circulation desk, evenings and weekends");
        posting.put("hoursPerWeek", 8L);
        posting.put("wageCategory", "unspecialized");
        posting.put("workStudy", false);
        posting.put("positions", positions);
        posting.put("startDate", TODAY.plusDays(30).toString());
        posting.put("closingDate", TODAY.plusDays(14).toString());
        posting.put("supervisor", "hana");
        return posting;
    }

    /** Completes the task the instance waits at and runs the step after it (user tasks continue asynchronously). */
    private void complete(ProcessInstance instance, Map<String, Object> variables) {
        taskService().complete(task(instance).getId(), variables);
        runJobs(instance);
    }

    /** Runs every job that is due now (the async steps), until none is left. */
    private void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = managementService().createJobQuery().processInstanceId(instance.getId()).executable().timers().list();
            List<Job> jobs = managementService().createJobQuery().processInstanceId(instance.getId()).executable().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService().executeJob(job.getId()));
            assertThat(due).isEmpty();
        }
    }

    private void closeApplications(ProcessInstance hiring) {
        fireTimer(hiring);
        runJobs(hiring);
    }

    /** Fires the one timer the instance waits for, whenever it is due. */
    private void fireTimer(ProcessInstance instance) {
        Job timer = managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
        managementService().executeJob(timer.getId());
    }

    private Notification last(String template) {
        List<Notification> sent = notifications.sent().stream().filter(mail -> mail.template().equals(template)).toList();
        return sent.get(sent.size() - 1);
    }

    private static String token(Notification offer) {
        String url = (String) offer.model().get("offerUrl");
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
