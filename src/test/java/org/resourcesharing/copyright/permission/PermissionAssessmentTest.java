package org.resourcesharing.copyright.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resourcesharing.copyright.permission.PermissionAssessment.Assessment;
import org.resourcesharing.copyright.permission.PermissionAssessment.Outcome;
import org.resourcesharing.platform.FieldErrors;
import org.resourcesharing.testsupport.TestProcessEngine;

/** The automatic assessment, rule by rule: the managers' tables in bpmn/copyright-permission.dmn with the arithmetic in Java, in 2026. */
@Deployment(resources = "bpmn/copyright-permission.dmn")
class PermissionAssessmentTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-11-02T15:00:00Z"), ZoneId.of("America/Toronto"));
    /** A real log on its own database; each test uses its own course, so the tests do not see each other's clearances. */
    private static final CopyrightDecisions LOG = TestCopyrightDecisions.newLog();
    private static int courses;

    static Stream<Arguments> requests() {
        return Stream.of(
                row("exactly 10% of a book", Map.of("pagesRequested", "1-25", "totalPages", 250),
                        Outcome.CLEARED, "FAIR_DEALING", "10.0% of 250 pages is within 10%"),
                row("10.1% of a book", Map.of("pagesRequested", "1-101", "totalPages", 1000),
                        Outcome.PERMISSION_NEEDED, "FAIR_DEALING", "10.1% of 1000 pages exceeds 10%"),
                row("one whole chapter longer than 10%", Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "45-75", "totalPages", 250),
                        Outcome.CLEARED, "FAIR_DEALING", "12.4% of 250 pages exceeds 10%; the excerpt is one whole chapter"),
                row("pages more than 10% that are not a whole chapter", Map.of("pagesRequested", "45-75", "totalPages", 250),
                        Outcome.PERMISSION_NEEDED, "FAIR_DEALING", "12.4% of 250 pages exceeds 10%"),
                row("author died in 1971: life + 50", Map.of("workType", "WHOLE_WORK", "authors", "Alden Nowlan, 1971", "pagesRequested", ""),
                        Outcome.CLEARED, "PUBLIC_DOMAIN", "Alden Nowlan died in 1971: protected until the end of 2021 (life + 50"),
                row("author died in 1972: life + 70", Map.of("workType", "WHOLE_WORK", "authors", "Ada Writer (1901-1972)", "pagesRequested", ""),
                        Outcome.PERMISSION_NEEDED, "FAIR_DEALING", "protected until the end of 2042 (life + 70, deaths from 1972), so still protected in 2026"),
                row("unknown death year", Map.of("workType", "WHOLE_WORK", "authors", "Anne Unknown", "pagesRequested", ""),
                        Outcome.NOT_DECIDABLE, "PUBLIC_DOMAIN", "year of death of Anne Unknown is not known"),
                row("joint authors", Map.of("workType", "WHOLE_WORK", "authors", "Ann First, 1901\nBob Second, 1930", "pagesRequested", ""),
                        Outcome.NOT_DECIDABLE, "PUBLIC_DOMAIN", "joint authorship (Ann First and Bob Second)"),
                row("Crown work", Map.of("workType", "WHOLE_WORK", "authorship", "CROWN", "pagesRequested", ""),
                        Outcome.NOT_DECIDABLE, "PUBLIC_DOMAIN", "government (crown) publication"),
                row("licence forbids LMS posting", Map.of("source", "LICENSED_ERESOURCE", "licence", "Taylor & Francis eBooks",
                        "workType", "BOOK_CHAPTER", "pagesRequested", "1-10", "totalPages", 250),
                        Outcome.PERMISSION_NEEDED, "LICENCE", "The licence Taylor & Francis eBooks does not allow LMS posting or display in class, and "
                                + "licence terms prevail over fair dealing"),
                row("licence allows course packs", Map.of("source", "LICENSED_ERESOURCE", "licence", "JSTOR", "intendedUse", "COURSE_PACK",
                        "workType", "JOURNAL_ARTICLE", "issn", "0008-4085", "pagesRequested", "1-40", "totalPages", 40),
                        Outcome.CLEARED, "LICENCE", "The licence JSTOR allows course packs or handouts"),
                row("licence percentage limit exceeded", Map.of("source", "LICENSED_ERESOURCE", "licence", "ProQuest Ebook Central",
                        "pagesRequested", "1-60", "totalPages", 250),
                        Outcome.PERMISSION_NEEDED, "LICENCE", "only up to 20% of a work, and 24.0% of 250 pages exceeds it"),
                row("one newspaper article", Map.of("workType", "NEWSPAPER_ARTICLE", "pagesRequested", "1-6", "totalPages", 40),
                        Outcome.CLEARED, "FAIR_DEALING", "15.0% of 40 pages exceeds 10%; the excerpt is one whole newspaper article or page"),
                row("one poem from an anthology", Map.of("workType", "POEM_OR_SCORE", "pagesRequested", "112-115", "totalPages", 24),
                        Outcome.CLEARED, "FAIR_DEALING", "one whole poem or musical score from an anthology"),
                row("link only", Map.of("linkOnly", true, "source", "LICENSED_ERESOURCE", "licence", "Scholars Portal Journals",
                        "persistentLink", "https://journals.scholarsportal.info/details/00084085/v99i0001/1_x.xml", "pagesRequested", ""),
                        Outcome.CLEARED, "LINK_ONLY", "A persistent link to a resource licensed under Scholars Portal Journals copies nothing"),
                row("film", Map.of("workType", "FILM_VIDEO", "pagesRequested", ""),
                        Outcome.NOT_DECIDABLE, "FILM", "Films and videos are assessed by a person"),
                row("a book whose number of pages is not known", Map.of("pagesRequested", "1-30", "totalPages", ""),
                        Outcome.NOT_DECIDABLE, "FAIR_DEALING", "The work's total number of pages is not known: a person must check"),
                row("a whole work of 200 pages", Map.of("workType", "WHOLE_WORK", "pagesRequested", "", "totalPages", 200),
                        Outcome.PERMISSION_NEEDED, "FAIR_DEALING", "100.0% of 200 pages exceeds 10%"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void decidesByTheRuleThatAppliesAndSaysWhy(String name, Map<String, Object> changes, Outcome outcome, String rule, String why) {
        Assessment assessment = assess(request(changes), "CR-" + name.hashCode());

        assertThat(assessment.outcome()).as(assessment.reasoning()).isEqualTo(outcome);
        assertThat(assessment.rule()).as(assessment.reasoning()).isEqualTo(rule);
        assertThat(assessment.reasoning()).contains(why);
    }

    @Test
    void twoChaptersOfTheSameBookForTheSameCourseAndTermAreAddedUp() {
        WorkRequest first = request(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "45-75", "totalPages", 250));
        Assessment firstChapter = assess(first, "CR-FIRST");
        assertThat(firstChapter.outcome()).isEqualTo(Outcome.CLEARED);
        LOG.record("CR-FIRST", "ASSESSMENT", "CLEARED", firstChapter.rule(), firstChapter.ruleName(), firstChapter.reasoning(), "system",
                IN_2026.instant(), first, firstChapter.units());

        Assessment secondChapter = assess(request(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "100-125", "totalPages", 250,
                "courseCode", first.courseCode())), "CR-SECOND");

        assertThat(secondChapter.outcome()).isEqualTo(Outcome.PERMISSION_NEEDED);
        assertThat(secondChapter.reasoning()).startsWith("22.8% of 250 pages (with 31 pages already cleared for " + first.courseCode()
                + " in Fall 2026) exceeds 10%, and the excerpt is more than one chapter (it would be number 2 of this work for the course)");
        assertThat(secondChapter.shorterExcerpt()).isEqualTo("No further excerpt of this work qualifies under fair dealing for "
                + first.courseCode() + " in Fall 2026.");

        Assessment anotherTerm = assess(request(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "100-125", "totalPages", 250,
                "courseCode", first.courseCode(), "term", "Winter 2027")), "CR-THIRD");
        assertThat(anotherTerm.outcome()).isEqualTo(Outcome.CLEARED);
    }

    @Test
    void aClearanceTheTeamOverrodeDoesNotCount() {
        WorkRequest first = request(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "45-75", "totalPages", 250));
        LOG.record("CR-OVERRIDDEN", "ASSESSMENT", "CLEARED", "FAIR_DEALING", "Fair dealing: short excerpt", "one chapter", "system",
                IN_2026.instant(), first, 1);
        LOG.record("CR-OVERRIDDEN", "REVIEW", "PERMISSION_NEEDED", "OVERRIDE", "Clearance overridden", "the book is a workbook", "cora",
                IN_2026.instant(), first, 1);

        Assessment next = assess(request(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "100-125", "totalPages", 250,
                "courseCode", first.courseCode())), "CR-NEXT");

        assertThat(next.outcome()).isEqualTo(Outcome.CLEARED);
    }

    @Test
    void aRefusedRequestIsToldWhatShorterExcerptWouldQualify() {
        Assessment tooMuch = assess(request(Map.of("pagesRequested", "1-101", "totalPages", 1000)), "CR-SHORTER");

        assertThat(tooMuch.shorterExcerpt()).isEqualTo("A shorter excerpt would qualify under fair dealing: up to 100 pages (10% of 1000 pages).");
    }

    @Test
    void theReadingOfARequestNamesEveryFieldThatIsWrong() {
        Map<String, Object> values = new HashMap<>(base());
        values.putAll(Map.of("instructorEmail", "not-an-address", "students", "many", "workType", "POSTER", "isbn", "978-0-00-000000-1",
                "pagesRequested", "chapter three", "linkOnly", true, "source", "LIBRARY_PRINT"));
        values.remove("courseCode");
        FieldErrors errors = new FieldErrors();

        assertThat(PermissionRequests.read(values, errors, 2026)).isNull();

        assertThat(errors.list()).extracting(FieldErrors.FieldError::field).containsExactlyInAnyOrder("courseCode", "instructorEmail", "students",
                "workType", "isbn", "pagesRequested", "persistentLink", "linkOnly");
    }

    private static Assessment assess(WorkRequest request, String businessKey) {
        return new PermissionAssessment(decisionService(), LOG, IN_2026, ReasoningMessages.bundled()).assess(request, businessKey);
    }

    private static Arguments row(String name, Map<String, Object> changes, Outcome outcome, String rule, String why) {
        return Arguments.of(name, changes, outcome, rule, why);
    }

    /** A print book by one author who died in 1990, for LMS posting in a course of its own; {@code changes} replace values. */
    static Map<String, Object> base() {
        Map<String, Object> values = new HashMap<>();
        values.put("courseCode", "HIST-" + (1000 + ++courses));
        values.put("term", "Fall 2026");
        values.put("instructorName", "Dr. Ines Teacher");
        values.put("instructorEmail", "ines.teacher@trentu.example.ca");
        values.put("students", 40);
        values.put("intendedUse", "LMS_POSTING");
        values.put("workType", "BOOK_EXCERPT");
        values.put("title", "A history of Upper Canada");
        values.put("authors", "Jane Historian, 1990");
        values.put("publisher", "University of Toronto Press");
        values.put("publicationYear", 1985);
        values.put("isbn", "9780802065421");
        values.put("pagesRequested", "1-10");
        values.put("totalPages", 250);
        values.put("source", "LIBRARY_PRINT");
        return values;
    }

    private static WorkRequest request(Map<String, Object> changes) {
        Map<String, Object> values = base();
        values.putAll(changes);
        FieldErrors errors = new FieldErrors();
        WorkRequest request = PermissionRequests.read(values, errors, 2026);
        assertThat(errors.list()).isEmpty();
        return request;
    }
}
