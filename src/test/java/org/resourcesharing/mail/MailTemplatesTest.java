package org.resourcesharing.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            received           | We have your request         | asking other libraries          | Demande reçue
            available-locally  | Available in our library     | Call number: PS8523.A86 D5     | Disponible à la bibliothèque
            cancelled          | Request cancelled            | We have cancelled the request  | Demande annulée
            unfilled           | We could not get it          | no library could lend it       | Document introuvable
            purchase-suggested | Suggested for purchase       | suggested that the library buy | Suggestion d’achat
            ready              | Ready for pickup             | bring it back by 4 January 2027 | Prêt à récupérer
            not-picked-up      | Returned unclaimed           | was not picked up in time      | Retourné, non récupéré
            copy-ready         | Your copy is ready           | five business days             | Votre copie est prête
            due-soon           | Due soon                     | bring it back by 4 January 2027 | À rendre bientôt
            recalled           | Recalled: please return it now | return it by 4 January 2027  | Rappel : merci de le rapporter
            overdue            | Overdue                      | It is overdue                  | En retard
            renewed            | Renewed                      | new due date is 4 January 2027 | Prêt prolongé
            not-renewed        | Not renewed                  | could not renew the loan       | Prolongation refusée
            not-cancelled      | Too late to cancel           | already on its way             | Annulation impossible
            cost-consent       | A library charges for it: your answer, please | charges 40.00 USD | Des frais à accepter : votre réponse, svp
            clarification      | We are checking your request | check some details             | Vérification de votre demande
            shipped            | On its way to us             | A library has sent it to us    | En route vers nous
            """)
    void everyPatronNoticeOfBorrowingHasItsOwnSubjectAndWordsInEnglishAndFrench(String notice, String subject, String words, String frenchSubject) {
        Map<String, Object> model = new HashMap<>(Map.of("patronName", "Ada Lovelace", "title", "The Diviners", "notice", notice,
                "requestNumber", "B-000042", "statusUrl", "https://ill.example.ca/requests/abc", "localLocation", "REFERENCE",
                "localCallNumber", "PS8523.A86 D5", "patronDownloadUrl", "https://ill.example.ca/copies/xyz",
                "patronDueDate", Date.from(LocalDate.of(2027, 1, 4).atStartOfDay(ZoneId.of("America/Toronto")).toInstant())));
        model.put("offeredCost", "40.00");
        model.put("offeredCostCurrency", "USD");

        MailTemplates.Rendered english = templates.render("borrowing-status", "en", model);
        MailTemplates.Rendered french = templates.render("borrowing-status", "fr", model);

        assertThat(english.subject()).isEqualTo(subject + ": The Diviners");
        assertThat(english.text()).contains("Dear Ada Lovelace", "B-000042", words, "https://ill.example.ca/requests/abc").doesNotContain("null");
        assertThat(french.subject()).isEqualTo(frenchSubject + " : The Diviners");
        assertThat(french.text()).contains("Bonjour Ada Lovelace", "B-000042").doesNotContain("null");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            received     | https://ill.example.ca/requests/abc/cancellation
            due-soon     | https://ill.example.ca/requests/abc/renewal
            cost-consent | https://ill.example.ca/requests/abc/cost
            """)
    void patronEmailsLinkToWhatThePatronCanDoNextInBothLanguages(String notice, String link) {
        Map<String, Object> model = new HashMap<>(Map.of("patronName", "Ada Lovelace", "title", "The Diviners", "notice", notice,
                "requestNumber", "B-000042", "statusUrl", "https://ill.example.ca/requests/abc", "offeredCost", "40.00",
                "offeredCostCurrency", "USD",
                "patronDueDate", Date.from(LocalDate.of(2027, 1, 4).atStartOfDay(ZoneId.of("America/Toronto")).toInstant())));

        assertThat(templates.render("borrowing-status", "en", model).text()).contains(link);
        assertThat(templates.render("borrowing-status", "fr", model).text()).contains(link);
    }

    @Test
    void anUnknownLanguageFallsBackToEnglish() {
        Map<String, Object> model = new HashMap<>(Map.of("patronName", "Ada", "question", "Where?", "answer", "Here.", "caseToken", "ENQ-1"));

        MailTemplates.Rendered rendered = templates.render("enquiry-answer", "de", model);

        assertThat(rendered.subject()).isEqualTo("Your question to Interlibrary Loan");
        assertThat(rendered.text()).contains("Dear Ada", "Here.", "[RS-ENQ-1]").doesNotContain("request number");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            hiring-posting    | posting   | Student job posting: Desk assistant          | apply on this page     | Offre d’emploi étudiant : Desk assistant
            hiring-interview  | interview | Interview invitation: Desk assistant         | Monday 14:00, room 204 | Invitation à une entrevue : Desk assistant
            hiring-offer      | offer     | Job offer: Desk assistant                    | /jobs/offers/tok       | Offre d’emploi : Desk assistant
            hiring-offer      | reminder  | Reminder: our job offer: Desk assistant      | not heard from you     | Rappel : notre offre d’emploi : Desk assistant
            hiring-onboarding | documents | Before you start: what we need from you      | TD1ON tax forms, by 2026-09-08 | Avant de commencer : ce dont nous avons besoin
            hiring-onboarding | reminder  | Reminder: we still need the SIN              | by 2026-09-11          | Rappel : il nous manque the SIN
            hiring-onboarding | term      | Work Study: please confirm your eligibility for the new term | begins on 2027-01-05 | Travail-études : confirmez votre admissibilité pour le nouveau trimestre
            hiring-onboarding | welcome   | Welcome to the library team                  | on the service desk roster | Bienvenue dans l’équipe de la bibliothèque
            hiring-shift      | offer     | Shift to cover: Saturday day, 2026-09-12     | /jobs/shifts/tok       | Quart à couvrir : Saturday day, 2026-09-12
            hiring-shift      | taken     | Shift taken: Saturday day, 2026-09-12        | taken by someone else  | Quart pris : Saturday day, 2026-09-12
            """)
    void everyHiringEmailHasItsSubjectAndWordsInEnglishAndFrench(String template, String notice, String subject, String words,
            String frenchSubject) {
        Map<String, Object> model = new HashMap<>();
        model.put("notice", notice);
        model.put("title", "Desk assistant");
        model.put("positions", 1);
        model.put("hoursPerWeek", 8L);
        model.put("hourlyRate", "17.60");
        model.put("workStudy", true);
        model.put("startDate", "2026-09-08");
        model.put("closingDate", "2026-08-20");
        model.put("duties", "Circulation desk");
        model.put("postingUrl", "http://localhost/jobs/JOB-000001");
        model.put("postingNumber", "JOB-000001");
        model.put("candidateName", "Noor");
        model.put("interviewAt", "Monday 14:00, room 204");
        model.put("offerUrl", "http://localhost/jobs/offers/tok");
        model.put("studentName", "Noor");
        for (String item : new String[] {"td1", "sin", "banking", "aoda", "whsa", "eligibility"}) {
            model.put(item + "DueDate", "2026-09-08");
        }
        model.put("item", "the SIN");
        model.put("termStart", "2027-01-05");
        model.put("due", "2026-09-11");
        model.put("absentStudent", "Ada");
        model.put("slot", "Saturday day");
        model.put("shiftDate", "2026-09-12");
        model.put("shiftUrl", "http://localhost/jobs/shifts/tok");

        MailTemplates.Rendered english = templates.render(template, "en", model);
        MailTemplates.Rendered french = templates.render(template, "fr", model);

        assertThat(english.subject()).isEqualTo(subject);
        assertThat(english.text()).contains(words).doesNotContain("null");
        assertThat(french.subject()).isEqualTo(frenchSubject);
        assertThat(french.text()).doesNotContain("null").isNotEqualTo(english.text());
    }
}
