package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resourcesharing.fees.CurrencyConverter.Conversion;
import org.resourcesharing.platform.FieldErrors.FieldError;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;

/** Conversions at stated Bank of Canada rates (CAD per unit), between any two currencies and IFLA vouchers. */
class ExchangeRateConverterTest {

    private static final LocalDate FRIDAY = LocalDate.parse("2026-11-20");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    private static final TestLedgers.TestLedger LEDGER = TestLedgers.withoutRates(Clock.systemUTC());
    private static final CurrencyConverter CONVERTER = LEDGER.converter();

    @BeforeAll
    static void rates() {
        LEDGER.load(new TestRates()
                .on("2026-11-19", "FXUSDCAD", "1.3998")
                .on(FRIDAY, "FXUSDCAD", "1.4012")
                .on(FRIDAY, "FXEURCAD", "1.6150")
                .on(FRIDAY, "FXJPYCAD", "0.009061")
                .on(MONDAY, "FXUSDCAD", "1.4040"));
    }

    @Test
    void toTheHomeCurrencyTheStoredRateIsUsedAsPublished() {
        assertThat(CONVERTER.convert(new BigDecimal("35.00"), "USD", "CAD", FRIDAY))
                .isEqualTo(new Conversion(new BigDecimal("49.04"), "CAD", new BigDecimal("1.4012"), FRIDAY, "Bank of Canada FXUSDCAD"));
    }

    @Test
    void onAWeekendTheLastEarlierDaysRateIsUsed() {
        LocalDate sunday = LocalDate.parse("2026-11-22");

        assertThat(CONVERTER.convert(new BigDecimal("35.00"), "USD", "CAD", sunday))
                .isEqualTo(new Conversion(new BigDecimal("49.04"), "CAD", new BigDecimal("1.4012"), FRIDAY, "Bank of Canada FXUSDCAD"));
        assertThat(CONVERTER.convert(new BigDecimal("35.00"), "USD", "CAD", MONDAY).rateDate()).isEqualTo(MONDAY);
    }

    @Test
    void fromTheHomeCurrencyTheAmountIsDividedByTheRate() {
        Conversion usd = CONVERTER.convert(new BigDecimal("100.00"), "CAD", "USD", FRIDAY);

        // 100 / 1.4012 = 71.3674...; the rate shown is 1 / 1.4012 to ten decimals
        assertThat(usd).isEqualTo(new Conversion(new BigDecimal("71.37"), "USD", new BigDecimal("0.7136739937"), FRIDAY,
                "Bank of Canada FXUSDCAD"));
    }

    @Test
    void betweenTwoOtherCurrenciesTheAmountGoesThroughTheHomeCurrencyAndIsRoundedOnce() {
        Conversion usd = CONVERTER.convert(new BigDecimal("100.00"), "EUR", "USD", FRIDAY);
        Conversion yen = CONVERTER.convert(new BigDecimal("10.00"), "USD", "JPY", FRIDAY);

        // 100.00 × 1.6150 / 1.4012 = 115.2583...: not 161.50 CAD rounded first and then converted
        assertThat(usd).isEqualTo(new Conversion(new BigDecimal("115.26"), "USD", new BigDecimal("1.1525834999"), FRIDAY,
                "Bank of Canada FXEURCAD / Bank of Canada FXUSDCAD"));
        // 10.00 × 1.4012 / 0.009061 = 1546.40...: whole yen
        assertThat(yen.amount()).isEqualTo(new BigDecimal("1546"));
        assertThat(yen.currency()).isEqualTo("JPY");
    }

    @Test
    void aCrossRateIsOfTheOlderOfItsTwoRates() {
        Conversion usd = CONVERTER.convert(new BigDecimal("100.00"), "EUR", "USD", MONDAY);

        // Monday has a US dollar rate but the euro's is Friday's: 100.00 × 1.6150 / 1.4040 = 115.0284...
        assertThat(usd.amount()).isEqualTo(new BigDecimal("115.03"));
        assertThat(usd.rateDate()).isEqualTo(FRIDAY);
    }

