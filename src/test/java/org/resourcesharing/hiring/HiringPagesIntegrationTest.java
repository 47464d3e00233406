package org.resourcesharing.hiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.copyright.TestPdfs;
import org.resourcesharing.platform.ProcessChangeRetry;
import org.resourcesharing.testsupport.PageForms;
import org.resourcesharing.testsupport.ProcessMovingOn;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestProcesses;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The public hiring pages over real HTTP with the running application: a student applies on a
 * posting's page (multipart, with the CSRF token of the page), and a candidate accepts the offer from
 * the link of the offer email, on a page that acts only on its button.
 */
@ResourceSharingIntegrationTest
class HiringPagesIntegrationTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    Postings postings;
    @Autowired
    Applications applications;
    @Autowired
    Roster roster;
    @Autowired
    ShiftCoverage shifts;

    private final List<String> started = new ArrayList<>();

    @AfterEach
    void removeTheProcesses() {
        started.forEach(id -> TestProcesses.remove(runtimeService, managementService, id));
    }

    @Test
    void aStudentAppliesOnThePostingsPageAndWrongAnswersAreShownBesideTheirFields() throws Exception {
        String title = "Evening service desk assistant " + UUID.randomUUID().toString().substring(0, 6);
        ProcessInstance posting = openPosting(title);

        assertThat(http.getForObject("/jobs", String.class)).contains(title, "/jobs/" + posting.getBusinessKey());
        ResponseEntity<String> page = http.getForEntity("/jobs/" + posting.getBusinessKey(), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains(title, "17.60 an hour", "Monday evening", "I consent to the collection");

        MultiValueMap<String, Object> wrong = application("Sam Student", "12ab", "sam.student@trentu.example.ca", "text.txt",
                "just text".getBytes(), List.of());
        ResponseEntity<String> refused = post(page, "/jobs/" + posting.getBusinessKey() + "/applications", wrong);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("studentNumber: must be your student number, 6 to 10 digits",
                "availability: choose at least one evening or weekend shift you could work", "resume: must be a PDF or a Word (.docx) file",
                "consent: we can only consider your application with your consent", "value=\"Sam Student\"");
        assertThat(count(posting)).isZero();

        byte[] resumeFile = TestPdfs.lines("Sam Student", "Education: Trent University, BA English",
                "Experience: circulation desk, Peterborough Public Library");
        MultiValueMap<String, Object> good = application("Sam Student", "0654321", "sam.student@trentu.example.ca", "Sam-Student-CV.pdf",
                resumeFile, List.of("mon-evening", "sat-day"));
        good.add("consent", "true");
        ResponseEntity<String> received = post(page, "/jobs/" + posting.getBusinessKey() + "/applications", good);

        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(received.getBody()).contains("we have your application", posting.getBusinessKey());
        Map<String, Object> stored = jdbc.sql("""
                select channel, student_number, availability, resume_media_type, resume, resume_text, consent from hiring_application
                where posting_number = ?
                """).param(posting.getBusinessKey()).query().singleRow();
        assertThat(stored).containsEntry("CHANNEL", "form").containsEntry("STUDENT_NUMBER", "0654321")
                .containsEntry("AVAILABILITY", "mon-evening,sat-day").containsEntry("RESUME_MEDIA_TYPE", "application/pdf")
                .containsEntry("CONSENT", true);
        // encrypted at rest: neither the file nor the text read from it is in the table as it came
        assertThat(new String((byte[]) stored.get("RESUME_TEXT"), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("circulation desk").doesNotContain("Sam Student");
        assertThat((byte[]) stored.get("RESUME")).isNotEqualTo(resumeFile);
        assertThat(new String((byte[]) stored.get("RESUME"), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("%PDF-");
        String number = jdbc.sql("select application_number from hiring_application where posting_number = ?").param(posting.getBusinessKey())
                .query(String.class).single();
        ResponseEntity<byte[]> resume = http.withBasicAuth("hana", "demo").getForEntity("/api/hiring/applications/" + number + "/resume",
                byte[].class);
        assertThat(resume.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resume.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(resume.getBody()).isEqualTo(resumeFile);
        assertThat(http.withBasicAuth("bella", "demo").getForEntity("/api/hiring/applications/" + number + "/resume", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> forged = http.postForEntity("/jobs/" + posting.getBusinessKey() + "/applications",
                new HttpEntity<>(good, PageForms.multipartHeaders("RS-PATRON-XSRF=forged")), String.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theCandidateAcceptsTheOfferFromTheLinkOnlyByConfirmingOnThePage() throws Exception {
        ProcessInstance posting = openPosting("Weekend service desk assistant " + UUID.randomUUID().toString().substring(0, 6));
        ResponseEntity<String> page = http.getForEntity("/jobs/" + posting.getBusinessKey(), String.class);
        MultiValueMap<String, Object> form = application("Noor Haddad", "0711111", "noor.haddad@trentu.example.ca", "noor.pdf",
                TestPdfs.lines("Noor Haddad", "Education: Trent", "Experience: tutoring"), List.of("sat-day", "sun-day"));
        form.add("consent", "true");
        assertThat(post(page, "/jobs/" + posting.getBusinessKey() + "/applications", form).getStatusCode()).isEqualTo(HttpStatus.OK);
        String candidate = jdbc.sql("select application_number from hiring_application where posting_number = ?")
                .param(posting.getBusinessKey()).query(String.class).single();

        // the closing date, as if it had come
        runtimeService.createProcessInstanceModification(posting.getId()).cancelAllForActivity("Gateway_UntilClosing")
                .startBeforeActivity("Task_ClosePosting").execute();
        completeTask(posting, "Task_ScreenApplications", Map.of("shortlist", candidate));
        completeTask(posting, "Task_ScheduleInterviews", Map.of("interviewSchedule", candidate + ": Monday 14:00, Bata Library 204"));
        completeTask(posting, "Task_RecordInterview", Map.of("interviewScore", 8L, "interviewNotes", "Calm and friendly"));
        completeTask(posting, "Task_ChooseCandidate", Map.of("chosenCandidate", candidate));
        awaitTrue(() -> runtimeService.createEventSubscriptionQuery().processInstanceId(posting.getId()).eventName(OfferAnswers.ACCEPTED).count() == 1,
                "the offer is sent");
        String link = (String) runtimeService.getVariable(posting.getId(), "offerUrl");
        String path = link.substring(link.indexOf("/jobs/offers/"));

        ResponseEntity<String> offer = http.getForEntity(path, String.class);
        assertThat(offer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(offer.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(offer.getBody()).contains("Noor Haddad", "I accept the offer");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(posting.getId()).count()).isOne(); // the link alone answers nothing

        LinkedMultiValueMap<String, Object> noAnswer = new LinkedMultiValueMap<>();
        assertThat(post(offer, path, noAnswer).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        LinkedMultiValueMap<String, Object> accept = new LinkedMultiValueMap<>();
        accept.add("answer", "accept");
        ResponseEntity<String> accepted = post(offer, path, accept);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK); // redirected to the page, which confirms
        assertThat(accepted.getBody()).contains("you have accepted the offer");
        awaitTrue(() -> runtimeService.createProcessInstanceQuery().processInstanceId(posting.getId()).count() == 0, "the posting ends: hired");
        assertThat(jdbc.sql("select status from hiring_application where application_number = ?").param(candidate).query(String.class).single())
                .isEqualTo("HIRED");
        ProcessInstance onboarding = runtimeService.createProcessInstanceQuery().processDefinitionKey("student-onboarding")
                .processInstanceBusinessKey(candidate).singleResult();
        assertThat(onboarding).isNotNull();
        started.add(onboarding.getId());
        ResponseEntity<String> again = http.getForEntity(path, String.class);
        assertThat(again.getBody()).contains("can no longer be answered here").doesNotContain("I accept the offer");
        assertThat(http.getForEntity("/jobs/offers/" + "x".repeat(43), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void personnelFilesAndAbsencesAreForHiringStaffOnlyAndABadReportNamesTheField() {
        Map<String, Object> sin = Map.of("sin", "046454286");
        assertThat(http.withBasicAuth("bella", "demo").postForEntity("/api/hiring/students/A-1/personnel-file/sin", sin, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("max", "demo").getForEntity("/api/hiring/students/A-1/personnel-file", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity("/api/hiring/students/A-1/personnel-file/sin", sin, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<String> notHired = http.withBasicAuth("hana", "demo").postForEntity("/api/hiring/students/A-0/personnel-file/sin", sin,
                String.class);
        assertThat(notHired.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notHired.getBody()).contains("\"field\":\"applicationNumber\"", "A-0 is not a hired student");

        ResponseEntity<String> badAbsence = http.withBasicAuth("hana", "demo").postForEntity("/api/hiring/absences",
                Map.of("applicationNumber", "A-0", "shiftDate", "2026-12-12", "slot", "sun-day"), String.class);
        assertThat(badAbsence.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badAbsence.getBody()).contains("must be a student on the desk roster", "sun-day is not on saturday 2026-12-12");
    }

    @Test
    void aStudentTakingAShiftWhileItsCoverageMovesOnAtEveryAttemptIsAskedToTryAgainAndTakesNothing() {
        String id = UUID.randomUUID().toString().substring(0, 6);
        String absent = onRoster("Ada Absent " + id, "sun-evening");
        String taker = onRoster("Ben Taker " + id, "sun-evening");
        try {
            ShiftCoverage.Absence absence = shifts.report(absent, LocalDate.now().plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)),
                    "sun-evening", "An exam");
            shifts.offer(absence.absenceId());
            String token = jdbc.sql("select token from hiring_shift_offer where absence_id = ? and application_number = ?")
                    .params(absence.absenceId(), taker).query(String.class).single();
            ProcessInstance coverage = ProcessMovingOn.start(repositoryService, runtimeService, absence.absenceId(), ProcessChangeRetry.ATTEMPTS + 2);
            started.add(coverage.getId());
            ResponseEntity<String> page = http.getForEntity("/jobs/shifts/" + token, String.class);

            ResponseEntity<String> busy = post(page, "/jobs/shifts/" + token, new LinkedMultiValueMap<>());

            assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
            assertThat(busy.getBody()).contains("so you have not taken it yet. Please try again in 30 seconds.", "Yes, I will take the shift");
            assertThat(shifts.absence(absence.absenceId()).orElseThrow().status()).as("the acceptance was undone with the message").isEqualTo("OPEN");
            assertThat(shifts.offerByToken(token).orElseThrow().status()).isEqualTo("OFFERED");
            assertThat(ProcessMovingOn.jobsLeft(runtimeService, coverage)).as("a job committed at each attempt").isEqualTo(2);

            ResponseEntity<String> again = post(page, "/jobs/shifts/" + token, new LinkedMultiValueMap<>());

            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(again.getBody()).contains("the shift is yours");
            assertThat(shifts.absence(absence.absenceId()).orElseThrow().coveredBy()).isEqualTo(taker);
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(coverage.getId()).singleResult().getEndActivityId())
                    .isEqualTo("EndEvent_ShiftTaken");
        } finally {
            jdbc.sql("update hiring_student set active = false where application_number in (?, ?)").params(absent, taker).update();
        }
    }

    @Test
    void aCandidateAnsweringWhileThePostingMovesOnAtEveryAttemptIsAskedToTryAgain() {
        String postingNumber = postings.nextNumber();
        postings.publish(posting(postingNumber), "test");
        postings.close(postingNumber);
        String candidate = applyByForm(postingNumber, "Noor Haddad", "sat-day");
        String token = applications.offer(candidate);
        ProcessInstance posting = ProcessMovingOn.start(repositoryService, runtimeService, postingNumber, ProcessChangeRetry.ATTEMPTS + 2,
                Map.of("offerCandidate", candidate));
        started.add(posting.getId());
        ResponseEntity<String> offer = http.getForEntity("/jobs/offers/" + token, String.class);
        LinkedMultiValueMap<String, Object> accept = new LinkedMultiValueMap<>();
        accept.add("answer", "accept");

        ResponseEntity<String> busy = post(offer, "/jobs/offers/" + token, accept);

        assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
        assertThat(busy.getBody()).contains("so your answer was not recorded. Please try again in 30 seconds.", "I accept the offer");
        assertThat(ProcessMovingOn.jobsLeft(runtimeService, posting)).as("a job committed at each attempt").isEqualTo(2);
        assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(posting.getId()).eventName(OfferAnswers.ACCEPTED).count())
                .as("still waiting for the answer").isOne();

        accept = new LinkedMultiValueMap<>();
        accept.add("answer", "accept");
        ResponseEntity<String> accepted = post(offer, "/jobs/offers/" + token, accept);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.OK); // redirected to the page, which confirms
        assertThat(accepted.getBody()).contains("you have accepted the offer");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(posting.getId()).singleResult().getEndActivityId())
                .isEqualTo("EndEvent_OfferAccepted");
    }

    @Test
    void anEndOfEmploymentWhileTheOnboardingMovesOnAtEveryAttemptIsRefusedAndLeavesTheStudentOnTheRoster() {
        String student = onRoster("Cy Leaving " + UUID.randomUUID().toString().substring(0, 6), "mon-evening");
        try {
            ProcessInstance onboarding = ProcessMovingOn.start(repositoryService, runtimeService, student, ProcessChangeRetry.ATTEMPTS + 2);
            started.add(onboarding.getId());
            Map<String, Object> end = Map.of("endDate", LocalDate.now().toString());

            ResponseEntity<JsonNode> busy = http.withBasicAuth("hana", "demo")
                    .postForEntity("/api/hiring/students/{number}/end-of-employment", end, JsonNode.class, student);

            assertThat(busy.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
            assertThat(busy.getBody().path("message").asText()).contains("nothing was recorded");
            assertThat(active(student)).as("the end of employment was undone with the message").isTrue();
            assertThat(ProcessMovingOn.jobsLeft(runtimeService, onboarding)).as("a job committed at each attempt").isEqualTo(2);

            ResponseEntity<String> ended = http.withBasicAuth("hana", "demo")
                    .postForEntity("/api/hiring/students/{number}/end-of-employment", end, String.class, student);

            assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(active(student)).isFalse();
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(onboarding.getId()).singleResult().getEndActivityId())
                    .isEqualTo("EndEvent_EmploymentEnded");
        } finally {
            jdbc.sql("update hiring_student set active = false where application_number = ?").param(student).update();
        }
    }

    /** A student hired for a closed posting and on the desk roster, as a hire puts them there; their application number. */
    private String onRoster(String name, String availability) {
        String postingNumber = postings.nextNumber();
        postings.publish(posting(postingNumber), "test");
        postings.close(postingNumber);
        String number = applyByForm(postingNumber, name, availability);
        applications.settle(number, "HIRED");
        roster.add(applications.find(number).orElseThrow(), "hana", false, new BigDecimal("8"), LocalDate.now());
        return number;
    }

    private boolean active(String applicationNumber) {
        return jdbc.sql("select active from hiring_student where application_number = ?").param(applicationNumber).query(Boolean.class).single();
    }

    private static Postings.Posting posting(String postingNumber) {
        return new Postings.Posting(postingNumber, "Desk assistant", "Desk", new BigDecimal("8"), "unspecialized", new BigDecimal("17.60"), false, 1,
                LocalDate.now().plusDays(10), LocalDate.now(), "hana", true);
    }

    private String applyByForm(String postingNumber, String name, String availability) {
        String email = name.toLowerCase().replace(' ', '.') + "@trentu.example.ca";
        return applications.add(new Applications.NewApplication(postingNumber, "form", name, "0" + Math.abs(email.hashCode() % 1000000), email,
                "Computer Science", new BigDecimal("2.0"), availability, "resume.pdf", "application/pdf", new byte[] {1},
                name + "\nEducation: Trent University", true));
    }

    private void completeTask(ProcessInstance posting, String taskKey, Map<String, Object> variables) {
        awaitTrue(() -> taskService.createTaskQuery().processInstanceId(posting.getId()).taskDefinitionKey(taskKey).count() == 1, taskKey);
        taskService.complete(taskService.createTaskQuery().processInstanceId(posting.getId()).taskDefinitionKey(taskKey).singleResult().getId(),
                variables);
    }

    private ProcessInstance openPosting(String title) {
        LocalDate today = LocalDate.now();
        ProcessInstance posting = runtimeService.startProcessInstanceByKey("student-hiring", Map.of("title", title,
                "duties", "Service desk, evenings and weekends", "hoursPerWeek", 8L, "wageCategory", "unspecialized", "workStudy", false,
                "positions", 1L, "startDate", today.plusDays(40).toString(), "closingDate", today.plusDays(20).toString(), "supervisor", "hana"));
        started.add(posting.getId());
        completeTask(posting, "Task_ApprovePosting", Map.of("postingDecision", "approve"));
        awaitTrue(() -> runtimeService.createEventSubscriptionQuery().processInstanceId(posting.getId()).eventName("Job application").count() == 1,
                "posting " + title + " open");
        return posting;
    }

    private long count(ProcessInstance posting) {
        return jdbc.sql("select count(*) from hiring_application where posting_number = ?").param(posting.getBusinessKey()).query(Long.class).single();
    }

    private static MultiValueMap<String, Object> application(String name, String studentNumber, String email, String fileName, byte[] file,
            List<String> availability) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("applicantName", name);
        form.add("studentNumber", studentNumber);
        form.add("email", email);
        form.add("program", "English Literature");
        form.add("credits", "2.5");
        availability.forEach(slot -> form.add("availability", slot));
        form.add("resume", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return form;
    }

    /** Posts a page's form as a browser would: its CSRF field and the cookie the page set. */
    private ResponseEntity<String> post(ResponseEntity<String> page, String path, MultiValueMap<String, Object> form) {
        form.add("_csrf", PageForms.csrfToken(page));
        return http.postForEntity(path, new HttpEntity<>(form, PageForms.multipartHeaders(PageForms.cookie(page, "RS-PATRON-XSRF"))), String.class);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 30 s: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
