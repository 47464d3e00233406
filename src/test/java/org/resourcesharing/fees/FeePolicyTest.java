package org.resourcesharing.fees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.decisionService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.resourcesharing.fees.FeePolicy.ConsentCheck;
import org.resourcesharing.fees.FeePolicy.Fine;
import org.resourcesharing.fees.FeePolicy.LostItemCharge;
import org.resourcesharing.fees.FeePolicy.Money;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.resourcesharing.testsupport.TestProcessEngine;
import org.springframework.core.io.ClassPathResource;

/** The fee policy as deployed on an engine, with exchange rates fixed for the test: USD 1 = CAD 1.3650. */
@Deployment(resources = "bpmn/fee-policy.dmn")
class FeePolicyTest {

    @RegisterExtension
    static ProcessEngineExtension engine = TestProcessEngine.extension();

    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private FeePolicy policy;

    @BeforeEach
    void policyWithFixedRates() {
        policy = new FeePolicy(decisionService(), new FixedRates().with("USD", "CAD", "1.3650"));
    }

    @ParameterizedTest(name = "back {0} days after the due date: {1} days charged, CAD {2}")
    @CsvSource({
            "-3, 0, 0.00, false", // early
            "0, 0, 0.00, false",  // on the due date
            "1, 0, 0.00, false",  // the grace day
            "2, 1, 5.00, false",
            "3, 2, 10.00, false",
            "15, 14, 70.00, false",
            "16, 15, 75.00, true", // exactly the maximum
            "40, 39, 75.00, true"  // capped
    })
    void anOverdueInterlibraryLoanIsFinedFiveDollarsADayAfterOneGraceDayAtMostSeventyFive(int daysAfterDue, long charged, String fine,
            boolean capped) {
        Fine assessed = policy.overdueFine(DUE, DUE.plusDays(daysAfterDue), false);

        assertThat(assessed.fine()).isEqualTo(new Money(new BigDecimal(fine), "CAD"));
        assertThat(assessed.daysLate()).isEqualTo(Math.max(0, daysAfterDue));
        assertThat(assessed.daysCharged()).isEqualTo(charged);
        assertThat(assessed.capped()).isEqualTo(capped);
        assertThat(assessed.description()).startsWith("Interlibrary loan returned late");
    }

    @ParameterizedTest(name = "recalled, back {0} days after the recall's due date: CAD {1}")
    @CsvSource({"0, 0.00", "7, 0.00", "8, 4.00", "10, 12.00", "20, 52.00", "21, 56.00", "60, 56.00"})
    void aRecalledItemNotReturnedIsFinedFourDollarsADayAfterSevenDaysAtMostFiftySix(int daysAfterDue, String fine) {
        Fine assessed = policy.overdueFine(DUE, DUE.plusDays(daysAfterDue), true);

        assertThat(assessed.fine()).isEqualTo(new Money(new BigDecimal(fine), "CAD"));
        assertThat(assessed.description()).startsWith("Recalled and not returned");
    }

    @Test
    void aLostItemCostsItsReplacementAndTwentyFiveDollarsProcessing() {
        LostItemCharge unknownCost = policy.lostItemCharge();
        LostItemCharge named = policy.lostItemCharge(new BigDecimal("89.95"), "CAD", TODAY);

        assertThat(unknownCost.replacementCost()).isEqualTo(new Money(new BigDecimal("125.00"), "CAD"));
        assertThat(unknownCost.processingFee()).isEqualTo(new Money(new BigDecimal("25.00"), "CAD"));
        assertThat(unknownCost.total()).isEqualTo(new Money(new BigDecimal("150.00"), "CAD"));
        assertThat(unknownCost.replacementAssumed()).isTrue();
        assertThat(named.total()).isEqualTo(new Money(new BigDecimal("114.95"), "CAD"));
        assertThat(named.replacementAssumed()).isFalse();
        assertThat(named.conversion()).isNull();
    }

    @Test
    void aReplacementCostInUsDollarsIsConvertedAtTheStoredRate() {
        LostItemCharge charge = policy.lostItemCharge(new BigDecimal("60.00"), "USD", TODAY);

        assertThat(charge.replacementCost()).isEqualTo(new Money(new BigDecimal("81.90"), "CAD"));
        assertThat(charge.total()).isEqualTo(new Money(new BigDecimal("106.90"), "CAD"));
        assertThat(charge.conversion().rate()).isEqualByComparingTo("1.3650");
        assertThat(charge.conversion().rateSource()).isEqualTo(FixedRates.SOURCE);
    }

