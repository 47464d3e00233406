package org.resourcesharing.copyright.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.copyright.permission.CopyrightDecisions.Decision;
import org.resourcesharing.fees.Ledger;
import org.resourcesharing.fees.Posting;
import org.resourcesharing.fees.RecordChargeDelegate;
import org.resourcesharing.fees.TestLedgers;
import org.resourcesharing.mail.MailInbox;
import org.resourcesharing.mail.Notification;
import org.resourcesharing.mail.SendNotificationDelegate;
import org.resourcesharing.mail.TestNotifications;
import org.resourcesharing.testsupport.TestProcessEngine;

/** Every path of bpmn/copyright-permission.bpmn on the plain engine, with the real assessment, decision log and ledger. */
@Deployment(resources = {"bpmn/copyright-permission.bpmn", "bpmn/copyright-permission.dmn", "forms/copyright-permission-request.form",
        "forms/copyright-permission-complete.form", "forms/copyright-permission-review.form", "forms/copyright-permission-assess.form",
        "forms/copyright-permission-seek.form", "forms/copyright-permission-answer.form", "forms/copyright-permission-follow-up.form",
        "forms/copyright-permission-correct-fee.form"})
class CopyrightPermissionProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneId.of("America/Toronto"));
    private static final PermissionProperties PROPERTIES = new PermissionProperties(Period.ofDays(14), Period.ofDays(30), Period.ofYears(3),
            ZoneId.of("America/Toronto"), "0 30 3 * * *", Path.of("target/course-copies"), "https://ill.library.example.edu");
    private static final CopyrightDecisions LOG = TestCopyrightDecisions.newLog();
    private static final Ledger LEDGER = TestLedgers.newLedger();

    private TestNotifications notifications;

    @BeforeEach
    void replaceTheMailServerAtTheDelegatesBoundary() {
        notifications = new TestNotifications();
        Mocks.register("sendNotification", new SendNotificationDelegate(notifications, historyService()));
        Mocks.register("assessCopyrightPermission", new AssessPermissionDelegate(
                new PermissionAssessment(decisionService(), LOG, IN_2026, ReasoningMessages.bundled()), LOG, PROPERTIES, IN_2026));
        Mocks.register("recordCopyrightDecision", new RecordDecisionListener(LOG, IN_2026));
        Mocks.register("recordCharge", new RecordChargeDelegate(LEDGER, historyService()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void aClearedRequestIsReviewedPostedAndTheInstructorGetsTheLinkAndAttribution() {
        ProcessInstance request = start(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "45-75"));
        runJobs(request);
        assertThat(request).isWaitingAt("Task_ReviewClearance");
        assertThat(task(request)).hasCandidateGroup("copyright");

        completeAs("cora", request, Map.of("reviewDecision", "approve"));
        assertThat(request).isWaitingAt("Task_DigitizeAndPost");
        assertThat(formService().getTaskFormKey(request.getProcessDefinitionId(), DigitizeAndPostController.POST_TASK))
                .as("Tasklist links to the upload page").isEqualTo(DigitizeAndPostController.PATH);
        // what the Digitize and post page completes the task with after an upload (DigitizeAndPostIntegrationTest)
        Map<String, Object> posted = new HashMap<>();
        posted.put("postedLink", null);
        posted.put("copyUrl", "https://ill.library.example.edu/course-copies/abc");
        posted.put("copyPages", 31);
        posted.put("postingNotes", null);
        completeAs("cora", request, posted);

        assertThat(request).isEnded().hasPassedInOrder("Task_Assess", "Task_ReviewClearance", "Task_DigitizeAndPost", "Task_EmailCleared",
                "EndEvent_Posted");
        Notification email = onlyEmail();
        assertThat(email.template()).isEqualTo("copyright-cleared");
        assertThat(email.recipient()).isEqualTo("ines.teacher@trentu.example.ca");
        assertThat(email.caseToken()).isEqualTo(request.getBusinessKey()).startsWith("CR-");
        assertThat(email.model()).containsEntry("clearedUnder", "Fair dealing: short excerpt").containsEntry("clearedRule", "FAIR_DEALING")
                .containsEntry("citation", "Jane Historian. A history of Upper Canada. University of Toronto Press, 1985, pp. 45-75.")
                .containsEntry("copyUrl", "https://ill.library.example.edu/course-copies/abc").containsEntry("copyPages", 31)
                .containsEntry("postedLink", null);
        List<Decision> decisions = LOG.find(null, null, request.getBusinessKey(), null, null);
        assertThat(decisions).extracting(Decision::step, Decision::outcome, Decision::ruleCode, Decision::decidedBy).containsExactly(
                tuple("ASSESSMENT", "CLEARED", "FAIR_DEALING", "system"),
                tuple("REVIEW", "CLEARED", "FAIR_DEALING", "cora"));
        assertThat(decisions.get(0).reasoning()).startsWith("12.4% of 250 pages exceeds 10%; the excerpt is one whole chapter");
        assertThat(decisions.get(0)).extracting(Decision::pagesRequested, Decision::pageCount, Decision::units, Decision::workTitle)
                .containsExactly("45-75", 31, 1, "A history of Upper Canada");
    }

    @Test
    void aLinkOnlyIsClearedWithoutCopying() {
        ProcessInstance request = start(Map.of("linkOnly", true, "source", "LICENSED_ERESOURCE", "licence", "JSTOR",
                "persistentLink", "https://www.jstor.org/stable/10.3138/chr.1985.1", "pagesRequested", ""));
        runJobs(request);

        assertThat(request).isWaitingAt("Task_ReviewClearance").variables().containsEntry("assessmentRule", "LINK_ONLY");
    }

    @Test
    void theTeamCanOverrideAClearanceWithAReasonAndThenSeeksPermission() {
        ProcessInstance request = start(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "45-75"));
        runJobs(request);

        completeAs("cora", request, Map.of("reviewDecision", "override", "overrideReason", "It is a workbook: its exercises are the market."));

        assertThat(request).isWaitingAt("Task_SeekPermission");
        Decision override = LOG.find(null, null, request.getBusinessKey(), null, null).get(1);
        assertThat(override).extracting(Decision::outcome, Decision::ruleCode, Decision::reasoning, Decision::decidedBy)
                .containsExactly("PERMISSION_NEEDED", "OVERRIDE", "It is a workbook: its exercises are the market.", "cora");
    }

    @Test
    void permissionGrantedByEmailWithAFeeIsPostedToTheLedgerAndTheWorkPosted() {
        ProcessInstance request = waitingForTheRightsHolder();
        Notification asked = onlyEmail();
        assertThat(asked.template()).isEqualTo("copyright-permission-request");
        assertThat(asked.recipient()).isEqualTo("permissions@utpress.example.ca");
        assertThat(asked.caseToken()).isEqualTo(request.getBusinessKey());

        // what the mail issue's MailInbox does with a reply whose subject carries [RS-<business key>]
        runtimeService().createMessageCorrelation(MailInbox.EMAIL_REPLY).processInstanceBusinessKey(request.getBusinessKey())
                .setVariables(Map.of("replyFrom", "permissions@utpress.example.ca", "replyText", "Granted for Fall 2026; fee $150."))
                .correlate();
        runJobs(request);
        assertThat(request).isWaitingAt("Task_RecordAnswer").variables().containsEntry("replyText", "Granted for Fall 2026; fee $150.");
        completeAs("cora", request, Map.of("permissionAnswer", "granted", "permissionFee", 150.0, "permissionFeeCurrency", "CAD",
                "permissionTerms", "Fall 2026 only, LMS restricted to the course"));
        runJobs(request);
        assertThat(request).isWaitingAt("Task_DigitizeAndPost");
        completeAs("cora", request, Map.of("postedLink", "https://lms.trentu.example.ca/content/9"));

        assertThat(request).isEnded().hasPassedInOrder("Task_RecordAnswer", "Task_RecordFee", "Task_DigitizeAndPost", "EndEvent_Posted")
                .hasNotPassed("Task_RemindRightsHolder", "Task_FollowUp");
        Posting fee = LEDGER.postingsForRequest(request.getBusinessKey()).get(0);
        assertThat(fee.accountType()).isEqualTo(Posting.AccountType.RIGHTS_HOLDER);
        assertThat(fee.accountId()).isEqualTo("University of Toronto Press");
        assertThat(fee.direction()).isEqualTo(Posting.Direction.PAYABLE);
        assertThat(fee.kind()).isEqualTo(Posting.Kind.COPYRIGHT_ROYALTY);
        assertThat(fee.amount()).isEqualByComparingTo(new BigDecimal("150.00"));
        assertThat(notifications.sent().get(1).model()).containsEntry("clearedUnder", "Permission of University of Toronto Press")
                .containsEntry("clearedRule", "PERMISSION");
        assertThat(LOG.find(null, null, request.getBusinessKey(), null, null)).last()
                .extracting(Decision::outcome, Decision::reasoning).containsExactly("PERMISSION_GRANTED",
                        "Granted by University of Toronto Press (fee 150.0 CAD); terms: Fall 2026 only, LMS restricted to the course");
    }

    @Test
    void aFeeTheLedgerRefusesGoesToTheTeamToCorrect() {
        ProcessInstance request = waitingForTheRightsHolder();
        answer(request);
        completeAs("cora", request, Map.of("permissionAnswer", "granted", "permissionFee", 150.0, "permissionFeeCurrency", "DOLLARS"));
        runJobs(request);

        assertThat(request).isWaitingAt("Task_CorrectFee").variables().extractingByKey("ledgerError").asString().contains("DOLLARS");
        completeAs("cora", request, Map.of("permissionFee", 150.0, "permissionFeeCurrency", "CAD"));
        runJobs(request);

        assertThat(request).isWaitingAt("Task_DigitizeAndPost");
        assertThat(LEDGER.postingsForRequest(request.getBusinessKey())).hasSize(1);
    }

    @Test
    void theRightsHolderIsRemindedAfterTheConfiguredPeriodAndTheWaitGoesOn() {
        ProcessInstance request = waitingForTheRightsHolder();
        Job reminder = timer(request, "Event_ReminderDue");
        assertThat(Duration.between(Instant.now(), reminder.getDuedate().toInstant()).toDays()).isCloseTo(14, within(1L));

        execute(reminder);
        runJobs(request);

        assertThat(request).isWaitingAt("Task_WaitForAnswer").hasPassed("Task_RemindRightsHolder", "EndEvent_Reminded");
        assertThat(notifications.sent()).extracting(Notification::template)
                .containsExactly("copyright-permission-request", "copyright-permission-reminder");
        assertThat(notifications.sent().get(1).recipient()).isEqualTo("permissions@utpress.example.ca");
    }

    @Test
    void withoutAnAnswerTheTeamFollowsUpAndARefusalSendsTheInstructorTheAlternatives() {
        ProcessInstance request = waitingForTheRightsHolder();
        Job followUp = timer(request, "Event_NoAnswer");
        assertThat(Duration.between(Instant.now(), followUp.getDuedate().toInstant()).toDays()).isCloseTo(30, within(1L));

        execute(followUp);
        assertThat(request).isWaitingAt("Task_FollowUp");
        assertThat(timerCount(request)).isZero(); // the reminder went with the wait
        completeAs("cora", request, Map.of("permissionAnswer", "refused", "permissionTerms", "No answer to two emails and a call."));
        runJobs(request);

        assertThat(request).isEnded().hasPassedInOrder("Task_FollowUp", "Task_EmailRefused", "EndEvent_Refused");
        Notification refused = notifications.sent().get(1);
        assertThat(refused.template()).isEqualTo("copyright-refused");
        assertThat(refused.recipient()).isEqualTo("ines.teacher@trentu.example.ca");
        assertThat(refused.model()).containsEntry("shorterExcerpt",
                "A shorter excerpt would qualify under fair dealing: up to 25 pages (10% of 250 pages).");
        assertThat(notifications.text(refused)).contains("Why permission was needed: 12.4% of 250 pages exceeds 10%: more than a short excerpt, so"
                + " permission is needed (Jane Historian died in 1990: protected until the end of 2060 (life + 70, deaths from 1972), so still"
                + " protected in 2026).\n", "  - A shorter excerpt would qualify under fair dealing: up to 25 pages (10% of 250 pages).\n");
        assertThat(LOG.find(null, null, request.getBusinessKey(), null, null)).last().extracting(Decision::outcome)
                .isEqualTo("PERMISSION_REFUSED");
    }

    @Test
    void whenNoRightsHolderCanBeFoundTheInstructorGetsTheAlternatives() {
        ProcessInstance request = start(Map.of("pagesRequested", "45-75"));
        runJobs(request);

        completeAs("cora", request, Map.of("rightsHolderFound", "no", "rightsHolderContact", "Publisher dissolved in 1999; no successor found."));

        assertThat(request).isEnded().hasPassedInOrder("Task_SeekPermission", "Task_EmailRefused", "EndEvent_Refused")
                .hasNotPassed("Task_AskRightsHolder");
        assertThat(onlyEmail().template()).isEqualTo("copyright-refused");
        assertThat(LOG.find(null, null, request.getBusinessKey(), null, null)).last()
                .extracting(Decision::step, Decision::outcome, Decision::ruleCode, Decision::reasoning, Decision::decidedBy)
                .containsExactly("SEEK_PERMISSION", "PERMISSION_REFUSED", "NO_RIGHTS_HOLDER",
                        "No rights holder could be found or reached: Publisher dissolved in 1999; no successor found.", "cora");
    }

    @Test
    void anInstructorWhoAskedInFrenchIsToldWhyAndWhatInsteadInFrenchWhileStaffKeepTheEnglishReasoning() {
        ProcessInstance firstChapter = start(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "45-75"));
        runJobs(firstChapter);
        assertThat(firstChapter).isWaitingAt("Task_ReviewClearance");
        String course = (String) runtimeService().getVariable(firstChapter.getId(), "courseCode");
        String english = "22.8% of 250 pages (with 31 pages already cleared for " + course + " in Fall 2026) exceeds 10%, and the excerpt is more"
                + " than one chapter (it would be number 2 of this work for the course): more than a short excerpt, so permission is needed (Jane"
                + " Historian died in 1990: protected until the end of 2060 (life + 70, deaths from 1972), so still protected in 2026).";

        ProcessInstance request = start(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "100-125", "courseCode", course,
                "instructorLanguage", "fr"));
        runJobs(request);
        assertThat(request).isWaitingAt("Task_SeekPermission").variables().as("what the Seek permission form shows")
                .containsEntry("assessmentReasoning", english);
        completeAs("cora", request, Map.of("rightsHolderFound", "no", "rightsHolderContact", "Publisher dissolved in 1999; no successor found."));

        Notification refused = notifications.sent().get(0);
        assertThat(refused.template()).isEqualTo("copyright-refused");
        assertThat(refused.language()).isEqualTo("fr");
        assertThat(notifications.text(refused)).contains("Pourquoi une autorisation était nécessaire : 22,8 % de 250 pages (en comptant les 31 pages"
                + " déjà autorisées pour " + course + ", Fall 2026) dépasse la limite de 10 %, et le maximum est un chapitre entier par œuvre pour un"
                + " même cours (ce serait le 2e extrait de ce genre) : c'est plus qu'un court extrait, une autorisation est donc nécessaire (Jane"
                + " Historian, décès en 1990 : œuvre protégée jusqu'à la fin de 2060 (vie de l'auteur + 70 ans pour les décès à partir de 1972),"
                + " donc encore protégée en 2026).\n",
                "  - Aucun autre extrait de cette œuvre n'est permis au titre de l'utilisation équitable pour le cours " + course + " (Fall 2026).\n")
                .doesNotContain("exceeds", "already cleared", "short excerpt", "permission is needed", "fair dealing", "protected until", "died in");
        assertThat(LOG.find(null, null, request.getBusinessKey(), null, null).get(0)).extracting(Decision::step, Decision::reasoning)
                .containsExactly("ASSESSMENT", english);
    }

    @Test
    void anInstructorWhoAskedInFrenchIsToldInFrenchUnderWhatTheWorkIsCleared() {
        ProcessInstance request = start(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "45-75", "instructorLanguage", "fr"));
        runJobs(request);
        completeAs("cora", request, Map.of("reviewDecision", "approve"));
        completeAs("cora", request, Map.of("postedLink", "https://lms.trentu.example.ca/content/9"));

        Notification cleared = onlyEmail();
        assertThat(cleared.template()).isEqualTo("copyright-cleared");
        assertThat(notifications.text(cleared)).contains("Où vos étudiants la trouvent : https://lms.trentu.example.ca/content/9",
                "  Autorisé au titre de : utilisation équitable, court extrait. Réservé aux étudiants du cours ").doesNotContain("Fair dealing");
    }

    @Test
    void aFollowUpCanAskTheRightsHolderAgain() {
        ProcessInstance request = waitingForTheRightsHolder();
        execute(timer(request, "Event_NoAnswer"));
        completeAs("cora", request, Map.of("permissionAnswer", "askAgain", "rightsHolderEmail", "rights@utpress.example.ca"));
        runJobs(request);

        assertThat(request).isWaitingAt("Task_WaitForAnswer");
        assertThat(notifications.sent()).extracting(Notification::recipient)
                .containsExactly("permissions@utpress.example.ca", "rights@utpress.example.ca");
        assertThat(notifications.sent().get(1).sendKey()).endsWith(":Task_AskRightsHolder:2");
    }

    @Test
    void whatTheRulesCannotDecideIsAssessedByTheTeam() {
        ProcessInstance request = start(Map.of("workType", "WHOLE_WORK", "authors", "Anne Unknown", "pagesRequested", ""));
        runJobs(request);
        assertThat(request).isWaitingAt("Task_AssessCopyright").variables().containsEntry("assessmentOutcome", "NOT_DECIDABLE");

        completeAs("cora", request, Map.of("staffDecision", "cleared", "staffRule", "PUBLIC_DOMAIN",
                "staffReasoning", "Anne Unknown died in 1931 (Canadiana authority record)."));

        assertThat(request).isWaitingAt("Task_DigitizeAndPost").variables().containsEntry("clearedUnder", "Public domain")
                .containsEntry("clearedRule", "PUBLIC_DOMAIN");
        assertThat(LOG.find(null, null, request.getBusinessKey(), null, null)).last()
                .extracting(Decision::step, Decision::outcome, Decision::ruleCode, Decision::decidedBy)
                .containsExactly("STAFF_ASSESSMENT", "CLEARED", "PUBLIC_DOMAIN", "cora");
    }

    @Test
    void theTeamCanDecideThatPermissionIsNeeded() {
        ProcessInstance request = start(Map.of("workType", "FILM_VIDEO", "pagesRequested", ""));
        runJobs(request);

        completeAs("cora", request, Map.of("staffDecision", "permission", "staffRule", "NO_EXCEPTION", "staffReasoning", "Whole film online."));

        assertThat(request).isWaitingAt("Task_SeekPermission");
    }

    @Test
    void aRequestEmailedToTheCopyrightMailboxIsCompletedByTheTeamFirst() {
        Map<String, Object> email = new HashMap<>(Map.of("emailFrom", "Ines Teacher <ines.teacher@trentu.example.ca>",
                "emailSubject", "Chapter for HIST-1001", "emailText", "May I post chapter 3 of A history of Upper Canada?",
                "instructorEmail", "ines.teacher@trentu.example.ca", "title", "A history of Upper Canada"));
        ProcessInstance request = runtimeService().createMessageCorrelation(MailInbox.COPYRIGHT_EMAIL_REQUEST).processInstanceBusinessKey("CR-EMAIL1")
                .setVariables(email).correlateStartMessage();
        assertThat(request).isWaitingAt("Task_CompleteEmailRequest");
        assertThat(task(request)).hasCandidateGroup("copyright");

        Map<String, Object> completed = new HashMap<>(PermissionAssessmentTest.base());
        completed.putAll(Map.of("copyrightRequest", "yes", "workType", "BOOK_CHAPTER", "pagesRequested", "45-75"));
        completeAs("cora", request, completed);
        runJobs(request);

        assertThat(request).isWaitingAt("Task_ReviewClearance");
        assertThat(request.getBusinessKey()).isEqualTo("CR-EMAIL1");
    }

    @Test
    void anEmailThatIsNoCopyrightRequestEndsThere() {
        ProcessInstance request = runtimeService().createMessageCorrelation(MailInbox.COPYRIGHT_EMAIL_REQUEST).processInstanceBusinessKey("CR-EMAIL2")
                .setVariables(Map.of("emailText", "Where is the library?")).correlateStartMessage();

        completeAs("cora", request, Map.of("copyrightRequest", "no"));
        runJobs(request);

        assertThat(request).isEnded().hasPassed("EndEvent_NotARequest").hasNotPassed("Task_Assess");
    }

    @Test
    void aRequestStartedInTasklistWithSomethingUnreadableGoesToTheTeamToComplete() {
        Map<String, Object> values = new HashMap<>(PermissionAssessmentTest.base());
        values.put("pagesRequested", "chapter three");
        ProcessInstance request = runtimeService().startProcessInstanceByKey("copyright-permission", values);
        runJobs(request);

        assertThat(request).isWaitingAt("Task_CompleteEmailRequest").variables()
                .containsEntry("requestProblems", "pagesRequested: not page numbers; write them like 45-74, 80");
        String businessKey = runtimeService().createProcessInstanceQuery().processInstanceId(request.getId()).singleResult().getBusinessKey();
        assertThat(businessKey).startsWith("CR-");

        completeAs("cora", request, Map.of("copyrightRequest", "yes", "pagesRequested", "1-20"));
        runJobs(request);
        assertThat(request).isWaitingAt("Task_ReviewClearance");
    }

    /** A 31-page excerpt of a 250-page book (not a whole chapter), sent to University of Toronto Press. */
    private ProcessInstance waitingForTheRightsHolder() {
        ProcessInstance request = start(Map.of("pagesRequested", "45-75"));
        runJobs(request);
        assertThat(request).isWaitingAt("Task_SeekPermission");
        completeAs("cora", request, Map.of("rightsHolderName", "University of Toronto Press", "rightsHolderEmail", "permissions@utpress.example.ca",
                "rightsHolderLanguage", "en"));
        runJobs(request);
        assertThat(request).isWaitingAt("Task_WaitForAnswer");
        return request;
    }

    private void answer(ProcessInstance request) {
        runtimeService().createMessageCorrelation(MailInbox.EMAIL_REPLY).processInstanceBusinessKey(request.getBusinessKey())
                .setVariables(Map.of("replyText", "Yes.")).correlate();
        runJobs(request);
    }

    private static ProcessInstance start(Map<String, Object> changes) {
        Map<String, Object> values = new HashMap<>(PermissionAssessmentTest.base());
        values.putAll(changes);
        return runtimeService().startProcessInstanceByKey("copyright-permission", AssessPermissionDelegate.newRequestNumber(), values);
    }

    private static void completeAs(String user, ProcessInstance request, Map<String, Object> variables) {
        taskService().claim(task(request).getId(), user);
        taskService().complete(task(request).getId(), variables);
        runJobs(request);
    }

    /** Runs the jobs that are due now (async continuations), not the timers that wait. */
    private static void runJobs(ProcessInstance request) {
        List<Job> due;
        while (!(due = managementService().createJobQuery().processInstanceId(request.getId()).messages().executable().list()).isEmpty()) {
            due.forEach(job -> execute(job));
        }
    }

    private static Job timer(ProcessInstance request, String activityId) {
        return managementService().createJobQuery().processInstanceId(request.getId()).timers().activityId(activityId).singleResult();
    }

    private static long timerCount(ProcessInstance request) {
        return managementService().createJobQuery().processInstanceId(request.getId()).timers().count();
    }

    private Notification onlyEmail() {
        assertThat(notifications.sent()).hasSize(1);
        return notifications.sent().get(0);
    }
}
