package org.resourcesharing.borrowing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.testsupport.TestProcessEngine;

/**
 * <em>Keep the copy for the patron</em> ({@code ${fetchCopy}}) when the lender's download link
 * fails: what staff see, and where the request goes. (The link that works is followed over real
 * HTTP in {@code BorrowingOverHttpIntegrationTest}.)
 */
@Deployment(resources = {"bpmn/borrowing.bpmn", "forms/resolve-lender-error.form"})
class FetchCopyProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private HttpServer lender;

    /** No copy is ever stored here: only links that fail are followed. */
    @BeforeEach
    void registerTheDelegate() {
        Mocks.register("fetchCopy", new FetchCopyDelegate(null));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        if (lender != null) {
            lender.stop(0);
        }
    }

    @Test
    void aLinkThatCannotBeReachedIsRetriedAndTheFailedJobNamesTheLink() throws IOException {
        String link = "http://127.0.0.1:" + closedPort() + "/copies/8f3a";
        ProcessInstance borrowing = copyCompleted("Download: " + link);

        assertThatThrownBy(() -> execute(job(borrowing))).hasMessageContaining("The lender's link " + link + " could not be reached: ")
                .hasMessageContaining("ConnectException");

        Job failed = managementService().createJobQuery().processInstanceId(borrowing.getId()).singleResult();
        assertThat(failed.getExceptionMessage()).contains("The lender's link " + link + " could not be reached");
        assertThat(failed.getRetries()).isEqualTo(4); // R5/PT5M: the engine tries again
        assertThat(borrowing).isWaitingAt("Task_FetchCopy");
    }

    @Test
    void aLinkThatAnswersNotFoundGoesToStaffWithTheLendersAnswer() throws IOException {
        lender = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        lender.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        lender.start();
        String link = "http://127.0.0.1:" + lender.getAddress().getPort() + "/copies/gone";
        ProcessInstance borrowing = copyCompleted("Download: " + link);

        execute(job(borrowing));

        assertThat(borrowing).hasPassed("Event_CopyNotReadable").isWaitingAt("Task_ResolveLenderError").variables()
                .containsEntry("lenderError", "The lender's link " + link + " answered HTTP 404");
    }

    /** Where CopyCompleted leaves a borrowing request: its note in {@code supplierNote}, the fetch to run as a job. */
    private static ProcessInstance copyCompleted(String supplierNote) {
        return runtimeService().createProcessInstanceByKey("borrowing").businessKey("B-000077").startBeforeActivity("Task_FetchCopy")
                .setVariables(Map.of("supplierNote", supplierNote, "lenderName", "Trent Durham", "serviceType", "Copy",
                        "patronEmail", "ada@trentu.example.ca"))
                .execute();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
