package org.resourcesharing.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resourcesharing.platform.IdentityProperties;
import org.resourcesharing.testsupport.ResourceSharingIntegrationTest;
import org.resourcesharing.testsupport.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: prints how long the whole dashboard (every measure, as a manager sees it) takes to compute with
 * 1,000,000 historic requests in PostgreSQL, generated in bulk with generate_series: borrowing and lending over five
 * years, a user task each, where the open ones wait, the reports' record of them (request_record, request_milestone),
 * ISO 18626 messages, emails and decisions. Not the engine's variables and other activity instances of each request:
 * no measure reads them, and writing them took most of the ten minutes the generation took.
 * PostgreSQL only; run it with
 * {@code RS_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test ./mvnw test -Dtest=ReportsBenchmark -Dbenchmarks}.
 */
@Tag("benchmark")
@ResourceSharingIntegrationTest
class ReportsBenchmark {

    static final int REQUESTS = 1_000_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Dashboard dashboard;
    @Autowired
    IdentityProperties identity;

    @Test
    void timeToComputeTheDashboardWithAMillionRequests() {
        Assumptions.assumeTrue(TestDatabase.isPostgres(), "the benchmark is of PostgreSQL");
        long generating = System.nanoTime();
        generate();
        System.out.printf("%nReports benchmark: %,d requests generated in %.1f s (%,d activity instances, %,d tasks, %,d ISO 18626 messages,"
                + " %,d request records, %,d milestones reached)%n", count("ACT_HI_PROCINST"), seconds(generating), count("ACT_HI_ACTINST"),
                count("ACT_HI_TASKINST"), count("iso18626_message"), count("request_record"), count("request_milestone"));

        Viewer manager = Viewer.of(Set.of(identity.managersGroup()), identity);
        LocalDate today = LocalDate.now();
        for (DateRange range : List.of(new DateRange(today.minusDays(89), today), new DateRange(today.minusYears(1).plusDays(1), today),
                new DateRange(today.minusYears(5), today))) {
            dashboard.all(manager, range, false); // warm: plans and pages in memory, as on a dashboard used every day
            long started = System.nanoTime();
            List<ReportTable> tables = dashboard.all(manager, range, false);
            double took = seconds(started);
            long requests = jdbc.sql("select count(*) from ACT_HI_PROCINST where START_TIME_ >= ? and START_TIME_ < ?").params(range.start(), range.end())
                    .query(Long.class).single();
            System.out.printf("Reports benchmark: dashboard %s to %s (%,d requests in range): %d measures in %.2f s%n", range.from(), range.to(),
                    requests, tables.size(), took);
            if (range.from().equals(today.minusDays(89))) { // where the time goes, once
                for (Dashboard.Measure measure : Dashboard.Measure.values()) {
                    long one = System.nanoTime();
                    dashboard.table(measure, manager, range, false);
                    System.out.printf("    %-22s %.2f s%n", measure.id, seconds(one));
                }
            }
        }
        System.out.println();
    }

