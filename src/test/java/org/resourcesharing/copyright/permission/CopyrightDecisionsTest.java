package org.resourcesharing.copyright.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.resourcesharing.copyright.permission.CopyrightDecisions.Decision;
import org.resourcesharing.platform.FieldErrors;

/** The decision log on its own database: filters, and deletion after the retention period. */
class CopyrightDecisionsTest {

    private final CopyrightDecisions log = TestCopyrightDecisions.newLog();

    @Test
    void decisionsAreFoundByCourseTermRequestAndTimeInTheOrderTheyWereMade() {
        Instant now = Instant.parse("2026-11-02T15:00:00Z");
        log.record("CR-1", "ASSESSMENT", "CLEARED", "FAIR_DEALING", "Fair dealing: short excerpt", "one chapter", "system", now,
                request("HIST-1001", "Fall 2026"), 1);
        log.record("CR-1", "REVIEW", "PERMISSION_NEEDED", "OVERRIDE", "Overridden", "workbook", "cora", now.plusSeconds(60),
                request("HIST-1001", "Fall 2026"), 1);
        log.record("CR-2", "ASSESSMENT", "CLEARED", "LINK_ONLY", "Link only", "a link", "system", now.plus(2, ChronoUnit.DAYS),
                request("ENGL-2105", "Winter 2027"), 0);

        assertThat(log.find("HIST-1001", null, null, null, null)).extracting(Decision::step).containsExactly("ASSESSMENT", "REVIEW");
        assertThat(log.find(null, "Winter 2027", null, null, null)).extracting(Decision::businessKey).containsExactly("CR-2");
        assertThat(log.find(null, null, "CR-1", null, null)).extracting(Decision::decidedBy).containsExactly("system", "cora");
        assertThat(log.find(null, null, null, now.plus(1, ChronoUnit.DAYS), null)).extracting(Decision::businessKey).containsExactly("CR-2");
        assertThat(log.find(null, null, null, null, now.plusSeconds(1))).hasSize(1);
        Decision first = log.find(null, null, "CR-1", null, null).get(0);
        assertThat(first.decidedAt().toInstant()).isEqualTo(now);
        assertThat(first).extracting(Decision::courseCode, Decision::term, Decision::workType, Decision::intendedUse, Decision::pagesRequested,
                Decision::pageCount, Decision::totalPages, Decision::units)
                .containsExactly("HIST-1001", "Fall 2026", "BOOK_CHAPTER", "LMS_POSTING", "45-75", 31, 250, 1);
    }

    @Test
    void decisionsOlderThanTheCutoffAreDeleted() {
        Instant now = Instant.parse("2026-11-02T15:00:00Z");
        log.record("CR-OLD", "ASSESSMENT", "CLEARED", "FAIR_DEALING", "Fair dealing", "old", "system", now.minus(1100, ChronoUnit.DAYS),
                request("HIST-9", "Fall 2023"), 1);
        log.record("CR-NEW", "ASSESSMENT", "CLEARED", "FAIR_DEALING", "Fair dealing", "new", "system", now, request("HIST-9", "Fall 2026"), 1);

        assertThat(log.deleteDecidedBefore(now.minus(1095, ChronoUnit.DAYS))).isEqualTo(1);

        assertThat(log.find("HIST-9", null, null, null, null)).extracting(Decision::businessKey).containsExactly("CR-NEW");
    }

    private static WorkRequest request(String course, String term) {
        Map<String, Object> values = new HashMap<>(PermissionAssessmentTest.base());
        values.putAll(Map.of("courseCode", course, "term", term, "workType", "BOOK_CHAPTER", "pagesRequested", "45-75"));
        FieldErrors errors = new FieldErrors();
        WorkRequest request = PermissionRequests.read(values, errors, 2026);
        assertThat(errors.list()).isEmpty();
        return request;
    }
}
