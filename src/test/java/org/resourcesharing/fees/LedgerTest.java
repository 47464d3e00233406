package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resourcesharing.fees.Posting.AccountType;
import org.resourcesharing.fees.Posting.Direction;
import org.resourcesharing.fees.Posting.Kind;
import org.resourcesharing.platform.FieldErrors.FieldError;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;

class LedgerTest {

    private static final Ledger LEDGER = TestLedgers.newLedger();

    /** Monday 2 March 2026, 10:00 in Toronto, with Bank of Canada rates of the days before (none on the weekend). */
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");
    private static final TestLedgers.TestLedger AT_MONDAY = TestLedgers.withoutRates(
            Clock.fixed(ZonedDateTime.of(MONDAY, LocalTime.of(10, 0), TestLedgers.ZONE).toInstant(), ZoneOffset.UTC));

    static {
        AT_MONDAY.load(new TestRates()
                .on("2026-02-20", "FXAUDCAD", "0.8871")
                .on("2026-02-23", "FXNZDCAD", "0.8012")
                .on("2026-02-26", "FXCHFCAD", "1.7388")
                .on("2026-02-27", "FXCHFCAD", "1.7402")
                .on("2026-02-27", "FXUSDCAD", "1.3702")
                .on(MONDAY, "FXUSDCAD", "1.3695")
                .on(MONDAY, "FXEURCAD", "1.6183")
                .on(MONDAY, "FXGBPCAD", "1.8250")
                .on(MONDAY, "FXJPYCAD", "0.009061")
                .on(MONDAY, "FXDKKCAD", "0.2170")
                .on(MONDAY, "FXBHDCAD", "3.6312")
                .on("2026-03-03", "FXUSDCAD", "1.3811")); // the day after: never used for Monday
    }

    /** Every test its own partner, so that balances start at nothing on the one database. */
    private String partner;

