package org.resourcesharing.borrowing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resourcesharing.iso18626.Iso18626Codec;
import org.resourcesharing.iso18626.Iso18626Messages;
import org.resourcesharing.iso18626.model.Header;
import org.resourcesharing.testsupport.BenchmarkReport;
import org.resourcesharing.testsupport.CpuUse;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: prints (and writes to {@code target/benchmarks/}) how fast the automated borrowing
 * path runs, from the REST intake to the first ISO 18626 Request confirmed by the lender over HTTP on
 * loopback (a partner's system that confirms at once; then our own Durham agency, whose lending process
 * runs on the same engine and the same 2 cores), next to the
 * floor: the bare engine running an empty process with the same number of steps and asynchronous
 * points; and how fast Tasklist's task query answers with 10,000 and 100,000 open tasks. Each measure shows the processor
 * time it took (this JVM's, the whole machine's, the JIT compilers'), which tells a busy engine from a waiting one. Run with
 * {@code ./mvnw test -Dtest=BorrowingThroughputBenchmark -Dbenchmarks} (in-memory H2, or with {@code -Dbench.h2-file}
 * an H2 file as the application's embedded default; with
 * {@code RS_TEST_POSTGRES_URL} set, on PostgreSQL as well); {@code -Dbench.requests},
 * {@code -Dbench.tasks}, {@code -Dbench.warm-up} change the sizes. {@code ./mvnw verify} leaves it out.
 */
@Tag("benchmark")
@ResourceSharingIntegrationTest
class BorrowingThroughputBenchmark {

    private static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    /**
     * Requests before each measure, so that the JIT compilers have done their work: after 100 they still took a fifth of the
     * processor time and the path ran at half the speed it reached after 2,000 (README "Benchmarks").
     */
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 2000);
    private static final int CLIENTS = 4;
    private static final List<Integer> OPEN_TASKS = Stream.of(10_000, Integer.getInteger("bench.tasks", 100_000)).distinct().toList();
    private static final int QUERIES = 60;
    /** The automated loan path: start (async after), citation, duplicates, local holdings, email (async before), lenders, next lender, Request (async before). */
    private static final int STEPS = 7;
    private static final List<Integer> ASYNC_BEFORE = List.of(4, 7);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    PlatformTransactionManager transactionManager;
    @LocalServerPort
    int port;

    private final Map<String, JsonNode> partnersBefore = new HashMap<>();

    /** Durham, one of our own agencies, is the only lender of the book asked for; where it answers is set per measure. */
    @BeforeEach
    void rememberPartners() {
        for (String agency : List.of("ISIL:CA-OPETB", "ISIL:CA-OODT", "ISIL:CA-OKQ", "ISIL:CA-QMM")) {
            partnersBefore.put(agency, http.withBasicAuth("max", "demo").getForObject("/api/partners/" + agency, JsonNode.class));
        }
    }

    /** Our own agencies (Durham) answer at this address; the other holders are left out. */
    private void onlyDurhamLendsAt(String endpoint) {
        partnersBefore.forEach((agency, partner) -> {
            boolean own = partner.path("own").asBoolean();
            savePartner(agency, partner, own ? endpoint : partner.path("endpointUrl").asText(), own);
        });
    }

    @AfterEach
    void partnersAsBefore() {
        partnersBefore.forEach((agency, partner) -> savePartner(agency, partner, partner.path("endpointUrl").asText(), partner.path("active").asBoolean()));
    }

    private void savePartner(String agency, JsonNode partner, String endpoint, boolean active) {
        Map<String, Object> form = new HashMap<>();
        for (String field : List.of("name", "own", "emailOnly", "email", "tier", "currency", "lendingFee", "answerTimeout")) {
            form.put(field, partner.path(field).isNumber() ? partner.path(field).decimalValue() : partner.path(field).asText());
        }
        form.put("own", partner.path("own").asBoolean());
        form.put("emailOnly", partner.path("emailOnly").asBoolean());
        form.put("endpointUrl", endpoint);
        form.put("active", active);
        http.withBasicAuth("max", "demo").exchange("/api/partners/" + agency, HttpMethod.PUT, new HttpEntity<>(form), JsonNode.class);
    }

    @Test
    void automatedBorrowingPathAgainstItsFloorAndTasklistQueries() throws Exception {
        BenchmarkReport report = new BenchmarkReport("Borrowing: automated path, its floor, Tasklist queries (" + REQUESTS + " requests, "
                + CLIENTS + " clients)");
        if (TestDatabase.isPostgres()) {
            // off, dead rows of the job table and tasks stay in their indexes and every acquisition and count reads them again
            report.note("PostgreSQL's autovacuum: " + jdbc.sql("show autovacuum").query(String.class).single()
                    + " (on in production; a server for tests may have it off)");
        }
        report.row("Measure", "Per second", "p50 (ms)", "p95 (ms)", "Processor time per item (ms): JVM / machine", "Cores busy: JVM / machine",
                "JIT compilers' processor time per item (ms)", "Note");

        HttpServer lender = confirmingLender();
        Run path;
        try {
            onlyDurhamLendsAt("http://127.0.0.1:" + lender.getAddress().getPort() + "/iso18626");
            borrowingPath(WARM_UP, "warm");
            path = borrowingPath(REQUESTS, "bench");
        } finally {
            lender.stop(0);
        }
        report.row(path.cells("Borrowing requests: REST intake to the Request confirmed by a lender on loopback",
                "7 steps, 3 asynchronous points; the lender confirms at once"));

        onlyDurhamLendsAt("http://localhost:" + port + "/iso18626");
        borrowingPath(WARM_UP, "warm-both");
        Run bothSides = borrowingPath(REQUESTS, "bench-both");
        report.row(bothSides.cells("The same, the lender being our own lending process on this engine", "both libraries' work on the same 2 cores"));

        BpmnModelInstance floor = floorProcess();
        String deployment = repositoryService.createDeployment().name("benchmark floor").addModelInstance("benchmark-floor.bpmn", floor).deploy().getId();
        try {
            emptyProcess(WARM_UP);
            Run bare = emptyProcess(REQUESTS);
            report.row(bare.cells("Floor: bare engine, empty process of the same shape", ""));
            report.row("Borrowing path / floor", "%.0f %%".formatted(100 * path.perSecond() / bare.perSecond()), "", "", "", "", "", "target: at least 70 %");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }

        // patron enquiries, whose one task is the borrowing group's as soon as they start (the group sees it by its grant on the
        // process, as in service); they stay: deleting 100,000 instances would take longer than the benchmark, the test database goes with the run
        int open = 0;
        for (int wanted : OPEN_TASKS) {
            open += openTasks(wanted - open);
            if (TestDatabase.isPostgres()) {
                // as autovacuum does after such growth; without it the planner takes the table for empty
                jdbc.sql("analyze").update();
            }
            List<Double> millis = tasklistQueries();
            // the lending process's tasks from the measures above are open too, the lending group's
            report.row("Tasklist query with %,d open tasks, %,d of them the borrowing group's (page of 15 + count, as bella)"
                    .formatted(taskService.createTaskQuery().count(), open), "",
                    "%.0f".formatted(BenchmarkReport.percentile(millis, 50)), "%.0f".formatted(BenchmarkReport.percentile(millis, 95)), "", "", "",
                    "target p95 < 150 ms at 100,000");
        }
        report.write("borrowing-throughput");
    }

    /** A measure of {@code count} items over {@code seconds}, from the first started to the last done. */
    record Run(int count, double seconds, double p50, double p95, CpuUse.Reading cpu) {

        double perSecond() {
            return count / seconds;
        }

        String[] cells(String measure, String note) {
            return new String[] {measure, "%.1f".formatted(perSecond()), "%.0f".formatted(p50), "%.0f".formatted(p95),
                    "%.1f / %.1f".formatted(cpu.jvmMillis() / count, cpu.machineMillis() / count),
                    "%.2f / %.2f".formatted(cpu.jvmCores(), cpu.machineCores()),
                    "%.1f".formatted(cpu.compilingMillis() / count), note};
        }
    }

    private Run borrowingPath(int count, String prefix) throws Exception {
        Map<String, Instant> submitted = new ConcurrentHashMap<>();
        TestRestTemplate bella = http.withBasicAuth("bella", "demo"); // one client: each new one starts an HTTP client of its own
        Instant first = Instant.now();
        CpuUse cpu = CpuUse.start();
        inParallel(count, i -> {
            Instant at = Instant.now();
            JsonNode answer = bella.postForObject("/api/borrowing-requests", Map.of("patronId", prefix + "-" + i + "-"
                    + first.toEpochMilli(), "patronName", "Bench Patron", "patronEmail", "bench-" + i + "@trentu.example.ca", "patronType", "graduate",
                    "serviceType", "Loan", "title", "The patriots and the people", "isbn", "9780802037893"), JsonNode.class);
            submitted.put(answer.get("requestNumber").asText(), at);
            return null;
        });
        Map<String, OffsetDateTime> requested = new HashMap<>();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
        while (requested.size() < count && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200);
            jdbc.sql("select business_key, created_at from iso18626_message where direction = 'OUT' and outcome = 'SENT' and message_type = 'request'"
                    + " and created_at >= ?").param(OffsetDateTime.ofInstant(first, ZoneOffset.UTC))
                    .query(rs -> {
                        if (submitted.containsKey(rs.getString(1))) {
                            requested.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                        }
                    });
        }
        List<Double> latencies = new ArrayList<>();
        requested.forEach((number, at) -> latencies.add((double) Duration.between(submitted.get(number), at.toInstant()).toMillis()));
        CpuUse.Reading used = cpu.read();
        Instant last = Collections.max(requested.values()).toInstant();
        return new Run(requested.size(), Duration.between(first, last).toMillis() / 1000.0, BenchmarkReport.percentile(latencies, 50),
                BenchmarkReport.percentile(latencies, 95), used);
    }

    /** The borrowing path's shape with nothing in its steps. */
    private static BpmnModelInstance floorProcess() {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("benchmark-floor").camundaHistoryTimeToLive(1).startEvent().camundaAsyncAfter();
        for (int step = 1; step <= STEPS; step++) {
            var task = flow.serviceTask("Step_" + step).camundaExpression("${true}");
            flow = ASYNC_BEFORE.contains(step) ? task.camundaAsyncBefore() : task;
        }
        return flow.endEvent().done();
    }

    private Run emptyProcess(int count) throws Exception {
        Instant first = Instant.now();
        CpuUse cpu = CpuUse.start();
        inParallel(count, i -> {
            runtimeService.startProcessInstanceByKey("benchmark-floor");
            return null;
        });
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(10));
        while (historyService.createHistoricProcessInstanceQuery().processDefinitionKey("benchmark-floor").finished().startedAfter(Date.from(first))
                .count() < count && Instant.now().isBefore(giveUp)) {
            Thread.sleep(100);
        }
        CpuUse.Reading used = cpu.read();
        List<HistoricProcessInstance> ended = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("benchmark-floor").finished()
                .startedAfter(Date.from(first)).list();
        List<Double> latencies = ended.stream().map(instance -> (double) (instance.getEndTime().getTime() - instance.getStartTime().getTime())).toList();
        Instant last = ended.stream().map(instance -> instance.getEndTime().toInstant()).max(Instant::compareTo).orElseThrow();
        return new Run(ended.size(), Duration.between(first, last).toMillis() / 1000.0, BenchmarkReport.percentile(latencies, 50),
                BenchmarkReport.percentile(latencies, 95), used);
    }

    private int openTasks(int count) {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        for (int done = 0; done < count; done += 1000) {
            int batch = Math.min(1000, count - done);
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < batch; i++) {
                    runtimeService.startProcessInstanceByKey("patron-enquiry", Map.of("patronName", "Bench Patron", "patronEmail",
                            "bench@trentu.example.ca", "question", "When will my book arrive?"));
                }
            });
        }
        return count;
    }

    /** What Tasklist asks when bella opens it: her group's and her own tasks, newest first, a page of 15, and how many there are. */
    private List<Double> tasklistQueries() {
        List<Double> millis = new ArrayList<>();
        identityService.setAuthentication("bella", List.of("ill-borrowing"));
        try {
            for (int i = 0; i < QUERIES; i++) {
                long started = System.nanoTime();
                TaskQuery query = taskService.createTaskQuery().or().taskCandidateGroupIn(List.of("ill-borrowing")).taskAssignee("bella").endOr()
                        .orderByTaskCreateTime().desc();
                query.listPage(0, 15);
                query.count();
                millis.add((System.nanoTime() - started) / 1e6);
            }
        } finally {
            identityService.clearAuthentication();
        }
        return millis.subList(QUERIES / 6, millis.size()); // the first queries warm the caches
    }

    /**
     * A partner's ISO 18626 system on loopback, as small as one can be: it reads each request and confirms it at once
     * (what the borrowing path waits for), in a thread of its own, outside the engine.
     */
    private static HttpServer confirmingLender() throws IOException {
        Iso18626Codec codec = new Iso18626Codec(1_000_000);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/iso18626", exchange -> {
            try (exchange) {
                Header header = codec.parse(exchange.getRequestBody().readAllBytes()).message().getRequest().getHeader();
                byte[] confirmation = codec.write(Iso18626Messages.requestConfirmation(header, OffsetDateTime.now(), null, null))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/xml;charset=UTF-8");
                exchange.sendResponseHeaders(200, confirmation.length);
                exchange.getResponseBody().write(confirmation);
            }
        });
        server.start();
        return server;
    }

    private static void inParallel(int count, Function<Integer, Void> call) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Void>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int number = i;
                calls.add(clients.submit(() -> call.apply(number)));
            }
            for (Future<Void> done : calls) {
                done.get();
            }
        } finally {
            clients.shutdown();
        }
    }
}
