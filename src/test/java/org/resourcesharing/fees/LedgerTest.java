package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
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
    void aChargeInTheHomeCurrencyHasItsHomeAmountAtOnceAndAForeignOneWaitsForARate() {
        Posting cad = charge("5.00", "CAD");
        Posting usd = charge("35.00", "USD");

        assertThat(cad.homeAmount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(cad.homeCurrency()).isEqualTo("CAD");
        assertThat(cad.exchangeRate()).isEqualTo(BigDecimal.ONE);
        assertThat(cad.rateSource()).isEqualTo("same currency");
        assertThat(cad.rateDate()).isEqualTo(LocalDate.now());
        assertThat(usd.amount()).isEqualTo(new BigDecimal("35.00"));
        assertThat(usd.currency()).isEqualTo("USD");
        assertThat(usd.homeAmount()).isNull();
        assertThat(usd.homeCurrency()).isNull();
        assertThat(usd.exchangeRate()).isNull();
        assertThat(usd.rateDate()).isNull();
        assertThat(usd.rateSource()).isNull();
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
        assertThat(LEDGER.post(request("bhd-" + partner, Direction.RECEIVABLE, Kind.LENDING_FEE, "1.250", "BHD")).amount())
                .isEqualTo(new BigDecimal("1.250"));
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

    private static void assertRefused(PostingRequest request, String field, String reason) {
        assertThatThrownBy(() -> LEDGER.post(request))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo(field);
                            assertThat(error.reason()).contains(reason);
                        }));
    }
}
