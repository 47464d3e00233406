package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.resourcesharing.fees.ExchangeRates.ImportSummary;
import org.resourcesharing.fees.ValetFile.Format;
import org.resourcesharing.fees.ValetFile.Observation;
import org.resourcesharing.platform.FieldErrors.FieldError;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;

/** Bank of Canada Valet files, JSON and CSV, into the exchange_rate table. Every test its own database. */
class ExchangeRateImportTest {

    private final TestLedgers.TestLedger ledger = TestLedgers.withoutRates(Clock.systemUTC());

    /** As https://www.bankofcanada.ca/valet/observations/FXUSDCAD,FXEURCAD/json?start_date=2026-11-19 answers (values made up). */
    private static final String VALET_JSON = """
            {
            "terms":{
                "url": "https://www.bankofcanada.ca/terms/"
            },
            "seriesDetail":{
            "FXUSDCAD":{"label":"USD/CAD","description":"US dollar to Canadian dollar daily exchange rate","dimension":{"key":"d","name":"date"}},
            "FXEURCAD":{"label":"EUR/CAD","description":"European euro to Canadian dollar daily exchange rate","dimension":{"key":"d","name":"date"}}
            },
            "observations":[
            {"d":"2026-11-19","FXUSDCAD":{"v":"1.3998"},"FXEURCAD":{"v":"1.6121"}},
            {"d":"2026-11-20","FXUSDCAD":{"v":"1.4012"},"FXEURCAD":{"v":"1.6150"}}
            ]
            }""";

    /** The same as /csv answers it. */
    private static final String VALET_CSV = """
            "TERMS AND CONDITIONS"
            "https://www.bankofcanada.ca/terms/"

            "SERIES"
            "id","label","description"
            "FXUSDCAD","USD/CAD","US dollar to Canadian dollar daily exchange rate"
            "FXEURCAD","EUR/CAD","European euro to Canadian dollar daily exchange rate"

            "OBSERVATIONS"
            "date","FXUSDCAD","FXEURCAD"
            "2026-11-19","1.3998","1.6121"
            "2026-11-20","1.4012","1.6150"
            """.replace("\n", "\r\n");

