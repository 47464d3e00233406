package org.resourcesharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.resourcesharing.BorrowingLoad.Accepted;
import org.resourcesharing.BorrowingLoad.Burst;
import org.resourcesharing.testsupport.ApplicationNode;
import org.resourcesharing.testsupport.BenchmarkReport;
import org.resourcesharing.testsupport.TestDatabase;

/**
 * Two nodes, one PostgreSQL database, as a library scales out: two {@code java -jar} processes of
 * the packaged application, each with its own job executor. 200 borrowing requests, half sent to
 * each node, all go through their automated steps exactly once: one ISO 18626 Request to the lender
 * and one lending process for it, one timer when the lender stays silent (one Cancel), one email per
 * notification step (the audit record against what the mail server, run by this test, received). (A request whose
 * rota is chosen after its node read the lender's figures again, with five requests cancelled unanswered, leaves the
 * lender out by its fill rate and ends its rota without asking it, also exactly once; within a run shorter than
 * {@code lender-figures-max-age} every request asks it.) A task of a request
 * started on node A, completed on node B, moves the request on. Both nodes did the work.
 * Needs PostgreSQL ({@code RS_TEST_POSTGRES_URL}); fails without it under CI.
 */
class ClusterIT {

    private static final int REQUESTS = 200;
    /** The lender's answer time: its timer fires in every request, shortly after the burst. */
    private static final String ANSWER_TIMEOUT = "PT30S";

    @Test
    void twoNodesOnOneDatabaseDoEveryStepOnceAndContinueEachOthersRequests() throws Exception {
        ApplicationNode.requirePostgres();
        TestDatabase.Jdbc database = TestDatabase.createPostgres("cluster");
        Path copies = Files.createTempDirectory("rs-cluster-copies-");
        GreenMail mailServer = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        String[] sendMailHere = {"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailServer.getSmtp().getPort()};
        // the first node creates the schema; the second joins a running cluster
        try (ApplicationNode nodeA = ApplicationNode.on("cluster-a", database, copies, sendMailHere).start(List.of(hostname("cluster-a")));
                ApplicationNode nodeB = ApplicationNode.on("cluster-b", database, copies, sendMailHere).start(List.of(hostname("cluster-b")))) {
            BorrowingLoad load = new BorrowingLoad(database);
            load.onlyDurhamLends(nodeA, ANSWER_TIMEOUT);

            Burst burst = load.submit(REQUESTS, 8, "cluster", i -> i % 2 == 0 ? nodeA : nodeB);
            assertThat(burst.unanswered()).as("requests the nodes did not accept").isZero();
            Map<String, String> patrons = burst.accepted().stream().collect(Collectors.toMap(Accepted::requestNumber, Accepted::patronEmail));
            Set<String> numbers = patrons.keySet();
            assertThat(numbers).hasSize(REQUESTS);

            // Durham never answers: each request's timer fires, Durham is told Cancel, the rota ends with a task for staff
            load.await(REQUESTS + " requests at the end of their rota with nothing left to do", Duration.ofMinutes(5),
                    () -> load.waitingAt("Task_EndOfRota", numbers) == REQUESTS && load.pendingJobs() == 0);

            // Durham is asked until a node reads its figures again with five requests cancelled unanswered: its fill rate then leaves it out
            Map<String, Long> asked = Map.of("out:request", 1L, "out:Cancel", 1L, "lending processes", 1L, "borrowing processes", 1L,
                    "request rows", 1L);
            Map<String, Long> leftOut = Map.of("borrowing processes", 1L, "request rows", 1L);
            Map<String, Map<String, Long>> effects = load.effects(numbers);
            effects.forEach((number, steps) -> assertThat(steps).as("steps done for %s", number).isIn(asked, leftOut));
            assertThat(effects.values().stream().filter(asked::equals).count()).as("requests whose lender's timer fired").isGreaterThanOrEqualTo(5);
            assertThat(load.count("select count(*) from ACT_RU_INCIDENT")).as("incidents").isZero();
            assertThat(load.mailProblems(mailServer, patrons)).as("emails sent twice, or not as recorded").isEmpty();
            assertThat(load.rows("select distinct HOSTNAME_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2"))
                    .as("nodes that executed jobs").contains("cluster-a", "cluster-b");

            // figures, not assertions: the packaged jar's start-up and memory after this load (README "Benchmarks")
            new BenchmarkReport("Packaged jar, two nodes on PostgreSQL, after " + REQUESTS + " borrowing requests")
                    .row("Node", "Start-up (to healthy)", "Memory")
                    .row(nodeA.name(), nodeA.startupTime().toSeconds() + " s", nodeA.memory())
                    .row(nodeB.name(), nodeB.startupTime().toSeconds() + " s", nodeB.memory())
                    .write("packaged-jar", "PostgreSQL");

            Accepted startedOnA = burst.accepted().stream().filter(request -> request.node().equals("cluster-a")).findFirst().orElseThrow();
            String task = load.rows("select T.ID_ from ACT_RU_TASK T join ACT_RU_EXECUTION P on P.ID_ = T.PROC_INST_ID_"
                    + " where P.BUSINESS_KEY_ = '" + startedOnA.requestNumber() + "' and T.TASK_DEF_KEY_ = 'Task_EndOfRota'").get(0);
            HttpResponse<String> completed = load.send(nodeB, "POST", "/engine-rest/task/" + task + "/complete",
                    "{\"variables\": {\"endOfRotaDecision\": {\"value\": \"giveUp\"}, \"patronMessage\": {\"value\": \"No library could lend it.\"}}}",
                    "bella:demo");
            assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
            load.await(startedOnA.requestNumber() + " to end", Duration.ofMinutes(1), () -> load.count("select count(*) from ACT_HI_PROCINST"
                    + " where BUSINESS_KEY_ = ? and END_TIME_ is not null", startedOnA.requestNumber()) == 1);
            assertThat(load.count("select count(*) from mail_sent where business_key = ? and status = 'SENT'", startedOnA.requestNumber()))
                    .as("the 'received' email and the one the task's answer sends").isEqualTo(2);
            assertThat(load.mailProblems(mailServer, Map.of(startedOnA.requestNumber(), startedOnA.patronEmail()))).isEmpty();
        } finally {
            mailServer.stop();
        }
    }

    /** The name a node's job executor writes into the job log. */
    private static String hostname(String node) {
        return "--camunda.bpm.generic-properties.properties.hostname=" + node;
    }
}
