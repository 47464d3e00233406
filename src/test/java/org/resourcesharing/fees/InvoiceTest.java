package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.resourcesharing.fees.Invoices.Invoice;
import org.resourcesharing.fees.Invoices.InvoiceLine;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.iso18626.Partner;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.resourcesharing.testsupport.TestProcessEngine;

/**
 * A US partner's invoice for the week of 2 March 2026, in US dollars, from charges in USD, CAD, EUR
 * and IFLA vouchers at stated Bank of Canada rates (CAD per unit), with a reversal. The lending fee
 * is posted by a process, whose title the invoice shows.
 */
@Deployment(resources = "fees/record-charge.bpmn")
class InvoiceTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private TestLedgers.TestLedger ledger;
    private Invoices invoices;
    private String partner;
    private Posting damage;

    @BeforeEach
    void ratesAndAPartner() {
        ledger = TestLedgers.withoutRates(at(MONDAY, 10));
        ledger.load(new TestRates()
                .on("2026-02-27", "FXUSDCAD", "1.3702").on("2026-02-27", "FXEURCAD", "1.6100")
                .on(MONDAY, "FXUSDCAD", "1.3695").on(MONDAY, "FXEURCAD", "1.6183")
                .on(TUESDAY, "FXUSDCAD", "1.3811").on(TUESDAY, "FXEURCAD", "1.6200"));
        partner = "ISIL:US-T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Map<String, Partner> directory = Map.of(partner, new Partner(partner, "University of Washington Libraries", false,
                "https://ill.lib.washington.example/iso18626", "ill@uw.example.edu", "us", "USD", new BigDecimal("35.00"), Duration.ofDays(5),
                null, true));
        invoices = new Invoices(ledger.ledger(), id -> Optional.ofNullable(directory.get(id)), ledger.converter(),
                new RequestTitles(historyService()), new PaymentUnits(TestLedgers.properties("").iflaVouchers()), TestLedgers.properties(""),
                at(MONDAY.plusDays(7), 9));

    }

    /** Called by each test: the deployment of the process is made after every @BeforeEach. */
    private void aWeekOfCharges() {
        Mocks.register("recordCharge", new RecordChargeDelegate(ledger.ledger(), historyService()));
        var lending = runtimeService().startProcessInstanceByKey("fees-record-charge", partner + "/UW-1",
                Map.of("partnerAgencyId", partner, "lendingFee", "35.00", "feeCurrency", "USD", "title", "Effective Java"));
        execute(job(lending));
        damage = post(ledger.at(at(MONDAY, 11)), partner + "/UW-2", Direction.RECEIVABLE, Kind.DAMAGE, "45.00", "CAD");
        post(ledger.at(at(TUESDAY, 11)), "B-000042", Direction.PAYABLE, Kind.BORROWING_FEE, "12.00", "EUR");
        post(ledger.at(at(TUESDAY, 12)), partner + "/UW-3", Direction.RECEIVABLE, Kind.LENDING_FEE, "2", "XIV");
        ledger.at(at(MONDAY.plusDays(2), 15)).reverse(damage.id(), "max", "Repaired at no cost");
        post(ledger.at(at(MONDAY.plusDays(7), 9)), partner + "/UW-4", Direction.RECEIVABLE, Kind.LENDING_FEE, "35.00", "USD"); // next week
        ledger.ledger().post(new PostingRequest(AccountType.PARTNER, "ISIL:CA-OKQ", Direction.RECEIVABLE, Kind.LENDING_FEE,
                new BigDecimal("5.00"), "CAD", "ISIL:CA-OKQ/QU-1", null, "other-" + UUID.randomUUID(), "test", "Another partner"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void everyChargeOfThePeriodIsALineInThePartnersCurrencyAndTheTotalIsTheirSum() {
        aWeekOfCharges();
        Invoice invoice = invoices.invoice(partner, MONDAY, MONDAY.plusDays(4)).orElseThrow();

        assertThat(invoice.currency()).isEqualTo("USD");
        assertThat(invoice.partnerName()).isEqualTo("University of Washington Libraries");
        assertThat(invoice.number()).isEqualTo(partner.substring(5) + "-20260302-20260306");
        assertThat(invoice.issued()).isEqualTo(MONDAY.plusDays(7));
        assertThat(invoice.lines()).extracting(InvoiceLine::date, InvoiceLine::businessKey, InvoiceLine::title, InvoiceLine::kind,
                InvoiceLine::amount, InvoiceLine::currency, InvoiceLine::rate, InvoiceLine::rateDate, InvoiceLine::invoiceAmount)
                .containsExactly(
                        tuple(MONDAY, partner + "/UW-1", "Effective Java", Kind.LENDING_FEE, new BigDecimal("35.00"), "USD", BigDecimal.ONE,
                                MONDAY, new BigDecimal("35.00")),
                        // 45.00 / 1.3695 = 32.8587...
                        tuple(MONDAY, partner + "/UW-2", null, Kind.DAMAGE, new BigDecimal("45.00"), "CAD", new BigDecimal("0.7301935013"),
                                MONDAY, new BigDecimal("32.86")),
                        // what we owe: -12.00 × 1.6200 / 1.3811 = -14.0757...
                        tuple(TUESDAY, "B-000042", null, Kind.BORROWING_FEE, new BigDecimal("-12.00"), "EUR", new BigDecimal("1.172978061"),
                                TUESDAY, new BigDecimal("-14.08")),
                        // two vouchers are EUR 16.00: 16.00 × 1.6200 / 1.3811 = 18.7676...
                        tuple(TUESDAY, partner + "/UW-3", null, Kind.LENDING_FEE, new BigDecimal("2.0"), "XIV", new BigDecimal("9.3838244877"),
                                TUESDAY, new BigDecimal("18.77")),
                        // Wednesday's reversal at Monday's rate, its original's: it cancels the line exactly
                        tuple(MONDAY.plusDays(2), partner + "/UW-2", null, Kind.DAMAGE, new BigDecimal("-45.00"), "CAD",
                                new BigDecimal("0.7301935013"), MONDAY, new BigDecimal("-32.86")));
        assertThat(invoice.total()).isEqualTo(new BigDecimal("39.69"));
        assertThat(invoice.total()).isEqualTo(invoice.lines().stream().map(InvoiceLine::invoiceAmount).reduce(BigDecimal::add).orElseThrow());
        assertThat(invoice.lines().get(1).rateSource()).isEqualTo("Bank of Canada FXUSDCAD");
        assertThat(invoice.lines().get(2).rateSource()).isEqualTo("Bank of Canada FXEURCAD / Bank of Canada FXUSDCAD");
        assertThat(invoice.lines().get(3).rateSource()).isEqualTo("IFLA voucher = EUR 8.00; Bank of Canada FXEURCAD / Bank of Canada FXUSDCAD");
        assertThat(invoice.lines().get(4).reverses()).isEqualTo(damage.id());
    }

    @Test
    void aPartnerWhoseCurrencyIsTheHomeCurrencyIsInvoicedAtTheLedgersHomeAmounts() {
        aWeekOfCharges();
        Map<String, Partner> canadian = Map.of(partner, new Partner(partner, "Queen's University Library", false, null, "ill@queensu.example.ca",
                "ocul", "CAD", BigDecimal.ZERO, Duration.ofDays(3), null, true));
        Invoices inCad = new Invoices(ledger.ledger(), id -> Optional.ofNullable(canadian.get(id)), ledger.converter(),
                new RequestTitles(historyService()), new PaymentUnits(TestLedgers.properties("").iflaVouchers()), TestLedgers.properties(""),
                Clock.systemUTC());

        Invoice invoice = inCad.invoice(partner, MONDAY, MONDAY.plusDays(4)).orElseThrow();

        // 35.00 × 1.3695 = 47.9325; -12.00 × 1.6200 = -19.44; 2 × 8 × 1.6200 = 25.92; 45.00 - 45.00
        assertThat(invoice.lines()).extracting(InvoiceLine::invoiceAmount).containsExactly(new BigDecimal("47.93"), new BigDecimal("45.00"),
                new BigDecimal("-19.44"), new BigDecimal("25.92"), new BigDecimal("-45.00"));
        assertThat(invoice.total()).isEqualTo(new BigDecimal("54.41"));
        assertThat(invoice.lines().get(0).rate()).isEqualTo(new BigDecimal("1.3695"));
    }

    @Test
    void theCsvHasTheLinesAndTheTotal() {
        aWeekOfCharges();
        Invoice invoice = invoices.invoice(partner, MONDAY, MONDAY.plusDays(4)).orElseThrow();

        List<List<String>> rows = ValetFile.CsvLines.parse(InvoiceController.csv(invoice));

        assertThat(rows.get(0)).containsExactly(InvoiceController.CSV_COLUMNS);
        assertThat(rows).hasSize(1 + 5 + 1);
        assertThat(rows.subList(1, 6)).extracting(row -> row.get(2), row -> row.get(3), row -> row.get(6), row -> row.get(7), row -> row.get(11))
                .containsExactly(
                        tuple(partner + "/UW-1", "Effective Java", "35.00", "USD", "35.00"),
                        tuple(partner + "/UW-2", "", "45.00", "CAD", "32.86"),
                        tuple("B-000042", "", "-12.00", "EUR", "-14.08"),
                        tuple(partner + "/UW-3", "", "2.0", "XIV", "18.77"),
                        tuple(partner + "/UW-2", "", "-45.00", "CAD", "-32.86"));
        assertThat(rows.get(6)).containsExactly("", "", "", "Total", "", "", "", "", "", "", "", "39.69", "USD", "");
        assertThat(rows.subList(1, 6).stream().map(row -> new BigDecimal(row.get(11))).reduce(BigDecimal::add).orElseThrow())
                .isEqualTo(new BigDecimal(rows.get(6).get(11)));
    }

    @Test
    void thePdfShowsTheLinesTheTotalAndTheRatesUsed() throws IOException {
        aWeekOfCharges();
        Invoice invoice = invoices.invoice(partner, MONDAY, MONDAY.plusDays(4)).orElseThrow();

        String text;
        try (PDDocument pdf = Loader.loadPDF(InvoicePdf.render(invoice))) {
            text = new PDFTextStripper().getText(pdf);
        }

        assertThat(text).contains("Trent University Library", "Invoice " + invoice.number(),
                "To: University of Washington Libraries (" + partner + ")", "Period: 2026-03-02 to 2026-03-06", "Currency: USD",
                "Total USD 39.69", "Payment within 30 days, quoting the invoice number.");
        assertThat(text.lines().filter(line -> line.startsWith("2026-03-0")).toList()).containsExactly(
                "2026-03-02 " + partner + "/UW-1 Effective Java Lending fee 35.00 USD 1 35.00",
                "2026-03-02 " + partner + "/UW-2 Damage 45.00 CAD 0.7301935013 32.86",
                "2026-03-03 B-000042 Borrowing fee -12.00 EUR 1.172978061 -14.08",
                "2026-03-03 " + partner + "/UW-3 Lending fee 2.0 XIV 9.3838244877 18.77",
                "2026-03-04 " + partner + "/UW-2 Damage (reversal) -45.00 CAD 0.7301935013 -32.86");
        assertThat(text).contains("0.7301935013 USD per CAD, rate of 2026-03-02 (Bank of Canada FXUSDCAD)");
    }

    @Test
    void aPostingThatCannotBeConvertedRefusesTheInvoiceNamingIt() {
        aWeekOfCharges();
        Posting charge = ledger.ledger().post(new PostingRequest(AccountType.PARTNER, partner, Direction.RECEIVABLE, Kind.LENDING_FEE,
                new BigDecimal("500"), "CAD", partner + "/UW-5", null, "cad-" + UUID.randomUUID(), "test", "Fee"));
        ledger.jdbc().sql("delete from exchange_rate where currency = 'USD'").update();

        assertThatThrownBy(() -> invoices.invoice(partner, MONDAY, MONDAY)).isInstanceOfSatisfying(InvalidRequestException.class,
                refused -> assertThat(refused.errors()).anySatisfy(error -> {
                    assertThat(error.field()).isEqualTo("postings");
                    assertThat(error.reason()).isEqualTo("posting " + charge.id() + " of 2026-03-02 (500.00 CAD): no USD exchange rate on or "
                            + "before 2026-03-02; import the rates (POST /api/fees/rates)");
                }));
    }

    @Test
    void anUnknownPartnerHasNoInvoice() {
        assertThat(invoices.invoice("ISIL:XX-NONE", MONDAY, MONDAY)).isEmpty();
    }

    /** A charge on the partner's account. */
    private Posting post(Ledger ledger, String businessKey, Direction direction, Kind kind, String amount, String currency) {
        return ledger.post(new PostingRequest(AccountType.PARTNER, partner, direction, kind, new BigDecimal(amount), currency, businessKey,
                null, "test-" + UUID.randomUUID(), "test", kind + " " + businessKey));
    }

    private static Clock at(LocalDate day, int hour) {
        return Clock.fixed(ZonedDateTime.of(day, LocalTime.of(hour, 0), TestLedgers.ZONE).toInstant(), ZoneOffset.UTC);
    }
}
