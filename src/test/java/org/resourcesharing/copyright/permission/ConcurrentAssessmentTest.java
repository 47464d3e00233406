package org.resourcesharing.copyright.permission;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.copyright.permission.PermissionAssessment.Assessment;
import org.resourcesharing.copyright.permission.PermissionAssessment.Outcome;
import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.testsupport.TestProcessEngine;

/**
 * Two requests for the same work and course assessed at the same moment, each in its own transaction as
 * two jobs of the engine would be (H2, or PostgreSQL under RS_TEST_DATABASE=postgres).
 */
@Deployment(resources = "bpmn/copyright-permission.dmn")
class ConcurrentAssessmentTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneId.of("America/Toronto"));
    private static final PermissionProperties PROPERTIES = new PermissionProperties(Period.ofDays(14), Period.ofDays(30), Period.ofYears(3),
            ZoneId.of("America/Toronto"), "0 30 3 * * *", Path.of("target/course-copies"), "https://ill.library.example.edu");

    private final TestCopyrightDecisions.Database database = TestCopyrightDecisions.newDatabase();
    private final ExecutorService jobs = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        jobs.shutdownNow();
    }

    @Test
    void twoExcerptsOfOneWorkAssessedAtOnceAreNotBothClearedWhenTogetherTheyExceedTheLimit() throws Exception {
        PermissionAssessment assessment = new PermissionAssessment(decisionService(), database.log(), IN_2026, ReasoningMessages.bundled());
        AssessPermissionDelegate assessor = new AssessPermissionDelegate(assessment, database.log(), PROPERTIES, IN_2026);
        // 250 pages, 10% limit: 15 pages each is within it, 30 together are not
        WorkRequest firstPages = request("1-15");
        WorkRequest nextPages = request("16-30");
        CountDownLatch firstRecorded = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);

        Future<Assessment> first = jobs.submit(() -> database.transactions().execute(transaction -> {
            Assessment assessed = assessor.assessAndRecord(firstPages, "CR-FIRST001");
            firstRecorded.countDown();
            awaitUninterruptibly(firstMayCommit);
            return assessed;
        }));
        assertThat(firstRecorded.await(10, SECONDS)).isTrue();
        Future<Assessment> second = jobs.submit(() -> database.transactions().execute(transaction -> assessor.assessAndRecord(nextPages,
                "CR-SECOND02")));
        Thread.sleep(300); // time for the second to reach the work's lock; it waits there for the first to commit
        assertThat(second).as("the second assessment waits for the first").isNotDone();
        firstMayCommit.countDown();

        assertThat(first.get(10, SECONDS).outcome()).isEqualTo(Outcome.CLEARED);
        Assessment later = second.get(10, SECONDS);
        assertThat(later.outcome()).isEqualTo(Outcome.PERMISSION_NEEDED);
        assertThat(later.reasoning()).startsWith("12.0% of 250 pages (with 15 pages already cleared for HIST-2001 in Fall 2026) exceeds 10%");
        assertThat(database.log().find("HIST-2001", "Fall 2026", null, null, null)).extracting(CopyrightDecisions.Decision::outcome)
                .containsExactly("CLEARED", "PERMISSION_NEEDED");
    }

    private static WorkRequest request(String pages) {
        Map<String, Object> values = new HashMap<>(PermissionAssessmentTest.base());
        values.put("courseCode", "HIST-2001");
        values.put("pagesRequested", pages);
        FieldErrors errors = new FieldErrors();
        WorkRequest request = PermissionRequests.read(values, errors, 2026);
        assertThat(errors.list()).isEmpty();
        return request;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(10, SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