    @Test
    void aReplacementCostIsNeverRounded() {
        assertThatThrownBy(() -> policy.lostItemCharge(new BigDecimal("89.955"), "CAD", TODAY))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("replacementCost");
    }

    @Test
    void anItemNotPickedUpCostsNothingByDefault() {
        assertThat(policy.notPickedUpFee().amount()).isEqualTo(new Money(new BigDecimal("0.00"), "CAD"));
        assertThat(policy.notPickedUpFee().amount().isZero()).isTrue();
        assertThat(policy.notPickedUpFee().description()).isEqualTo("No fee for an item not picked up");
    }

    @ParameterizedTest(name = "{0} {1} from a lender of tier {2}: consent {3}")
    @CsvSource(nullValues = "-", value = {
            "25.00, CAD, canada, false",       // up to the subsidy: the library pays
            "25.01, CAD, canada, true",
            "30.00, CAD, ocul, true",          // a Canadian lender's subsidy is 25
            "30.00, CAD, us, false",           // abroad: 30
            "0.00, CAD, canada, false",
            "20.00, USD, us, false",           // CAD 27.30
            "21.98, USD, us, false",           // CAD 30.0027 -> 30.00: exactly the subsidy
            "22.00, USD, us, true",            // CAD 30.03
            "20.00, USD, canada, true",        // CAD 27.30 is above a Canadian lender's 25.00
            "20.00, USD, -, false"             // no tier, another currency: abroad
    })
    void aCostAboveTheSubsidyNeedsThePatronsConsent(String cost, String currency, String tier, boolean consent) {
        ConsentCheck check = policy.needsPatronConsent(new BigDecimal(cost), currency, tier, TODAY);

        assertThat(check.consentNeeded()).isEqualTo(consent);
    }

    @Test
    void aUsDollarCostIsComparedInCanadianDollarsAtTheStatedRate() {
        ConsentCheck check = policy.needsPatronConsent(new BigDecimal("25.00"), "USD", "us", TODAY);

        assertThat(check.consentNeeded()).isTrue();
        assertThat(check.subsidy().limit()).isEqualTo(new Money(new BigDecimal("30.00"), "CAD"));
        assertThat(check.costInSubsidyCurrency()).isEqualTo(new Money(new BigDecimal("34.12"), "CAD")); // 34.125, half-even
        assertThat(check.conversion().rate()).isEqualByComparingTo("1.3650");
        assertThat(check.explanation()).isEqualTo(
                "USD 25.00 (CAD 34.12 at 1.3650, test rates, 2026-03-02) is more than the subsidy of CAD 30.00: the patron must consent");
    }

    @Test
    void aCostInACurrencyWithoutARateIsNotGuessedThePatronIsAsked() {
        ConsentCheck check = policy.needsPatronConsent(new BigDecimal("12.00"), "EUR", "international", TODAY);

        assertThat(check.consentNeeded()).isTrue();
        assertThat(check.costInSubsidyCurrency()).isNull();
        assertThat(check.conversion()).isNull();
        assertThat(check.explanation())
                .isEqualTo("EUR 12.00 cannot be compared with the subsidy of CAD 30.00 (no rate from EUR to CAD on 2026-03-10): the patron must consent");
    }

    @Test
    void aManagersChangeToTheTableAppliesAtOnce() throws IOException {
        String table = new ClassPathResource("bpmn/fee-policy.dmn").getContentAsString(StandardCharsets.UTF_8)
                .replace("<text>\"5.00\"</text>", "<text>\"2.50\"</text>");
        String deployment = repositoryService().createDeployment().addString("fee-policy.dmn", table).deploy().getId();
        try {
            assertThat(policy.overdueFine(DUE, DUE.plusDays(5), false).fine()).isEqualTo(new Money(new BigDecimal("10.00"), "CAD"));
        } finally {
            repositoryService().deleteDeployment(deployment, true);
        }
    }

    @Test
    void anAmountInTheTableThatIsNoAmountIsAMistakeInThePolicy() {
        String table;
        try {
            table = new ClassPathResource("bpmn/fee-policy.dmn").getContentAsString(StandardCharsets.UTF_8)
                    .replace("<text>\"75.00\"</text>", "<text>\"75.005\"</text>");
        } catch (IOException unreadable) {
            throw new AssertionError(unreadable);
        }
        String deployment = repositoryService().createDeployment().addString("fee-policy.dmn", table).deploy().getId();
        try {
            assertThatThrownBy(() -> policy.overdueFine(DUE, DUE.plusDays(5), false)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("patron-charges").hasMessageContaining("75.005");
        } finally {
            repositoryService().deleteDeployment(deployment, true);
        }
    }
}
