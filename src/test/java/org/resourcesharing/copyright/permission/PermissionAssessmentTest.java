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
    /** Words of English sentences, which no French explanation should contain (the data, like names and titles, excepted). */
    private static final String ENGLISH_WORDS = "(?i)\\b(the|is|of|and|or|by|with|to|an|not|only)\\b";
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
        assertThat(assessment.instructorReasoning()).as("an instructor who asked in English").isEqualTo(assessment.reasoning());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void everyExplanationHasItsFrenchWordsForAnInstructorWhoAskedInFrench(String name, Map<String, Object> changes, Outcome outcome, String rule,
            String why) {
        Assessment assessment = assess(request(inFrench(changes)), "CR-FR-" + name.hashCode());

        assertThat(assessment.outcome()).isEqualTo(outcome);
        assertThat(assessment.reasoning()).as("staff read English").contains(why);
        assertThat(assessment.instructorReasoning()).isNotEqualTo(assessment.reasoning()).doesNotContain("{", "}", "''")
                .doesNotContainPattern(ENGLISH_WORDS);
        if (assessment.shorterExcerpt() != null) {
            assertThat(assessment.shorterExcerpt()).doesNotContain("{", "}", "''").doesNotContainPattern(ENGLISH_WORDS);
        }
    }

    static Stream<Arguments> frenchRequests() {
        String term1990 = "Jane Historian, décès en 1990 : œuvre protégée jusqu'à la fin de 2060 (vie de l'auteur + 70 ans pour les décès à partir"
                + " de 1972), donc encore protégée en 2026";
        return Stream.of(
                Arguments.of("pages more than 10% that are not a whole chapter",
                        Map.of("pagesRequested", "45-75"),
                        "12,4 % de 250 pages dépasse la limite de 10 % : c'est plus qu'un court extrait, une autorisation est donc nécessaire ("
                        + term1990 + ")."),
                Arguments.of("one whole chapter longer than 10%",
                        Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "45-75", "courseCode", "FREN-1001"),
                        "12,4 % de 250 pages dépasse la limite de 10 % ; l'extrait est un chapitre entier : un court extrait au sens des lignes"
                        + " directrices sur l'utilisation équitable, réservé aux étudiants du cours FREN-1001."),
                Arguments.of("one poem from an anthology",
                        Map.of("workType", "POEM_OR_SCORE", "pagesRequested", "112-115", "totalPages", 24, "courseCode", "FREN-1002"),
                        "16,7 % de 24 pages dépasse la limite de 10 % ; l'extrait est un poème entier ou une partition entière d'une anthologie : un"
                        + " court extrait au sens des lignes directrices sur l'utilisation équitable, réservé aux étudiants du cours FREN-1002."),
                Arguments.of("author died in 1971: life + 50",
                        Map.of("workType", "WHOLE_WORK", "authors", "Alden Nowlan, 1971", "pagesRequested", ""),
                        "Alden Nowlan, décès en 1971 : œuvre protégée jusqu'à la fin de 2021 (vie de l'auteur + 50 ans pour les décès jusqu'en 1971),"
                        + " donc dans le domaine public en 2026."),
                Arguments.of("joint authors",
                        Map.of("workType", "WHOLE_WORK", "authors", "Ann First, 1901\nBob Second, 1930", "pagesRequested", ""),
                        "Une œuvre de collaboration (Ann First et Bob Second) est protégée jusqu'à ce que le dernier de ses auteurs soit décédé depuis"
                        + " assez longtemps, ce qu'une personne doit vérifier, et l'utilisation équitable ne règle pas la question : 100,0 % de 250"
                        + " pages dépasse la limite de 10 %."),
                Arguments.of("Crown work",
                        Map.of("workType", "WHOLE_WORK", "authorship", "CROWN", "pagesRequested", "", "totalPages", ""),
                        "L'œuvre est une publication gouvernementale (œuvre de la Couronne), dont la durée de protection doit être vérifiée par une"
                        + " personne, et l'utilisation équitable ne règle pas la question : une œuvre entière dépasse forcément la limite de 10 %."),
                Arguments.of("unknown death year",
                        Map.of("authors", "Anne Unknown", "pagesRequested", "1-30", "totalPages", ""),
                        "L'année du décès n'est pas connue pour Anne Unknown, et l'utilisation équitable ne règle pas la question : le nombre total"
                        + " de pages de l'œuvre n'est pas connu."),
                Arguments.of("licence forbids LMS posting",
                        Map.of("source", "LICENSED_ERESOURCE", "licence", "Taylor & Francis eBooks", "workType", "BOOK_CHAPTER",
                                "pagesRequested", "1-10"),
                        "La licence Taylor & Francis eBooks n'autorise pas l'affichage dans la plateforme d'enseignement ou la présentation en"
                        + " classe, et les conditions de licence l'emportent sur l'utilisation équitable."),
                Arguments.of("licence percentage limit exceeded",
                        Map.of("source", "LICENSED_ERESOURCE", "licence", "ProQuest Ebook Central", "pagesRequested", "1-60"),
                        "La licence ProQuest Ebook Central n'autorise l'affichage dans la plateforme d'enseignement ou la présentation en classe que"
                        + " jusqu'à 20 % d'une œuvre, et 24,0 % de 250 pages dépasse cette limite."),
                Arguments.of("link only",
                        Map.of("linkOnly", true, "source", "LICENSED_ERESOURCE", "licence", "Scholars Portal Journals",
                                "persistentLink", "https://journals.scholarsportal.info/details/00084085/v99i0001/1_x.xml", "pagesRequested", ""),
                        "Un lien permanent vers une ressource sous licence Scholars Portal Journals ne reproduit rien ; la mention de la source"
                        + " accompagne le lien."),
                Arguments.of("a book whose number of pages is not known",
                        Map.of("pagesRequested", "1-30", "totalPages", ""),
                        "Le nombre total de pages de l'œuvre n'est pas connu : une personne doit vérifier la demande (" + term1990 + ")."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frenchRequests")
    void anInstructorWhoAskedInFrenchReadsWhyInFrenchWithTheFiguresAndStaffKeepTheEnglish(String name, Map<String, Object> changes, String french) {
        Map<String, Object> values = base();
        values.putAll(changes);
        Assessment inEnglish = assess(read(values), "CR-EN-" + name.hashCode());
        values.put("instructorLanguage", "fr");

        Assessment inFrenchToo = assess(read(values), "CR-FR-" + name.hashCode());

        assertThat(inFrenchToo.instructorReasoning()).isEqualTo(french);
        assertThat(inFrenchToo.reasoning()).isEqualTo(inEnglish.reasoning());
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
    void anInstructorWhoAskedInFrenchIsToldTheShorterExcerptInFrench() {
        Assessment tooMuch = assess(request(inFrench(Map.of("pagesRequested", "1-101", "totalPages", 1000))), "CR-SHORTER-FR");
        Assessment licenceForbids = assess(request(inFrench(Map.of("source", "LICENSED_ERESOURCE", "licence", "Taylor & Francis eBooks",
                "workType", "BOOK_CHAPTER", "pagesRequested", "1-10"))), "CR-SHORTER-FR2");

        assertThat(tooMuch.shorterExcerpt()).isEqualTo("Un extrait plus court serait permis au titre de l'utilisation équitable : jusqu'à 100 pages"
                + " (10 % de 1000 pages).");
        assertThat(licenceForbids.shorterExcerpt()).isEqualTo("Un extrait plus court serait permis au titre de l'utilisation équitable : jusqu'à 25"
                + " pages (10 % de 250 pages) ou un chapitre entier.");
    }

    @Test
    void anInstructorWhoAskedInFrenchIsToldInFrenchThatTheCourseHasUsedUpTheWork() {
        WorkRequest first = request(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "45-75", "totalPages", 250));
        cleared(first, "CR-FR-FIRST");
        String course = first.courseCode();

        Assessment secondChapter = assess(request(inFrench(Map.of("workType", "BOOK_CHAPTER", "pagesRequested", "100-125", "courseCode", course))),
                "CR-FR-SECOND");

        assertThat(secondChapter.instructorReasoning()).startsWith("22,8 % de 250 pages (en comptant les 31 pages déjà autorisées pour " + course
                + ", Fall 2026) dépasse la limite de 10 %, et le maximum est un chapitre entier par œuvre pour un même cours (ce serait le 2e"
                + " extrait de ce genre) : c'est plus qu'un court extrait, une autorisation est donc nécessaire (Jane Historian, décès en 1990");
        assertThat(secondChapter.shorterExcerpt()).isEqualTo("Aucun autre extrait de cette œuvre n'est permis au titre de l'utilisation équitable"
                + " pour le cours " + course + " (Fall 2026).");
        assertThat(secondChapter.reasoning()).as("staff and the decision log").startsWith("22.8% of 250 pages (with 31 pages already cleared for "
                + course + " in Fall 2026) exceeds 10%, and the excerpt is more than one chapter (it would be number 2 of this work for the course)");
    }

    @Test
    void theShorterExcerptLeavesOutWhatTheCourseAlreadyUsedInEitherLanguage() {
        WorkRequest first = request(Map.of("pagesRequested", "1-10", "totalPages", 250));
        cleared(first, "CR-LEFT-FIRST");
        String course = first.courseCode();

        Assessment inEnglish = assess(request(Map.of("pagesRequested", "11-45", "courseCode", course)), "CR-LEFT-EN");
        Assessment inFrench = assess(request(inFrench(Map.of("pagesRequested", "11-45", "courseCode", course))), "CR-LEFT-FR");

        assertThat(inEnglish.shorterExcerpt()).isEqualTo("A shorter excerpt would qualify under fair dealing: up to 15 pages (10% of 250 pages, less"
                + " the 10 already cleared for " + course + ").");
        assertThat(inFrench.shorterExcerpt()).isEqualTo("Un extrait plus court serait permis au titre de l'utilisation équitable : jusqu'à 15 pages"
                + " (10 % de 250 pages, moins les 10 déjà autorisées pour le cours " + course + ").");
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

    /** Assesses the request and records its clearance, which later requests of the course for the work count. */
    private static void cleared(WorkRequest request, String businessKey) {
        Assessment assessment = assess(request, businessKey);
        assertThat(assessment.outcome()).isEqualTo(Outcome.CLEARED);
        LOG.record(businessKey, "ASSESSMENT", "CLEARED", assessment.rule(), assessment.ruleName(), assessment.reasoning(), "system",
                IN_2026.instant(), request, assessment.units());
    }

    private static Assessment assess(WorkRequest request, String businessKey) {
        return new PermissionAssessment(decisionService(), LOG, IN_2026, ReasoningMessages.bundled()).assess(request, businessKey);
    }

    private static Map<String, Object> inFrench(Map<String, Object> changes) {
        Map<String, Object> inFrench = new HashMap<>(changes);
        inFrench.put("instructorLanguage", "fr");
        return inFrench;
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
        return read(values);
    }

    private static WorkRequest read(Map<String, Object> values) {
        FieldErrors errors = new FieldErrors();
        WorkRequest request = PermissionRequests.read(values, errors, 2026);
        assertThat(errors.list()).isEmpty();
        return request;
    }
}