    @Test
    void aValetJsonFileImportsEveryRateWithItsSeriesAsSource() {
        ImportSummary summary = importJson(VALET_JSON);

        assertThat(summary).isEqualTo(new ImportSummary("Bank of Canada", 4, 4, 0, 0, List.of("EUR", "USD"),
                LocalDate.parse("2026-11-19"), LocalDate.parse("2026-11-20")));
        assertThat(ledger.rates().list(null, LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")))
                .extracting(ExchangeRate::date, ExchangeRate::currency, ExchangeRate::rate, ExchangeRate::homeCurrency, ExchangeRate::source)
                .containsExactly(
                        tuple(LocalDate.parse("2026-11-19"), "EUR", new BigDecimal("1.6121"), "CAD", "Bank of Canada FXEURCAD"),
                        tuple(LocalDate.parse("2026-11-19"), "USD", new BigDecimal("1.3998"), "CAD", "Bank of Canada FXUSDCAD"),
                        tuple(LocalDate.parse("2026-11-20"), "EUR", new BigDecimal("1.615"), "CAD", "Bank of Canada FXEURCAD"),
                        tuple(LocalDate.parse("2026-11-20"), "USD", new BigDecimal("1.4012"), "CAD", "Bank of Canada FXUSDCAD"));
        assertThat(ledger.rates().list("USD", LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20")))
                .singleElement().satisfies(rate -> assertThat(rate.importedAt()).isNotNull());
    }

    @Test
    void theValetCsvFileGivesTheSameRatesAsItsJson() {
        TestLedgers.TestLedger other = TestLedgers.withoutRates(Clock.systemUTC());
        importJson(VALET_JSON);
        ImportSummary csv = other.rates().importValet(VALET_CSV.getBytes(StandardCharsets.UTF_8), Format.CSV);

        assertThat(csv.inserted()).isEqualTo(4);
        assertThat(rates(other)).isEqualTo(rates(ledger));
    }

    @Test
    void importingTheSameFileAgainChangesNothing() {
        importJson(VALET_JSON);
        List<ExchangeRate> first = allRates();

        ImportSummary again = importJson(VALET_JSON);
        ImportSummary asCsv = ledger.rates().importValet(VALET_CSV.getBytes(StandardCharsets.UTF_8), Format.CSV);

        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(4);
        assertThat(asCsv.unchanged()).isEqualTo(4);
        assertThat(allRates()).isEqualTo(first); // import times included: nothing was written
    }

    @Test
    void aCorrectedRateReplacesTheDaysRateAndIsCountedAsUpdated() {
        importJson(VALET_JSON);

        ImportSummary corrected = importJson(new TestRates().on("2026-11-20", "FXUSDCAD", "1.4015").on("2026-11-20", "FXEURCAD", "1.6150").json());

        assertThat(corrected.updated()).isEqualTo(1);
        assertThat(corrected.unchanged()).isEqualTo(1);
        assertThat(ledger.rates().list("USD", LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20")))
                .extracting(ExchangeRate::rate).containsExactly(new BigDecimal("1.4015"));
    }

    @Test
    void aDayWithoutAValueHasNoRate() {
        String holiday = """
                {"seriesDetail": {"FXUSDCAD": {}, "FXEURCAD": {}},
                 "observations": [
                   {"d": "2026-11-11", "FXUSDCAD": {"v": "1.3990"}, "FXEURCAD": {"v": ""}},
                   {"d": "2026-11-12", "FXUSDCAD": {"v": "1.3991"}}
                 ]}""";
        String csv = VALET_CSV.replace("\"2026-11-20\",\"1.4012\",\"1.6150\"", "\"2026-11-20\",\"1.4012\",\"\"");

        assertThat(importJson(holiday).observations()).isEqualTo(2);
        assertThat(ledger.rates().importValet(csv.getBytes(StandardCharsets.UTF_8), Format.CSV).observations()).isEqualTo(3);
        assertThat(ledger.rates().list("EUR", LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")))
                .extracting(ExchangeRate::date).containsExactly(LocalDate.parse("2026-11-19"));
    }

    @Test
    void ratesAreKeptExactAndAValueWithMoreDecimalsThanTheTableKeepsIsRefused() {
        importJson(new TestRates().on("2026-11-20", "FXIDRCAD", "0.0000835123").json());

        assertThat(ledger.rates().list("IDR", LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20")))
                .extracting(ExchangeRate::rate).containsExactly(new BigDecimal("0.0000835123"));
        assertRefused(new TestRates().on("2026-11-20", "FXIDRCAD", "0.00008351234").json(),
                new FieldError("observations[0].FXIDRCAD.v", "'0.00008351234' has more than 10 decimals; rates are kept exact, not rounded"));
    }

    @Test
    void aFileWithAnyErrorImportsNothingAndNamesEveryError() {
        String json = """
                {"seriesDetail": {"FXUSDCAD": {}, "FXEURCAD": {}, "V39079": {}},
                 "observations": [
                   {"d": "2026-11-19", "FXUSDCAD": {"v": "1.3998"}, "FXEURCAD": {"v": "1.6121"}},
                   {"d": "2026-11-31", "FXUSDCAD": {"v": "1.4012"}},
                   {"d": "2026-11-21", "FXUSDCAD": {"v": "n/a"}, "FXEURCAD": {"v": "-1.6"}, "FXGBPCAD": {"v": "1.84"}}
                 ]}""";

        assertThatThrownBy(() -> importJson(json)).isInstanceOfSatisfying(InvalidRequestException.class,
                refused -> assertThat(refused.errors()).containsExactly(
                        new FieldError("seriesDetail.V39079", "'V39079' is not an exchange rate series in CAD (FX<currency>CAD, such as FXUSDCAD)"),
                        new FieldError("observations[1].d", "'2026-11-31' is not a date (YYYY-MM-DD)"),
                        new FieldError("observations[2].FXUSDCAD.v", "'n/a' is not a rate such as 1.4012"),
                        new FieldError("observations[2].FXEURCAD.v", "'-1.6' is not a rate: rates are more than zero"),
                        new FieldError("observations[2].FXGBPCAD", "not listed in seriesDetail")));
        assertThat(allRates()).isEmpty();
    }

    @Test
    void aCsvFileWithAnErrorImportsNothingAndNamesTheLine() {
        String csv = VALET_CSV.replace("\"2026-11-20\",\"1.4012\",\"1.6150\"", "\"2026-11-20\",\"1,4012\",\"1.6150\"")
                .replace("\"2026-11-19\",\"1.3998\",\"1.6121\"", "\"2026-11-19\",\"1.3998\"");

        assertThatThrownBy(() -> ledger.rates().importValet(csv.getBytes(StandardCharsets.UTF_8), Format.CSV))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.errors()).containsExactly(
                        new FieldError("line 11", "2 values for 3 columns"),
                        new FieldError("line 12 FXUSDCAD", "'1,4012' is not a rate such as 1.4012")));
        assertThat(allRates()).isEmpty();
    }

    @Test
    void whatIsNotAValetFileIsRefused() {
        assertThatThrownBy(() -> importJson("<html>Service unavailable</html>")).isInstanceOfSatisfying(InvalidRequestException.class,
                refused -> assertThat(refused.errors()).singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("body");
                    assertThat(error.reason()).startsWith("not JSON: Unexpected character ('<'");
                }));
        assertRefused("{\"seriesDetail\": {}}", new FieldError("observations",
                "missing: expected a Bank of Canada Valet observations file with \"observations\": [...]"));
        assertThatThrownBy(() -> ledger.rates().importValet("date,rate\n2026-11-20,1.4\n".getBytes(StandardCharsets.UTF_8), Format.CSV))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.errors()).containsExactly(
                        new FieldError("body", "no \"OBSERVATIONS\" section: expected a Bank of Canada Valet CSV file")));
        assertThatThrownBy(() -> ledger.rates().importValet(new byte[] {(byte) 0xC3, (byte) 0x28}, Format.CSV))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theSameDayGivenTwiceWithTwoValuesIsRefused() {
        String json = """
                {"observations": [
                   {"d": "2026-11-20", "FXUSDCAD": {"v": "1.4012"}},
                   {"d": "2026-11-20", "FXUSDCAD": {"v": "1.4013"}}
                 ]}""";

        assertRefused(json, new FieldError("observations[1].FXUSDCAD", "FXUSDCAD of 2026-11-20 is given twice, as 1.4012 and 1.4013"));
    }

    @Test
    void theDemosSampleIsAValetFileAndIsRedatedToTheLastThirtyDaysWithoutWeekends() throws IOException {
        List<Observation> sample;
        try (InputStream file = getClass().getResourceAsStream("/fees/demo-rates.json")) {
            sample = ValetFile.read(file.readAllBytes(), Format.JSON, "CAD");
        }
        LocalDate monday = LocalDate.parse("2026-11-23");

        List<Observation> redated = DemoRates.redated(sample, monday);

        assertThat(sample).hasSize(30);
        assertThat(redated).extracting(Observation::date).allSatisfy(day -> {
            assertThat(day).isBetween(monday.minusDays(29), monday);
            assertThat(day.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        });
        assertThat(redated).hasSize(21 * 6).extracting(Observation::currency).containsOnly("USD", "EUR", "GBP", "JPY", "AUD", "CHF");
        // each day takes the sample value its day number picks: the same on every start
        assertThat(DemoRates.redated(sample, monday.plusDays(3))).containsAll(
                redated.stream().filter(observation -> !observation.date().isBefore(monday.minusDays(26))).toList());
        assertThat(redated).filteredOn(observation -> observation.currency().equals("USD")).extracting(Observation::rate)
                .hasSameElementsAs(sample.stream().filter(observation -> observation.currency().equals("USD")).map(Observation::rate).toList());
    }

    private ImportSummary importJson(String json) {
        return ledger.rates().importValet(json.getBytes(StandardCharsets.UTF_8), Format.JSON);
    }

    private void assertRefused(String json, FieldError error) {
        assertThatThrownBy(() -> importJson(json))
                .isInstanceOfSatisfying(InvalidRequestException.class, refused -> assertThat(refused.errors()).containsExactly(error));
    }

    private List<ExchangeRate> allRates() {
        return ledger.rates().list(null, LocalDate.parse("2000-01-01"), LocalDate.parse("2100-01-01"));
    }

    private static List<String> rates(TestLedgers.TestLedger ledger) {
        return ledger.rates().list(null, LocalDate.parse("2000-01-01"), LocalDate.parse("2100-01-01")).stream()
                .map(rate -> rate.date() + " " + rate.currency() + " " + rate.rate() + " " + rate.source()).toList();
    }
}
