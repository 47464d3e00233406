package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates();

    @Test
    void aLendingStatusEmailSaysWhyWeCannotSupplyInTheRequestersLanguageAsPlainText() {
        Map<String, Object> model = new HashMap<>(Map.of("requestingAgencyName", "Universitätsbibliothek Wien", "title", "The diviners",
                "author", "Laurence, Margaret", "reasonForMessage", "RequestResponse", "status", "Unfilled", "reasonUnfilled", "NotOnShelf"));

        MailTemplates.Rendered english = templates.render("lending-status", "en", model);
        MailTemplates.Rendered french = templates.render("lending-status", "fr", model);

        assertThat(english.subject()).isEqualTo("We cannot supply: The diviners");
        assertThat(english.text()).contains("Dear colleagues at Universitätsbibliothek Wien", "The diviners, Laurence, Margaret",
                "we cannot supply it (it is not on the shelf)").doesNotContain("We will supply it", "null");
        assertThat(english.html()).isNull();
        assertThat(french.subject()).isEqualTo("Fourniture impossible : The diviners");
        assertThat(french.text()).contains("il n’est pas en rayon");
    }

    @Test
    void aLendingStatusEmailGivesTheDueDateOfALoanAndTheTermsToAgree() {
        Date due = Date.from(LocalDate.of(2027, 1, 4).atStartOfDay(ZoneId.of("America/Toronto")).toInstant());
        Map<String, Object> loaned = new HashMap<>(Map.of("requestingAgencyName", "Universidad de Chile", "title", "Two solitudes",
                "reasonForMessage", "StatusChange", "status", "Loaned", "itemId", "39000042", "sentVia", "Courier", "dueDate", due,
                "note", "Tracking number: 1Z999"));
        Map<String, Object> terms = new HashMap<>(Map.of("requestingAgencyName", "Universidad de Chile", "title", "Two solitudes",
                "reasonForMessage", "RequestResponse", "status", "ExpectToSupply", "lendingFee", "35.00", "feeCurrency", "USD",
                "loanConditions", "Shipped insured; a signature is required on receipt"));

        MailTemplates.Rendered shipped = templates.render("lending-status", "en", loaned);
        MailTemplates.Rendered offered = templates.render("lending-status", "fr", terms);

        assertThat(shipped.subject()).isEqualTo("Sent to you: Two solitudes");
        assertThat(shipped.text()).contains("We sent the item to you today (Courier). Item number: 39000042.",
                "Please return it by 4 January 2027.", "Tracking number: 1Z999");
        assertThat(offered.subject()).isEqualTo("Nos conditions pour : Two solitudes");
        assertThat(offered.text()).contains("- Shipped insured; a signature is required on receipt", "- des frais de 35.00 USD",
                "Merci de répondre à ce courriel");
    }

    @Test
    void anUnknownLanguageFallsBackToEnglish() {
        Map<String, Object> model = new HashMap<>(Map.of("patronName", "Ada", "question", "Where?", "answer", "Here.", "caseToken", "ENQ-1"));

        MailTemplates.Rendered rendered = templates.render("enquiry-answer", "de", model);

        assertThat(rendered.subject()).isEqualTo("Your question to Interlibrary Loan");
        assertThat(rendered.text()).contains("Dear Ada", "Here.", "[RS-ENQ-1]").doesNotContain("request number");
    }
}
