package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.platform.ProcessChangeRetry.ProcessBusyException;
import org.resourcesharing.testsupport.ProcessMovingOn;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Mail in, end to end: messages delivered over real SMTP to the ILL mailbox of the built-in mail
 * server, read over real IMAP by the application's mailbox reader.
 */
@ResourceSharingIntegrationTest
class MailIntakeIntegrationTest {

    private static final String ILL_MAILBOX = "ill@library.example.edu";
    private static final String JOBS_MAILBOX = "jobs@library.example.edu";
    /**
     * The jobs mailbox is read with IMAP IDLE: a message that arrives just as IDLE begins is noticed
     * only when IDLE is renewed, after the mailbox's poll interval (60 s by default).
     */
    private static final Duration JOBS_READ = Duration.ofSeconds(150);

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;
    @Autowired
    MailInbox inbox;
    @Autowired
    MailProperties mailProperties;
    @Autowired
    NotificationService notifications;
    @Autowired
    JdbcClient jdbc;
    @Value("${resource-sharing.demo.mail-server.smtp-port}")
    int smtpPort;
    @Value("${resource-sharing.demo.mail-server.imap-port}")
    int imapPort;

    @Test
    void aLoanRequestInGermanStartsLendingWithWhatWasReadFromIt() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@univie.example.ac.at>";
        deliver(message(messageId, "fernleihe@univie.example.ac.at", "Fernleihbestellung",
                "Sehr geehrte Damen und Herren,\n\nwir bitten um die Fernleihe des folgenden Buches:\n"
                        + "Margaret Laurence, „The Diviners“, Toronto 1974, ISBN 978-0-7710-4761-9.\n\n"
                        + "Mit freundlichen Grüßen\nFernleihe, Universitätsbibliothek Wien"));

        ProcessInstance lending = awaitProcess("lending", messageId);

