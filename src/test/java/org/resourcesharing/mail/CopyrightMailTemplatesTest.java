package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The copyright permission workflow's emails (bpmn/copyright-permission.bpmn), in English and French, from its process variables. */
class CopyrightMailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    private static Map<String, Object> request() {
        Map<String, Object> model = new HashMap<>();
        model.put("courseCode", "HIST-1001H");
        model.put("term", "Fall 2026");
        model.put("instructorName", "Dr. Ines Teacher");
        model.put("students", 40);
        model.put("intendedUse", "COURSE_PACK");
        model.put("title", "A history of Upper Canada");
        model.put("citation", "Jane Historian. A history of Upper Canada. University of Toronto Press, 1985, pp. 45-75.");
        model.put("pagesRequested", "45-75");
        model.put("totalPages", 250);
        model.put("rightsHolderName", "University of Toronto Press");
        model.put("clearedUnder", "Permission of University of Toronto Press");
        model.put("clearedRule", "PERMISSION");
        model.put("postedLink", "https://lms.trentu.example.ca/content/9");
        model.put("assessmentReasoning", "12.4% of 250 pages exceeds 10%: more than a short excerpt, so permission is needed.");
        model.put("instructorReasoning", "12.4% of 250 pages exceeds 10%: more than a short excerpt, so permission is needed.");
        model.put("shorterExcerpt", "A shorter excerpt would qualify under fair dealing: up to 25 pages (10% of 250 pages).");
        return model;
    }

    /** What the assessment leaves for an instructor who asked in French; staff keep the English assessmentReasoning. */
    private static Map<String, Object> requestInFrench() {
        Map<String, Object> model = request();
        model.put("instructorReasoning", "12,4 % de 250 pages dépasse la limite de 10 % : c'est plus qu'un court extrait, une autorisation est"
                + " donc nécessaire.");
        model.put("shorterExcerpt", "Un extrait plus court serait permis au titre de l'utilisation équitable : jusqu'à 25 pages (10 % de 250 pages).");
        return model;
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(delimiter = '|', textBlock = """
            copyright-cleared             | en | Cleared for HIST-1001H: A history of Upper Canada                | Used under: Permission of University of Toronto Press. For the students of HIST-1001H only
            copyright-cleared             | fr | Autorisé pour HIST-1001H : A history of Upper Canada             | Autorisé au titre de : autorisation de University of Toronto Press. Réservé
            copyright-refused             | en | Permission refused for HIST-1001H: A history of Upper Canada     | up to 25 pages (10% of 250 pages)
            copyright-refused             | fr | Autorisation refusée pour HIST-1001H : A history of Upper Canada | mettre son exemplaire à la réserve
            copyright-permission-request  | en | Permission request: A history of Upper Canada                    | Use: copies in a course pack for the enrolled students
            copyright-permission-request  | fr | Demande d'autorisation : A history of Upper Canada               | Utilisation : copies dans un recueil de textes
            copyright-permission-reminder | en | Reminder: permission request for A history of Upper Canada       | A reminder of our earlier request
            copyright-permission-reminder | fr | Rappel : demande d'autorisation pour A history of Upper Canada   | Nous nous permettons de vous rappeler
            """)
    void rendersFromTheProcessVariables(String template, String language, String subject, String sentence) {
        MailTemplates.Rendered email = templates.render(template, language, request());

        assertThat(email.subject()).isEqualTo(subject);
        assertThat(email.text()).contains(sentence).contains("Jane Historian. A history of Upper Canada").doesNotContain("null", "[(", "${");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            LINK_ONLY       | Link only: no copy is made                | lien permanent seulement, aucune copie n’est faite
            PUBLIC_DOMAIN   | Public domain                             | domaine public
            LICENCE         | Licence terms                             | conditions de la licence
            FAIR_DEALING    | Fair dealing: short excerpt               | utilisation équitable, court extrait
            OTHER_EXCEPTION | Another exception of the Copyright Act    | une autre exception de la Loi sur le droit d’auteur
            PERMISSION_HELD | Permission already held                   | autorisation déjà obtenue
            """)
    void theFrenchClearanceNamesItsRuleInFrench(String rule, String english, String french) {
        Map<String, Object> model = request();
        model.put("clearedRule", rule);
        model.put("clearedUnder", english);

        assertThat(templates.render("copyright-cleared", "fr", model).text()).contains("Autorisé au titre de : " + french + ". Réservé")
                .doesNotContain(english);
        assertThat(templates.render("copyright-cleared", "en", model).text()).contains("Used under: " + english + ". For the students");
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The copy to post (PDF, 31 pages): https://ill.library.example.edu/course-copies/abc
            fr | La copie à afficher (PDF, 31 pages) : https://ill.library.example.edu/course-copies/abc
            """)
    void theClearanceCarriesTheUploadedCopysDownloadLinkWhenThereIsNoPostedLink(String language, String sentence) {
        Map<String, Object> model = request();
        model.remove("postedLink");
        model.put("copyUrl", "https://ill.library.example.edu/course-copies/abc");
        model.put("copyPages", 31);

        assertThat(templates.render("copyright-cleared", language, model).text()).contains(sentence)
                .doesNotContain("null", "lms.trentu", "Where your students", "Où vos étudiants");
    }

    @ParameterizedTest(name = "in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | We could not find or reach the rights holder of this work | We asked the rights holder
            fr | Nous n'avons pas pu trouver ou joindre le titulaire       | Nous avons demandé au titulaire
            """)
    void aRefusalSaysWhenNoRightsHolderCouldBeFound(String language, String sentence, String notThis) {
        Map<String, Object> model = request();
        model.put("rightsHolderFound", "no");
        model.remove("rightsHolderName");

        MailTemplates.Rendered email = templates.render("copyright-refused", language, model);

        assertThat(email.text()).contains(sentence).doesNotContain(notThis, "null");
    }

    @Test
    void aFrenchRefusalSaysWhyAndWhatInsteadInFrench() {
        String text = templates.render("copyright-refused", "fr", requestInFrench()).text();

        assertThat(text).contains("Pourquoi une autorisation était nécessaire : 12,4 % de 250 pages dépasse la limite de 10 % : c'est plus qu'un"
                        + " court extrait, une autorisation est donc nécessaire.\n",
                "  - Un extrait plus court serait permis au titre de l'utilisation équitable : jusqu'à 25 pages (10 % de 250 pages).\n")
                .doesNotContain("exceeds", "permission is needed", "fair dealing");
    }

    @Test
    void anEnglishRefusalSaysWhyAndWhatInsteadAsBefore() {
        String text = templates.render("copyright-refused", "en", request()).text();

        assertThat(text).contains("Why permission was needed: 12.4% of 250 pages exceeds 10%: more than a short excerpt, so permission is needed.\n",
                "  - A shorter excerpt would qualify under fair dealing: up to 25 pages (10% of 250 pages).\n");
    }

    @Test
    void aRequestAssessedBeforeTheInstructorsReasoningWasKeptStillSaysWhy() {
        Map<String, Object> model = request();
        model.remove("instructorReasoning");

        assertThat(templates.render("copyright-refused", "fr", model).text()).contains("Pourquoi une autorisation était nécessaire : 12.4% of 250"
                + " pages exceeds 10%");
    }
}