    @Test
    void iflaVouchersAreWorthEightEurosAndHalfVouchersFour() {
        assertThat(CONVERTER.convert(new BigDecimal("1"), "XIV", "EUR", FRIDAY).amount()).isEqualTo(new BigDecimal("8.00"));
        assertThat(CONVERTER.convert(new BigDecimal("0.5"), "XIV", "EUR", FRIDAY).amount()).isEqualTo(new BigDecimal("4.00"));
        // 3 vouchers: EUR 24.00 = CAD 38.76 at 1.6150
        assertThat(CONVERTER.convert(new BigDecimal("3"), "XIV", "CAD", FRIDAY)).isEqualTo(new Conversion(new BigDecimal("38.76"), "CAD",
                new BigDecimal("12.92"), FRIDAY, "IFLA voucher = EUR 8.00; Bank of Canada FXEURCAD"));
        // into vouchers: to the nearest half voucher; CAD 20.00 is 1.548 vouchers
        assertThat(CONVERTER.convert(new BigDecimal("20.00"), "CAD", "XIV", FRIDAY).amount()).isEqualTo(new BigDecimal("1.5"));
        assertThat(CONVERTER.convert(new BigDecimal("35.00"), "USD", "XIV", FRIDAY).amount()).isEqualTo(new BigDecimal("4.0"));
    }

    @Test
    void theSameCurrencyNeedsNoRate() {
        assertThat(CONVERTER.convert(new BigDecimal("12.50"), "SEK", "SEK", FRIDAY))
                .isEqualTo(new Conversion(new BigDecimal("12.50"), "SEK", BigDecimal.ONE, FRIDAY, "same currency"));
    }

    @Test
    void withoutARateOrWithOnlyAnOldOneTheConversionIsRefused() {
        assertRefused(() -> CONVERTER.convert(BigDecimal.TEN, "GBP", "CAD", FRIDAY),
                new FieldError("currency", "no GBP exchange rate on or before 2026-11-20; import the rates (POST /api/fees/rates)"));
        assertRefused(() -> CONVERTER.convert(BigDecimal.TEN, "USD", "CAD", LocalDate.parse("2026-11-18")),
                new FieldError("currency", "no USD exchange rate on or before 2026-11-18; import the rates (POST /api/fees/rates)"));
        assertRefused(() -> CONVERTER.convert(BigDecimal.TEN, "EUR", "CAD", LocalDate.parse("2026-11-28")),
                new FieldError("currency", "the last EUR exchange rate on or before 2026-11-28 is of 2026-11-20, older than the P7D allowed "
                        + "(resource-sharing.fees.rates.max-age); import newer rates"));
        assertRefused(() -> CONVERTER.convert(BigDecimal.TEN, "XIV", "CAD", LocalDate.parse("2026-11-28")),
                new FieldError("currency", "the last EUR exchange rate on or before 2026-11-28 is of 2026-11-20, older than the P7D allowed "
                        + "(resource-sharing.fees.rates.max-age); import newer rates"));
        assertThat(CONVERTER.convert(BigDecimal.TEN, "EUR", "CAD", LocalDate.parse("2026-11-27")).rateDate()).isEqualTo(FRIDAY);
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertRefused(() -> CONVERTER.convert(BigDecimal.TEN, "XYZ", "CAD", FRIDAY),
                new FieldError("currency", "'XYZ' is not an ISO 4217 code of a currency, such as CAD, nor IFLA vouchers (XIV)"));
    }

    private static void assertRefused(Runnable conversion, FieldError error) {
        assertThatThrownBy(conversion::run).isInstanceOfSatisfying(InvalidRequestException.class,
                refused -> assertThat(refused.errors()).containsExactly(error));
    }
}