        Map<String, Object> variables = runtimeService.getVariables(lending.getId());
        assertThat(variables).containsEntry("requestChannel", "email").containsEntry("emailLanguage", "de")
                .containsEntry("isbn", "978-0-7710-4761-9").containsEntry("requestingAgencyId", "ISIL:AT-UBW")
                .containsEntry("requestingAgencyName", "Universitätsbibliothek Wien").containsEntry("serviceType", "Loan");
        assertThat(taskService.createTaskQuery().processInstanceId(lending.getId()).singleResult().getName())
                .isEqualTo("Confirm request read from email");
        awaitTrue(() -> seen(messageId), "the message is flagged as read once its process has started");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"org.resourcesharing.mail.LoanRequestMailTest#citationInTheBody",
            "org.resourcesharing.mail.LoanRequestMailTest#citationInAnAttachedForm"})
    void aLoanRequestInEachLanguageWithOrWithoutAnAttachmentStartsLending(MimeMessage request, LoanRequestMailTest.Expected expected)
            throws Exception {
        deliver(request);

        ProcessInstance lending = awaitProcess("lending", request.getMessageID());

        assertThat(runtimeService.getVariables(lending.getId()))
                .containsEntry("emailLanguage", expected.language()).containsEntry("isbn", expected.isbn())
                .containsEntry("title", expected.title()).containsEntry("author", expected.author())
                .containsEntry("publicationDate", expected.year()).containsEntry("serviceType", "Loan");
    }

    @Test
    void theSameMessageDeliveredTwiceStartsOneProcess() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@uchile.example.cl>";
        MimeMessage request = message(messageId, "biblioteca@uchile.example.cl", "Solicitud de préstamo",
                "Estimados colegas:\nSolicitamos el préstamo interbibliotecario del libro «Two Solitudes» de Hugh MacLennan (1945).\nSaludos cordiales");

        deliver(request);
        deliver(request);
        awaitProcess("lending", messageId);
        awaitTrue(() -> countUnseen() == 0, "both copies read");

        assertThat(jdbc.sql("select count(*) from mail_received where message_key = ?").param(messageId).query(Long.class).single()).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("emailSubject", "Solicitud de préstamo").count()
                + historyService.createHistoricProcessInstanceQuery().variableValueEquals("emailSubject", "Solicitud de préstamo").finished().count())
                .isOne();
    }

    @Test
    void aCrashBetweenStartingTheProcessAndFlaggingTheMessageRecoversExactlyOnce() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@ulaval.example.ca>";
        MimeMessage request = message(messageId, "peb@ulaval.example.ca", "Demande de prêt",
                "Bonjour,\nPourriez-vous nous prêter le livre « Bonheur d'occasion » de Gabrielle Roy (1945), ISBN 978-0-7710-9858-1 ?\nMerci");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        request.writeTo(raw);

        // the first reading committed its process, then the reader died before flagging the message
        assertThat(inbox.receive(mailProperties.mailboxes().get(0), raw.toByteArray())).isEqualTo(MailInbox.Outcome.STARTED);
        deliver(request);

        awaitTrue(() -> seen(messageId), "the restarted reader flags the message it finds unread");
        assertThat(jdbc.sql("select count(*) from mail_received where message_key = ?").param(messageId).query(Long.class).single()).isOne();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("lending").variableValueEquals("emailSubject", "Demande de prêt")
                .count()).isOne();
    }

    @Test
    void aReplyFindsTheProcessThatWaitsForIt() throws Exception {
        repositoryService.createDeployment().name("mail-test").addClasspathResource("mail/awaiting-reply.bpmn").deploy();
        ProcessInstance byToken = runtimeService.startProcessInstanceByKey("mail-awaiting-reply", "T-" + UUID.randomUUID().toString().substring(0, 8));
        ProcessInstance byMessageId = runtimeService.startProcessInstanceByKey("mail-awaiting-reply", "T-" + UUID.randomUUID().toString().substring(0, 8));
        String ourMessageId = notifications.send(new Notification("test:" + UUID.randomUUID(), "enquiry-answer", "en", "rights@press.example.com",
                byMessageId.getBusinessKey(), Map.of("patronName", "Press", "question", "May we copy?", "answer", "Asking."),
                byMessageId.getId(), byMessageId.getBusinessKey()));

        deliver(message("<" + UUID.randomUUID() + "@press.example.com>", "rights@press.example.com",
                "Re: permission " + CaseToken.format(byToken.getBusinessKey()), "Yes, granted for one term.\n\n> May we copy?"));
        MimeMessage reply = message("<" + UUID.randomUUID() + "@press.example.com>", "rights@press.example.com", "Re: your question",
                "Granted.\n\nOn Mon, 23 Nov 2026, Interlibrary Loan wrote:\n> Asking.");
        reply.setHeader("In-Reply-To", ourMessageId);
        deliver(reply);

        awaitTrue(() -> waitingForReply(byToken) == 0 && waitingForReply(byMessageId) == 0, "both replies correlated");
        awaitTrue(() -> historyService.createHistoricVariableInstanceQuery().processInstanceId(byToken.getId()).variableName("replyText").count() == 1,
                "reply text stored");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(byToken.getId()).variableName("replyText")
                .singleResult().getValue()).asString().contains("Yes, granted for one term.").doesNotContain("May we copy?");
    }

    @Test
    void aReplyWhoseProcessMovesOnAtEveryAttemptLeavesNoTraceAndIsTakenWhenReadAgain() throws Exception {
        ProcessInstance moving = ProcessMovingOn.start(repositoryService, runtimeService, "T-" + UUID.randomUUID().toString().substring(0, 8),
                ProcessChangeRetry.ATTEMPTS + 2);
        try {
            String messageId = "<" + UUID.randomUUID() + "@press.example.com>";
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            message(messageId, "rights@press.example.com", "Re: permission " + CaseToken.format(moving.getBusinessKey()), "Yes, granted.")
                    .writeTo(reply);
            Mailbox ill = mailProperties.mailboxes().get(0);

            assertThatThrownBy(() -> inbox.receive(ill, reply.toByteArray())).isInstanceOf(ProcessBusyException.class);
            assertThat(received(messageId)).as("the message is not recorded as received").isZero();
            assertThat(ProcessMovingOn.jobsLeft(runtimeService, moving)).as("a job committed at each attempt").isEqualTo(2);
            assertThat(waitingForReply(moving)).as("the process still waits for the reply").isOne();

            assertThat(inbox.receive(ill, reply.toByteArray())).isEqualTo(MailInbox.Outcome.CORRELATED);
            assertThat(inbox.receive(ill, reply.toByteArray())).isEqualTo(MailInbox.Outcome.DUPLICATE);
            assertThat(jdbc.sql("select outcome, process_instance_id from mail_received where message_key = ?").param(messageId)
                    .query((row, n) -> List.of(row.getString(1), row.getString(2))).single()).containsExactly("CORRELATED", moving.getId());
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(moving.getId()).singleResult().getEndActivityId())
                    .isEqualTo("EndEvent_Replied");
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(moving.getId()).variableName("replyText")
                    .singleResult().getValue()).asString().contains("Yes, granted.");
        } finally {
            TestProcesses.remove(runtimeService, managementService, moving.getId());
        }
    }

    @Test
    void aReplyWhoseProcessMovesOnAtEveryAttemptStaysUnreadAndALaterReadingHandsItOver() throws Exception {
        ProcessInstance moving = ProcessMovingOn.start(repositoryService, runtimeService, "T-" + UUID.randomUUID().toString().substring(0, 8),
                ProcessChangeRetry.ATTEMPTS + 2);
        try {
            String messageId = "<" + UUID.randomUUID() + "@press.example.com>";

            deliver(message(messageId, "rights@press.example.com", "Re: permission " + CaseToken.format(moving.getBusinessKey()),
                    "Granted for one term."));

            awaitTrue(() -> received(messageId) == 1, "the reply is taken");
            awaitTrue(() -> seen(messageId), "the message is flagged as read once taken");
            assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(moving.getId()).variableName("jobsLeft")
                    .singleResult().getValue()).as("the first reading met a job at each of its attempts, so the message was read again")
                    .isEqualTo(0L);
            assertThat(jdbc.sql("select outcome from mail_received where message_key = ?").param(messageId).query(String.class).single())
                    .isEqualTo("CORRELATED");
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(moving.getId()).singleResult().getEndActivityId())
                    .isEqualTo("EndEvent_Replied");
        } finally {
            TestProcesses.remove(runtimeService, managementService, moving.getId());
        }
    }

    @Test
    void aReplyThatNoProcessWaitsForGoesToAPerson() throws Exception {
        String messageId = "<" + UUID.randomUUID() + "@press.example.com>";
        deliver(message(messageId, "rights@press.example.com", "Re: permission " + CaseToken.format("CLOSED-4711"), "Sorry for the delay: yes."));

        ProcessInstance triage = awaitProcess("email-triage", messageId);

        assertThat(runtimeService.getVariable(triage.getId(), "triageReason")).asString()
                .isEqualTo("a reply about request CLOSED-4711 that no process is waiting for");
        assertThat(jdbc.sql("select classification from mail_received where message_key = ?").param(messageId).query(String.class).single())
                .isEqualTo("REPLY");
    }

    @Test
    void aJobApplicationReadByImapIdleWhileNoPostingIsOpenGoesToTheHiringGroup() throws Exception {
        MimeMessage application = TestMails.withAttachment("sam.student@trentu.example.ca", "Application: Library Assistant (evenings)",
                "Dear hiring committee,\nI would like to apply for the position of library assistant. My résumé is attached.\nSam Student",
                "resume.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                TestMails.docx("Sam Student", "Experience: circulation desk, Peterborough Public Library, 2024-2026"));
        String messageId = application.getMessageID();

        deliverTo(application, JOBS_MAILBOX);

        ProcessInstance triage = awaitProcess("email-triage", messageId);
        assertThat(taskService.createTaskQuery().processInstanceId(triage.getId()).taskCandidateGroup("hiring").count()).isOne();
        assertThat(runtimeService.getVariable(triage.getId(), "triageReason")).isEqualTo("a job application, but no posting is open");
        assertThat(runtimeService.getVariable(triage.getId(), "emailAttachments")).asString().contains("circulation desk");
        assertThat(jdbc.sql("select mailbox from mail_received where message_key = ?").param(messageId).query(String.class).single())
                .isEqualTo("jobs");
    }

    @Test
    void aJobApplicationJoinsTheOpenPostingItNamesOnceAndOneNamingNoneGoesToTriage() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 6);
        ProcessInstance evenings = openPosting("Evening desk assistant " + id);
        ProcessInstance weekends = openPosting("Weekend shelving assistant " + id);
        try {
            MimeMessage application = TestMails.withAttachment("Priya Patel <priya.patel@trentu.example.ca>",
                    "Application for Weekend Shelving Assistant " + id,
                    "Hello,\nI would like to apply for the weekend shelving position. My résumé is attached.\nPriya",
                    "Patel-CV.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    TestMails.docx("Priya Patel", "Education: Trent University, BSc", "Experience: shelving at the Peterborough Public Library"));
            String messageId = application.getMessageID();
            deliverTo(application, JOBS_MAILBOX);
            deliverTo(application, JOBS_MAILBOX);

            awaitTrue(() -> received(messageId) == 1, "the application is read", JOBS_READ);
            awaitTrue(() -> countUnseen(JOBS_MAILBOX, "jobs-demo") == 0, "both copies read", JOBS_READ);
            assertThat(jdbc.sql("select outcome, process_instance_id, business_key from mail_received where message_key = ?")
                    .param(messageId).query((row, n) -> List.of(row.getString(1), row.getString(2), row.getString(3))).single())
                    .containsExactly("CORRELATED", weekends.getId(), weekends.getBusinessKey());
            List<Map<String, Object>> applications = jdbc.sql(
                    "select channel, applicant_name, email, resume_file_name, resume_text from hiring_application where posting_number = ?")
                    .param(weekends.getBusinessKey()).query().listOfRows();
            assertThat(applications).hasSize(1);
            assertThat(applications.get(0)).containsEntry("CHANNEL", "email").containsEntry("APPLICANT_NAME", "Priya Patel")
                    .containsEntry("EMAIL", "priya.patel@trentu.example.ca").containsEntry("RESUME_FILE_NAME", "Patel-CV.docx");
            assertThat(new String((byte[]) applications.get(0).get("RESUME_TEXT"), StandardCharsets.ISO_8859_1)).as("encrypted at rest")
                    .isNotEmpty().doesNotContain("shelving at the Peterborough Public Library");
            assertThat(jdbc.sql("select count(*) from hiring_application where posting_number = ?").param(evenings.getBusinessKey())
                    .query(Long.class).single()).isZero();
            assertThat(runtimeService.getVariables(weekends.getId())).doesNotContainKeys("applicantEmail", "resumeText");

            MimeMessage vague = TestMails.withAttachment("leo.li@trentu.example.ca", "Job application",
                    "Hi, I am applying for a student job at the library. My CV is attached.", "cv.pdf", "application/pdf",
                    TestMails.pdf("Leo Li", "Education: Trent University", "Experience: tutoring"));
            String vagueId = vague.getMessageID();
            deliverTo(vague, JOBS_MAILBOX);
            awaitTrue(() -> received(vagueId) == 1, "the second application is read", JOBS_READ);

            ProcessInstance triage = awaitProcess("email-triage", vagueId);
            assertThat(runtimeService.getVariable(triage.getId(), "triageReason")).asString()
                    .startsWith("a job application that names none of the open postings (")
                    .contains(evenings.getBusinessKey() + " Evening desk assistant " + id, weekends.getBusinessKey());
        } finally {
            runtimeService.deleteProcessInstance(evenings.getId(), "test finished");
            runtimeService.deleteProcessInstance(weekends.getId(), "test finished");
        }
    }

    @Test
    void aStudentOnTheRosterWhoCannotWorkAShiftStartsItsCoverOnceAndOtherAbsenceEmailsGoToTriage() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String student = "A-T" + id;
        String address = "sam." + id.toLowerCase() + "@trentu.example.ca";
        putOnRoster(student, "Sam Student " + id, address, "tue-evening,sat-day");
        LocalDate tuesday = next(DayOfWeek.TUESDAY);
        LocalDate saturday = next(DayOfWeek.SATURDAY);
        try {
            MimeMessage english = TestMails.plain("Sam Student <" + address + ">", "My shift on " + english(tuesday),
                    "Hi Hana,\nI'm sorry, I can't make my shift on " + english(tuesday) + " 18:00: I have an exam the next morning.\nSam");
            String englishId = english.getMessageID();
            deliverTo(english, JOBS_MAILBOX);
            deliverTo(english, JOBS_MAILBOX);
            MimeMessage french = TestMails.plain(address, "Absence samedi", "Bonjour,\nJe ne pourrai pas assurer mon quart le "
                    + french(saturday) + " à 10 h, désolé.\nSam");
            String frenchId = french.getMessageID();
            deliverTo(french, JOBS_MAILBOX);

            awaitTrue(() -> received(englishId) == 1 && received(frenchId) == 1, "both absences are read", JOBS_READ);
            awaitTrue(() -> countUnseen(JOBS_MAILBOX, "jobs-demo") == 0, "every copy read", JOBS_READ);
            List<Map<String, Object>> absences = jdbc.sql("""
                    select a.absence_id, a.shift_date, a.slot, a.reason, m.outcome, m.classification, m.business_key, m.process_instance_id
                    from hiring_absence a join mail_received m on m.business_key = a.absence_id
                    where a.application_number = ? order by a.shift_date""").param(student).query().listOfRows();
            assertThat(absences).hasSize(2);
            assertThat(absences).extracting(row -> row.get("SHIFT_DATE").toString(), row -> row.get("SLOT"), row -> row.get("OUTCOME"),
                    row -> row.get("CLASSIFICATION")).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(tuesday.toString(), "tue-evening", "STARTED", "SHIFT_ABSENCE"),
                    org.assertj.core.groups.Tuple.tuple(saturday.toString(), "sat-day", "STARTED", "SHIFT_ABSENCE"));
            for (Map<String, Object> absence : absences) {
                ProcessInstance coverage = runtimeService.createProcessInstanceQuery()
                        .processInstanceId((String) absence.get("PROCESS_INSTANCE_ID")).singleResult();
                assertThat(repositoryService.getProcessDefinition(coverage.getProcessDefinitionId()).getKey()).isEqualTo("shift-coverage");
                assertThat(coverage.getBusinessKey()).isEqualTo(absence.get("ABSENCE_ID"));
                assertThat(runtimeService.getVariable(coverage.getId(), "absentStudent")).isEqualTo("Sam Student " + id);
                assertThat((String) absence.get("REASON")).startsWith("By email: ");
                runtimeService.deleteProcessInstance(coverage.getId(), "test finished");
            }

            MimeMessage notOnRoster = TestMails.plain("someone.else@example.com", "Shift", "Sorry, I can't make my shift on "
                    + english(tuesday) + " 18:00.");
            MimeMessage notTheirShift = TestMails.plain(address, "Shift", "Sorry, I can't make my shift on "
                    + english(tuesday.plusDays(1)) + " at 6 pm.");
            MimeMessage noDate = TestMails.plain(address, "Shift", "Sorry, I can't make my shift tomorrow evening.");
            List<String> others = List.of(notOnRoster.getMessageID(), notTheirShift.getMessageID(), noDate.getMessageID());
            for (MimeMessage message : List.of(notOnRoster, notTheirShift, noDate)) {
                deliverTo(message, JOBS_MAILBOX);
            }
            awaitTrue(() -> others.stream().mapToLong(this::received).sum() == 3, "the three other emails are read", JOBS_READ);
            assertThat(triageReason(others.get(0)))
                    .isEqualTo("an absence from a shift, but someone.else@example.com is not a student on the desk roster");
            assertThat(triageReason(others.get(1))).isEqualTo("an absence from a shift, but Sam Student " + id + " (" + student
                    + ") has no shift on the roster on " + tuesday.plusDays(1) + " at 18:00 (their shifts: tue-evening, sat-day)");
            assertThat(triageReason(others.get(2)))
                    .isEqualTo("an absence from a shift, but its shift could not be read: no date of a shift in it");
            assertThat(jdbc.sql("select count(*) from hiring_absence where application_number = ?").param(student).query(Long.class).single())
                    .isEqualTo(2);
        } finally {
            jdbc.sql("update hiring_student set active = false where application_number = ?").param(student).update();
        }
    }

    /** Puts a student on the desk roster through the hiring tables, as a hire does. */
    private void putOnRoster(String applicationNumber, String name, String email, String availability) {
        String posting = "JOB-" + applicationNumber;
        LocalDate today = LocalDate.now();
        jdbc.sql("""
                insert into hiring_posting (posting_number, title, duties, hours_per_week, wage_category, hourly_rate, work_study, positions,
                    start_date, closing_date, supervisor, status, process_instance_id, published_at)
                values (?, 'Desk assistant', 'The service desk', 8, 'unspecialized', 17.60, false, 1, ?, ?, 'hana', 'CLOSED', 'none', ?)
                """).params(posting, today, today, java.time.OffsetDateTime.now()).update();
        jdbc.sql("""
                insert into hiring_application (application_number, posting_number, channel, applicant_name, email, availability, consent,
                    status, received_at)
                values (?, ?, 'email', ?, ?, ?, true, 'HIRED', ?)
                """).params(applicationNumber, posting, name, email, availability, java.time.OffsetDateTime.now()).update();
        jdbc.sql("""
                insert into hiring_student (student_id, application_number, name, email, supervisor, work_study, hours_per_week, availability,
                    start_date, active)
                values (?, ?, ?, ?, 'hana', false, 8, ?, ?, true)
                """).params(UUID.randomUUID().toString(), applicationNumber, name, email, availability, today).update();
    }

    private String triageReason(String messageId) {
        ProcessInstance triage = awaitProcess("email-triage", messageId);
        assertThat(taskService.createTaskQuery().processInstanceId(triage.getId()).taskCandidateGroup("hiring").count()).isOne();
        return (String) runtimeService.getVariable(triage.getId(), "triageReason");
    }

    /** The first such weekday at least two days from now (so that the shift is not past in the library's zone). */
    private static LocalDate next(DayOfWeek day) {
        return LocalDate.now().plusDays(2).with(TemporalAdjusters.nextOrSame(day));
    }

    private static String english(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + day.getDayOfMonth() + " "
                + day.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String french(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.FRENCH) + " " + day.getDayOfMonth() + " "
                + day.getMonth().getDisplayName(TextStyle.FULL, Locale.FRENCH);
    }

    /** A student-hiring posting, approved and open for applications (waiting for them by email). */
    private ProcessInstance openPosting(String title) {
        LocalDate today = LocalDate.now();
        ProcessInstance posting = runtimeService.startProcessInstanceByKey("student-hiring", Map.of("title", title,
                "duties", "Shelving and the service desk", "hoursPerWeek", 8L, "wageCategory", "unspecialized", "workStudy", false,
                "positions", 1L, "startDate", today.plusDays(40).toString(), "closingDate", today.plusDays(20).toString(), "supervisor", "hana"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(posting.getId()).singleResult().getId(),
                Map.of("postingDecision", "approve"));
        awaitTrue(() -> runtimeService.createEventSubscriptionQuery().processInstanceId(posting.getId()).eventName(MailInbox.JOB_APPLICATION)
                .count() == 1, "posting " + title + " open");
        return posting;
    }

    private long received(String messageId) {
        return jdbc.sql("select count(*) from mail_received where message_key = ?").param(messageId).query(Long.class).single();
    }

    static Stream<Arguments> hostileInput() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return Stream.of(
                Arguments.of(Named.of("an encrypted PDF", TestMails.withAttachment("ill@example.org", "Request " + id,
                        "Please lend us the book in the attached form.", "form.pdf", "application/pdf",
                        TestMails.encryptedPdf("Title: Walden"))), "encrypted"),
                Arguments.of(Named.of("a corrupt PDF", TestMails.withAttachment("ill@example.org", "Request " + id,
                        "Please lend us the book in the attached form.", "form.pdf", "application/pdf",
                        "%PDF-1.7 this is not really a PDF".getBytes(StandardCharsets.US_ASCII))), "damaged"),
                Arguments.of(Named.of("a zip bomb", TestMails.withAttachment("ill@example.org", "Citations " + id,
                        "All our citations, zipped.", "citations.zip", "application/zip", TestMails.zipBomb())), "zip bomb"),
                Arguments.of(Named.of("malformed MIME", TestMails.cutOffMultipart("<cut-off-" + id + "@example.org>")), "closing boundary"),
                Arguments.of(Named.of("a Latin-1 body declared as UTF-8", TestMails.latin1DeclaredAsUtf8("<latin1-" + id + "@example.fr>")),
                        "UTF-8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInput")
    void hostileOrBrokenInputBecomesATriageTaskWithTheReason(MimeMessage message, String reason) throws Exception {
        String messageId = message.getMessageID();
        deliver(message);

        ProcessInstance triage = awaitProcess("email-triage", messageId);

        assertThat(taskService.createTaskQuery().processInstanceId(triage.getId()).taskCandidateGroup("ill-lending").count()).isOne();
        assertThat(runtimeService.getVariable(triage.getId(), "triageReason")).asString().contains(reason);
        awaitTrue(() -> seen(messageId), "the reader went on and flagged the message");
    }

    private long waitingForReply(ProcessInstance instance) {
        return runtimeService.createEventSubscriptionQuery().processInstanceId(instance.getId()).eventName(MailInbox.EMAIL_REPLY).count();
    }

    private ProcessInstance awaitProcess(String key, String messageId) {
        awaitTrue(() -> jdbc.sql("select count(*) from mail_received where message_key = ?").param(messageId).query(Long.class).single() > 0,
                "the message " + messageId + " is read");
        String instanceId = jdbc.sql("select process_instance_id from mail_received where message_key = ?").param(messageId).query(String.class).single();
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        assertThat(instance).isNotNull();
        assertThat(repositoryService.getProcessDefinition(instance.getProcessDefinitionId()).getKey()).isEqualTo(key);
        return instance;
    }

    private MimeMessage message(String messageId, String from, String subject, String text) throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, ILL_MAILBOX);
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** Over SMTP to the ILL mailbox, whatever the message's own To says. */
    private void deliver(MimeMessage message) throws Exception {
        deliverTo(message, ILL_MAILBOX);
    }

    private void deliverTo(MimeMessage message, String mailbox) throws Exception {
        Properties smtp = new Properties();
        smtp.setProperty("mail.smtp.host", "127.0.0.1");
        smtp.setProperty("mail.smtp.port", String.valueOf(smtpPort));
        Session session = Session.getInstance(smtp);
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(mailbox)});
        }
    }

    private boolean seen(String messageId) {
        return withInbox(folder -> {
            for (Message message : folder.getMessages()) {
                String[] ids = message.getHeader("Message-ID");
                if (ids != null && ids[0].equals(messageId) && !message.isSet(Flags.Flag.SEEN)) {
                    return false;
                }
            }
            return true;
        });
    }

    private int countUnseen() {
        return countUnseen(ILL_MAILBOX, "ill-demo");
    }

    private int countUnseen(String address, String password) {
        return withInbox(address, password, Folder::getUnreadMessageCount);
    }

    private interface FolderQuery<T> {
        T apply(Folder folder) throws Exception;
    }

    private <T> T withInbox(FolderQuery<T> query) {
        return withInbox(ILL_MAILBOX, "ill-demo", query);
    }

    private <T> T withInbox(String address, String password, FolderQuery<T> query) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", imapPort, address, password);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                try {
                    return query.apply(inbox);
                } finally {
                    inbox.close(false);
                }
            } finally {
                store.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        awaitTrue(condition, what, Duration.ofSeconds(30));
    }

    private static void awaitTrue(BooleanSupplier condition, String what, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
