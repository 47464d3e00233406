package org.resourcesharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.resourcesharing.BorrowingLoad.Accepted;
import org.resourcesharing.BorrowingLoad.Burst;
import org.resourcesharing.testsupport.ApplicationNode;
import org.resourcesharing.testsupport.TestDatabase;

/**
 * The application killed as by {@code kill -9} in the middle of a burst of 500 borrowing requests
 * on PostgreSQL, then started again: every request it accepted (HTTP 201) is there and has done
 * its automated steps (the ISO 18626 Request to the lender, the lender's process, the patron's
 * email) exactly once, whether before the crash or resumed after it; a request whose answer the
 * crash cut off is either wholly there or not at all; no job is left undone without an incident.
 * Mail goes to a mail server in this test, which outlives the application.
 * Needs PostgreSQL ({@code RS_TEST_POSTGRES_URL}); fails without it under CI.
 */
class CrashRecoveryIT {

    private static final int REQUESTS = 500;
    /** Requests stored before the kill: well into the burst, with steps of many requests under way. */
    private static final int KILL_AFTER = 150;

    @Test
    void aRequestAcceptedBeforeAKillIsDoneOnceAfterTheRestart() throws Exception {
        ApplicationNode.requirePostgres();
        TestDatabase.Jdbc database = TestDatabase.createPostgres("crash");
        GreenMail mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        // a job the dead node had locked is taken up after this lock time (the application's is 2 min; shorter here to keep CI fast)
        try (ApplicationNode node = ApplicationNode.on("crash", database, Files.createTempDirectory("rs-crash-copies-"),
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailServer.getSmtp().getPort(),
                "--camunda.bpm.job-execution.lock-time-in-millis=30000").start(List.of(hostname("before-the-crash")))) {
            BorrowingLoad load = new BorrowingLoad(database);
            load.onlyDurhamLends(node, "P2D");

            CompletableFuture<Burst> burst = CompletableFuture.supplyAsync(() -> {
                try {
                    return load.submit(REQUESTS, 8, "crash", i -> node);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            load.await(KILL_AFTER + " requests stored", Duration.ofMinutes(5), () -> load.count("select count(*) from borrowing_request") >= KILL_AFTER);
            node.kill();
            Burst answered = burst.get();
            long storedAtTheCrash = load.count("select count(*) from borrowing_request");

            // the same node again: same ports (the demo's own agencies call it there), same database
            node.start(List.of(hostname("after-the-restart")));
            Set<String> stored = new HashSet<>(load.rows("select business_key from borrowing_request"));
            load.await("every stored request asked its lender, with nothing left to do", Duration.ofMinutes(5),
                    () -> load.count("select count(*) from borrowing_request r where exists (select 1 from iso18626_message m where"
                            + " m.business_key = r.business_key and m.direction = 'OUT' and m.outcome = 'SENT' and m.message_type = 'request')")
                            == stored.size() && load.pendingJobs() == 0);

            assertThat(stored).as("accepted requests, all stored").containsAll(answered.accepted().stream().map(Accepted::requestNumber).toList());
            Map<String, Long> once = Map.of("out:request", 1L, "lending processes", 1L, "borrowing processes", 1L, "request rows", 1L);
            load.effects(stored).forEach((number, steps) -> assertThat(steps).as("steps done for %s", number).isEqualTo(once));
            assertThat(load.count("select count(*) from ACT_RU_JOB where RETRIES_ = 0")).as("jobs that failed for good").isZero();
            assertThat(load.count("select count(*) from ACT_RU_INCIDENT")).as("incidents").isZero();

            Map<String, String> patrons = new HashMap<>();
            load.query("select business_key, patron_email from borrowing_request", row -> patrons.put(row.getString(1), row.getString(2)));
            List<String> mailProblems = load.mailProblems(mailServer, patrons);
            long resumed = load.count("select count(distinct P.BUSINESS_KEY_) from ACT_HI_JOB_LOG J join ACT_HI_PROCINST P on P.ID_ = J.PROCESS_INSTANCE_ID_"
                    + " where J.HOSTNAME_ = 'after-the-restart' and P.PROC_DEF_KEY_ = 'borrowing'");
            System.out.printf("Crash test: %d requests sent, %d accepted, %d without an answer; %d stored at the kill, %d resumed after the restart%n",
                    REQUESTS, answered.accepted().size(), answered.unanswered(), storedAtTheCrash, resumed);
            assertThat(answered.unanswered()).as("requests cut off by the kill").isPositive();
            assertThat(resumed).as("requests that went on after the restart").isPositive();
            assertThat(mailProblems).as("emails lost, or sent twice as different messages").isEmpty();
        } finally {
            mailServer.stop();
        }
    }

    /** The name the node's job executor writes into the job log. */
    private static String hostname(String name) {
        return "--camunda.bpm.generic-properties.properties.hostname=" + name;
    }
}
