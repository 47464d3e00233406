package org.resourcesharing.copyright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Dates in November and December 2026: the 23rd is a Monday, the 25th of December a Friday. */
class BusinessDaysTest {

    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);
    private static final LocalDate BOXING_DAY_OBSERVED = LocalDate.of(2026, 12, 28);
    private final BusinessDays days = new BusinessDays(List.of(CHRISTMAS, BOXING_DAY_OBSERVED));

    @Test
    void weekdaysAreBusinessDaysWeekendsAndHolidaysAreNot() {
        assertThat(days.isBusinessDay(LocalDate.of(2026, 11, 23))).isTrue();
        assertThat(days.isBusinessDay(LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(days.isBusinessDay(LocalDate.of(2026, 11, 28))).isFalse();
        assertThat(days.isBusinessDay(LocalDate.of(2026, 11, 29))).isFalse();
        assertThat(days.isBusinessDay(CHRISTMAS)).isFalse();
    }

    @Test
    void theStartCountsAsTheFirstDayWhenItIsABusinessDay() {
        assertThat(days.lastOf(5, LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 11, 27)); // Monday to Friday
        assertThat(days.lastOf(1, LocalDate.of(2026, 11, 25))).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void fromAFridayFiveBusinessDaysEndOnThursday() {
        assertThat(days.lastOf(5, LocalDate.of(2026, 11, 27))).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void aWeekendStartCountsFromMonday() {
        assertThat(days.lastOf(5, LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2026, 12, 4)); // Saturday: Monday to Friday
        assertThat(days.lastOf(5, LocalDate.of(2026, 11, 29))).isEqualTo(LocalDate.of(2026, 12, 4)); // Sunday: the same
    }

    @Test
    void aHolidayInTheWindowPushesTheEndOneBusinessDay() {
        // Tuesday 22 December: 22, 23, 24, (25 holiday, weekend, 28 holiday) 29, 30
        assertThat(days.lastOf(5, LocalDate.of(2026, 12, 22))).isEqualTo(LocalDate.of(2026, 12, 30));
        // without the holidays: 22, 23, 24, 25, 28
        assertThat(new BusinessDays(List.of()).lastOf(5, LocalDate.of(2026, 12, 22))).isEqualTo(BOXING_DAY_OBSERVED);
    }

    @Test
    void aHolidayStartCountsFromTheNextBusinessDay() {
        assertThat(days.lastOf(5, CHRISTMAS)).isEqualTo(LocalDate.of(2027, 1, 4)); // 29, 30, 31 December, 1 January (no holiday here), 4 January
    }

    @Test
    void atLeastOneDay() {
        assertThatIllegalArgumentException().isThrownBy(() -> days.lastOf(0, CHRISTMAS));
    }
}