    @BeforeEach
    void newPartner() {
        partner = "ISIL:CA-T" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void sumsAreExactWhereBinaryFloatingPointIsNot() {
        charge("0.10", "CAD");
        charge("0.20", "CAD");

        assertThat(0.1 + 0.2).isNotEqualTo(0.3);
        assertThat(LEDGER.balance(AccountType.PARTNER, partner)).containsExactly(entry("CAD", new BigDecimal("0.30")));
    }

    @Test
    void balancesAreKeptPerCurrencyAndNeverMixed() {
        charge("35.00", "USD");
        charge("5.00", "CAD");
        charge("0.01", "CAD");

        assertThat(LEDGER.balance(AccountType.PARTNER, partner))
                .containsExactly(entry("CAD", new BigDecimal("5.01")), entry("USD", new BigDecimal("35.00")));
    }

    @Test
    void whatWeOweAPartnerCountsAgainstWhatItOwesUs() {
        charge("15.00", "CAD");
        LEDGER.post(request("BORROWING_FEE-" + partner, Direction.PAYABLE, Kind.BORROWING_FEE, "25.50", "CAD"));

        assertThat(LEDGER.balance(AccountType.PARTNER, partner)).containsExactly(entry("CAD", new BigDecimal("-10.50")));
    }

    @Test
    void aChargeInTheHomeCurrencyHasItsHomeAmountAtOnce() {
        Posting cad = charge("5.00", "CAD");

        assertThat(cad.homeAmount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(cad.homeCurrency()).isEqualTo("CAD");
        assertThat(cad.exchangeRate()).isEqualTo(BigDecimal.ONE);
        assertThat(cad.rateSource()).isEqualTo("same currency");
        assertThat(cad.rateDate()).isEqualTo(LocalDate.now(TestLedgers.ZONE));
    }

    @Test
    void aUsDollarChargeIsConvertedAtTheRateOfItsDay() {
        Posting charge = atMonday("35.00", "USD");

        assertThat(charge.amount()).isEqualTo(new BigDecimal("35.00"));
        assertThat(charge.currency()).isEqualTo("USD");
        assertThat(charge.homeAmount()).isEqualTo(new BigDecimal("47.93")); // 35.00 × 1.3695 = 47.9325
        assertThat(charge.homeCurrency()).isEqualTo("CAD");
        assertThat(charge.exchangeRate()).isEqualTo(new BigDecimal("1.3695"));
        assertThat(charge.rateDate()).isEqualTo(MONDAY);
        assertThat(charge.rateSource()).isEqualTo("Bank of Canada FXUSDCAD");
    }

    @Test
    void aEuroChargeIsConvertedAtTheRateOfItsDay() {
        Posting charge = atMonday("12.00", "EUR");

        assertThat(charge.homeAmount()).isEqualTo(new BigDecimal("19.42")); // 12.00 × 1.6183 = 19.4196
        assertThat(charge.exchangeRate()).isEqualTo(new BigDecimal("1.6183"));
        assertThat(charge.rateDate()).isEqualTo(MONDAY);
        assertThat(charge.rateSource()).isEqualTo("Bank of Canada FXEURCAD");
    }

    @Test
    void theHomeAmountIsRoundedOnceHalfToEven() {
        // 1.00 × 1.8250 = 1.825: exactly half a cent, rounded to the even cent (half-up would give 1.83)
        assertThat(atMonday("1.00", "GBP").homeAmount()).isEqualTo(new BigDecimal("1.82"));
        // 3.00 × 1.8250 = 5.475: to the even cent, up this time
        assertThat(atMonday("3.00", "GBP").homeAmount()).isEqualTo(new BigDecimal("5.48"));
        // 1500 yen × 0.009061 = 13.5915
        assertThat(atMonday("1500", "JPY").homeAmount()).isEqualTo(new BigDecimal("13.59"));
    }

    @Test
    void onADayWithoutARateTheLastEarlierBusinessDaysRateIsUsed() {
        // Saturday, Sunday and Monday 2 March have no Swiss franc rate: Friday's is used
        Posting charge = atMonday("10.00", "CHF");

        assertThat(charge.rateDate()).isEqualTo(LocalDate.parse("2026-02-27"));
        assertThat(charge.exchangeRate()).isEqualTo(new BigDecimal("1.7402"));
        assertThat(charge.homeAmount()).isEqualTo(new BigDecimal("17.40"));
    }

    @Test
    void aRateExactlyAsOldAsAllowedIsUsedAndAnOlderOneRefused() {
        assertThat(atMonday("10.00", "NZD").rateDate()).isEqualTo(LocalDate.parse("2026-02-23")); // seven days before

        assertRefused(AT_MONDAY.ledger(), request("aud-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "10.00", "AUD"), "currency",
                "the last AUD exchange rate on or before 2026-03-02 is of 2026-02-20, older than the P7D allowed");
        assertThat(AT_MONDAY.ledger().postingsFor(AccountType.PARTNER, partner)).hasSize(1);
    }

    @Test
    void aChargeInACurrencyWithoutAnyRateIsRefusedNotGuessed() {
        assertRefused(AT_MONDAY.ledger(), request("sek-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "100.00", "SEK"), "currency",
                "no SEK exchange rate on or before 2026-03-02");
        assertThat(AT_MONDAY.ledger().postingsFor(AccountType.PARTNER, partner)).isEmpty();
    }

    @Test
    void iflaVouchersCountInHalvesAndAreValuedInEuros() {
        Posting vouchers = atMonday("1.5", "XIV");

        assertThat(vouchers.amount()).isEqualTo(new BigDecimal("1.5"));
        assertThat(vouchers.currency()).isEqualTo("XIV");
        // a full voucher is EUR 8.00 = CAD 12.9464 at 1.6183; a full and a half: 19.4196
        assertThat(vouchers.exchangeRate()).isEqualTo(new BigDecimal("12.9464"));
        assertThat(vouchers.homeAmount()).isEqualTo(new BigDecimal("19.42"));
        assertThat(vouchers.rateDate()).isEqualTo(MONDAY);
        assertThat(vouchers.rateSource()).isEqualTo("IFLA voucher = EUR 8.00; Bank of Canada FXEURCAD");
        assertThat(AT_MONDAY.ledger().balance(AccountType.PARTNER, partner)).containsExactly(entry("XIV", new BigDecimal("1.5")));
        assertRefused(AT_MONDAY.ledger(), request("quarter-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "1.25", "XIV"), "amount",
                "1.25 is not an amount of IFLA vouchers (XIV): they count in whole or half vouchers");
    }

    @Test
    void aReversalKeepsTheOriginalsRateEvenWhenTheRateIsCorrectedLater() {
        Posting charge = atMonday("100.00", "DKK");
        AT_MONDAY.load(new TestRates().on(MONDAY, "FXDKKCAD", "0.2180")); // a correction published later

        Posting reversal = AT_MONDAY.ledger().reverse(charge.id(), "max", "Charged twice");

        assertThat(charge.homeAmount()).isEqualTo(new BigDecimal("21.70"));
        assertThat(reversal.amount()).isEqualTo(new BigDecimal("-100.00"));
        assertThat(reversal.homeAmount()).isEqualTo(new BigDecimal("-21.70"));
        assertThat(reversal.exchangeRate()).isEqualTo(new BigDecimal("0.217"));
        assertThat(reversal.rateDate()).isEqualTo(MONDAY);
        assertThat(reversal.rateSource()).isEqualTo("Bank of Canada FXDKKCAD");
        assertThat(atMonday("100.00", "DKK").homeAmount()).isEqualTo(new BigDecimal("21.80")); // a new charge takes the corrected rate
    }

    @Test
    void aRetriedForeignChargeReturnsTheFirstPosting() {
        PostingRequest request = request("retry-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "35.00", "USD");
        Posting first = LEDGER.post(request);

        assertThat(first.exchangeRate()).isEqualTo(TestLedgers.USD_RATE);
        assertThat(first.homeAmount()).isEqualTo(new BigDecimal("49.04")); // 35.00 × 1.4012 = 49.042
        assertThat(LEDGER.post(request)).isEqualTo(first);
    }

    @Test
    void aPostingKeepsWhoPostedItWhyAndForWhichRequest() {
        Posting posting = charge("5.00", "CAD");

        assertThat(LEDGER.postingsForRequest(partner + "/QU-1")).containsExactly(posting);
        assertThat(posting.accountType()).isEqualTo(AccountType.PARTNER);
        assertThat(posting.accountId()).isEqualTo(partner);
        assertThat(posting.direction()).isEqualTo(Direction.RECEIVABLE);
        assertThat(posting.kind()).isEqualTo(Kind.LENDING_FEE);
        assertThat(posting.processInstanceId()).isEqualTo("pi-1");
        assertThat(posting.postedBy()).isEqualTo("process:lending");
        assertThat(posting.reason()).isEqualTo("Lending fee");
        assertThat(posting.postedAt()).isNotNull();
        assertThat(posting.reverses()).isNull();
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertRefused(request("k-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "5.00", "XYZ"), "currency", "'XYZ' is not");
        assertRefused(request("k-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "5.00", "cad"), "currency", "'cad' is not");
        assertRefused(request("k-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "5.00", "XAU"), "currency", "'XAU' is not");
        assertThat(LEDGER.postingsFor(AccountType.PARTNER, partner)).isEmpty();
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedNotRounded() {
        assertRefused(request("jpy-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "1.5", "JPY"), "amount",
                "1.5 has more decimals than JPY has (0)");
        assertRefused(request("cad-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "1.005", "CAD"), "amount",
                "1.005 has more decimals than CAD has (2)");
        assertThat(LEDGER.postingsFor(AccountType.PARTNER, partner)).isEmpty();
    }

    @Test
    void trailingZerosAreNotMoreDecimals() {
        assertThat(LEDGER.post(request("jpy-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "1500.00", "JPY")).amount())
                .isEqualTo(new BigDecimal("1500"));
        Posting dinars = AT_MONDAY.ledger().post(request("bhd-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "1.250", "BHD"));
        assertThat(dinars.amount()).isEqualTo(new BigDecimal("1.250"));
        assertThat(dinars.homeAmount()).isEqualTo(new BigDecimal("4.54")); // 1.250 × 3.6312 = 4.539
        assertThat(LEDGER.post(request("cad-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "1.500", "CAD")).amount())
                .isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void aChargeNeedsAPositiveAmountAnAccountAndAKind() {
        assertThatThrownBy(() -> LEDGER.post(new PostingRequest(AccountType.PATRON, " ", Direction.RECEIVABLE, null, new BigDecimal("-5.00"),
                "CAD", null, null, "k-" + partner, "leo", "Fine")))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.errors())
                        .extracting(FieldError::field).containsExactly("accountId", "kind", "amount"));
        assertRefused(request("k-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "0.00", "CAD"), "amount", "more than zero");
    }

    @Test
    void theSamePostingKeyPostsOnce() {
        Posting first = LEDGER.post(request("retried-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "5.00", "CAD"));
        Posting again = LEDGER.post(request("retried-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "5.0", "CAD"));

        assertThat(again).isEqualTo(first);
        assertThat(LEDGER.postingsFor(AccountType.PARTNER, partner)).containsExactly(first);
        assertThat(LEDGER.balance(AccountType.PARTNER, partner)).containsExactly(entry("CAD", new BigDecimal("5.00")));
    }

    @Test
    void aPostingKeyUsedForADifferentChargeIsRefused() {
        Posting first = LEDGER.post(request("used-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "5.00", "CAD"));

        assertRefused(request("used-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "15.00", "CAD"), "postingKey",
                "was used for a different charge, posting " + first.id());
        assertThat(LEDGER.postingsFor(AccountType.PARTNER, partner)).containsExactly(first);
    }

    @Test
    void aReversalCancelsTheChargeWithANewPosting() {
        Posting charge = charge("35.00", "USD");
        Posting cad = charge("5.00", "CAD");

        Posting reversal = LEDGER.reverse(charge.id(), "max", "Charged twice");
        LEDGER.reverse(cad.id(), "max", "Waived by agreement");

        assertThat(reversal.amount()).isEqualTo(new BigDecimal("-35.00"));
        assertThat(reversal.reverses()).isEqualTo(charge.id());
        assertThat(reversal.postedBy()).isEqualTo("max");
        assertThat(reversal.reason()).isEqualTo("Charged twice");
        assertThat(reversal.businessKey()).isEqualTo(charge.businessKey());
        assertThat(LEDGER.postingsFor(AccountType.PARTNER, partner)).hasSize(4).contains(charge, reversal);
        assertThat(LEDGER.balance(AccountType.PARTNER, partner))
                .containsExactly(entry("CAD", new BigDecimal("0.00")), entry("USD", new BigDecimal("0.00")));
    }

    @Test
    void aReversalInTheHomeCurrencyReversesTheHomeAmountToo() {
        Posting reversal = LEDGER.reverse(charge("5.00", "CAD").id(), "max", "Charged in error");

        assertThat(reversal.homeAmount()).isEqualTo(new BigDecimal("-5.00"));
        assertThat(reversal.exchangeRate()).isEqualTo(BigDecimal.ONE);
        assertThat(reversal.rateSource()).isEqualTo("same currency");
    }

    @Test
    void aPostingIsReversedAtMostOnceAndAReversalNotAtAll() {
        Posting charge = charge("5.00", "CAD");
        Posting reversal = LEDGER.reverse(charge.id(), "max", "Charged in error");

        assertThatThrownBy(() -> LEDGER.reverse(charge.id(), "admin", "Charged in error"))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.errors())
                        .containsExactly(new FieldError("id", "posting " + charge.id() + " has already been reversed by posting " + reversal.id())));
        assertThatThrownBy(() -> LEDGER.reverse(reversal.id(), "max", "Oops"))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.errors())
                        .extracting(FieldError::reason).singleElement().asString().contains("is a reversal"));
        assertThat(LEDGER.postingsFor(AccountType.PARTNER, partner)).containsExactly(charge, reversal);
        assertThat(LEDGER.balance(AccountType.PARTNER, partner)).containsExactly(entry("CAD", new BigDecimal("0.00")));
    }

    @Test
    void aReversalNeedsAReasonAndAnExistingPosting() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> LEDGER.reverse(unknown, "max", " "))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.errors())
                        .containsExactly(new FieldError("reason", "required"), new FieldError("id", "no posting " + unknown)));
    }

    private Posting charge(String amount, String currency) {
        return LEDGER.post(request("fee-" + UUID.randomUUID(), Direction.RECEIVABLE, Kind.LENDING_FEE, amount, currency));
    }

    private PostingRequest request(String postingKey, Direction direction, Kind kind, String amount, String currency) {
        return new PostingRequest(AccountType.PARTNER, partner, direction, kind, new BigDecimal(amount), currency, partner + "/QU-1", "pi-1",
                postingKey, "process:lending", "Lending fee");
    }

    private Posting atMonday(String amount, String currency) {
        return AT_MONDAY.ledger().post(request("fee-" + UUID.randomUUID(), Direction.RECEIVABLE, Kind.LENDING_FEE, amount, currency));
    }

    private static void assertRefused(PostingRequest request, String field, String reason) {
        assertRefused(LEDGER, request, field, reason);
    }

    private static void assertRefused(Ledger ledger, PostingRequest request, String field, String reason) {
        assertThatThrownBy(() -> ledger.post(request))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo(field);
                            assertThat(error.reason()).contains(reason);
                        }));
    }
}