    private void generate() {
        jdbc.sql("""
                create unlogged table bm as
                select i, case when i % 5 < 3 then 'borrowing' else 'lending' end process_key,
                    localtimestamp - random() * interval '1826 days' started,
                    case when random() < 0.6 then 'Loan' else 'Copy' end service,
                    'ISIL:BM-' || (i % 200) partner,
                    random() < 0.85 filled,
                    random() < 0.95 ended,
                    0.2 + random() * 10 ship_days,
                    1 + random() * 72 task_hours
                from generate_series(1, ?) i
                """).param(REQUESTS).update();
        jdbc.sql("""
                insert into ACT_HI_PROCINST (ID_, PROC_INST_ID_, PROC_DEF_ID_, PROC_DEF_KEY_, START_TIME_, END_TIME_, END_ACT_ID_, STATE_)
                select 'bm' || i, 'bm' || i, process_key || ':bm', process_key, started,
                    case when ended then started + (ship_days + 20) * interval '1 day' end,
                    case when ended and filled then 'EndEvent_LoanCompleted' when ended then 'EndEvent_Unfilled' end,
                    case when ended then 'COMPLETED' else 'ACTIVE' end
                from bm
                """).update();
        // where open requests wait (the engine's activity instances and variables are not read by the dashboard any more:
        // the request measures read request_record and request_milestone)
        jdbc.sql("""
                insert into ACT_HI_ACTINST (ID_, PROC_DEF_ID_, PROC_DEF_KEY_, PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, ACT_TYPE_, START_TIME_)
                select 'bma' || i, process_key || ':bm', process_key, 'bm' || i, 'bm' || i,
                    case when process_key = 'borrowing' then 'Task_ReceiveItem' else 'Task_ReviewRequest' end, 'userTask', started
                from bm where not ended
                """).update();
        // the reports' record of the same requests, as RequestRecorder writes it while the engine runs them
        jdbc.sql("""
                insert into request_record (process_instance_id, process_key, started, ended, end_activity, service_type, partner, reason)
                select 'bm' || i, process_key, started,
                    case when ended then started + (ship_days + 20) * interval '1 day' end,
                    case when ended and filled then 'EndEvent_LoanCompleted' when ended then 'EndEvent_Unfilled' end,
                    service, partner, case when ended and not filled then 'NotHeld' end
                from bm
                """).update();
        jdbc.sql("""
                insert into request_milestone (process_instance_id, milestone, process_key, started, reached)
                select 'bm' || i, m.name, process_key, started, started + (ship_days + m.step - 1) * interval '1 day'
                from bm join (values ('shipped', 1), ('received', 2), ('notified', 3)) m(name, step)
                    on filled and (m.step <= 2 or process_key = 'borrowing')
                """).update();
        jdbc.sql("""
                insert into ACT_HI_TASKINST (ID_, PROC_DEF_KEY_, PROC_INST_ID_, TASK_DEF_KEY_, NAME_, START_TIME_, END_TIME_)
                select 'bmt' || i, process_key, 'bm' || i,
                    case when process_key = 'borrowing' then 'Task_ReceiveItem' else 'Task_ReviewRequest' end,
                    case when process_key = 'borrowing' then 'Receive the item' else 'Review lending request' end,
                    started, case when ended then started + task_hours * interval '1 hour' end
                from bm
                """).update();
        jdbc.sql("""
                insert into iso18626_message (id, direction, partner_agency_id, requesting_request_id, message_type, message_value, outcome, created_at)
                select 'bmm' || i || m.direction, m.direction, partner, 'BM-' || i,
                    case m.direction when 'OUT' then 'request' else 'supplyingAgencyMessage' end,
                    case m.direction when 'OUT' then service when 'IN' then (case service when 'Loan' then 'Loaned' else 'CopyCompleted' end) end,
                    'SENT', started + case m.direction when 'OUT' then interval '1 minute' else ship_days * interval '1 day' end
                from bm join (values ('OUT'), ('IN')) m(direction) on process_key = 'borrowing' and (m.direction = 'OUT' or filled)
                """).update();
        jdbc.sql("""
                insert into mail_received (id, mailbox, message_key, classification, outcome, raw_message, received_at)
                select 'bme' || i, 'ill', 'bme' || i, case when i % 3 = 0 then 'OTHER' else 'LOAN_OR_COPY_REQUEST' end,
                    case when i % 3 = 0 then 'TRIAGE' else 'STARTED' end, '', started
                from bm where i % 10 = 0
                """).update();
        jdbc.sql("insert into ACT_HI_DECINST (ID_, DEC_DEF_ID_, DEC_DEF_KEY_, EVAL_TIME_) select 'bmd' || i, 'copy-copyright:bm', 'copy-copyright', started from bm where i % 10 = 1")
                .update();
        jdbc.sql("""
                insert into ACT_HI_DEC_OUT (ID_, DEC_INST_ID_, RULE_ID_, VAR_NAME_, VAR_TYPE_, TEXT_)
                select 'bmo' || i || o.name, 'bmd' || i, case when i % 7 = 1 then 'CopyRule_01' else 'CopyRule_04' end, o.name, 'string',
                    case when o.name = 'copyrightDecision' then (case when i % 7 = 1 then 'refuse' else 'allow' end)
                         else (case when i % 7 = 1 then 'Licence terms' else 'Copyright Act s.30.2(1)' end) end
                from bm join (values ('copyrightDecision'), ('copyrightBasis')) o(name) on i % 10 = 1
                """).update();
        // vacuum too, as autovacuum does in production: it marks the pages all-visible, so the covering indexes answer alone
        for (String table : List.of("ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST", "iso18626_message", "mail_received",
                "ACT_HI_DECINST", "ACT_HI_DEC_OUT", "request_record", "request_milestone")) {
            jdbc.sql("vacuum analyze " + table).update();
        }
        jdbc.sql("drop table bm").update();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
