package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void aLendingAnswerSaysWhyWeCannotSupplyInTheRequestersLanguage() {
        Map<String, Object> model = new HashMap<>(Map.of("requestingAgencyName", "Universitätsbibliothek Wien", "title", "The diviners",
                "author", "Laurence, Margaret", "supplyDecision", "unfilled", "reasonUnfilled", "NotOnShelf"));

        MailTemplates.Rendered english = templates.render("lending-answer", "en", model);
        MailTemplates.Rendered french = templates.render("lending-answer", "fr", model);

        assertThat(english.subject()).isEqualTo("We cannot lend: The diviners");
        assertThat(english.text()).contains("Dear colleagues at Universitätsbibliothek Wien", "The diviners, Laurence, Margaret",
                "we cannot supply it (it is not on the shelf)").doesNotContain("We will supply it");
        assertThat(english.html()).contains("it is not on the shelf").contains("<em>The diviners</em>");
        assertThat(french.subject()).isEqualTo("Nous ne pouvons pas prêter : The diviners");
        assertThat(french.text()).contains("il n’est pas en rayon");
    }

    @Test
    void aLendingAnswerSaysWeWillSupplyWithTheStaffNote() {
        Map<String, Object> model = new HashMap<>(Map.of("requestingAgencyName", "Universidad de Chile", "title", "Two solitudes",
                "supplyDecision", "supply", "answerNote", "Sent by Canada Post, tracking follows."));

        MailTemplates.Rendered english = templates.render("lending-answer", "en", model);

        assertThat(english.subject()).isEqualTo("We will lend: Two solitudes");
        assertThat(english.text()).contains("We will supply it", "Sent by Canada Post, tracking follows.").doesNotContain("null");
    }

    @Test
    void anUnknownLanguageFallsBackToEnglish() {
        Map<String, Object> model = new HashMap<>(Map.of("patronName", "Ada", "question", "Where?", "answer", "Here.", "caseToken", "ENQ-1"));

        MailTemplates.Rendered rendered = templates.render("enquiry-answer", "de", model);

        assertThat(rendered.subject()).isEqualTo("Your question to Interlibrary Loan");
        assertThat(rendered.text()).contains("Dear Ada", "Here.", "[RS-ENQ-1]").doesNotContain("request number");
    }
}
