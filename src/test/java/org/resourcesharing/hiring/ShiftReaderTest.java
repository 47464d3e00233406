package org.resourcesharing.hiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The day and time of the shift a student's absence email names, in English and French. */
class ShiftReaderTest {

    private static final LocalDate SUNDAY_6_DECEMBER_2026 = LocalDate.of(2026, 12, 6);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            I can't make my shift on Tuesday 8 December 18:00, sorry.              | 2026-12-08 | 18:00
            I'm sick and cannot come in Tuesday, December 8th at 6 pm.             | 2026-12-08 | 18:00
            Can't work the desk on Saturday the 12th of December, 10:30 a.m.       | 2026-12-12 | 10:30
            Missing my shift 2026-12-13 (13:00-17:00)                              | 2026-12-13 | 13:00
            Je ne pourrai pas assurer mon quart le mardi 8 décembre à 18 h.        | 2026-12-08 | 18:00
            Bonjour, je serai absente samedi 12 décembre à 9h30, désolée.          | 2026-12-12 | 09:30
            Empêchement : mon quart du lundi 4 janvier 2027 à 18h                  | 2027-01-04 | 18:00
            Je ne peux pas venir le 8 décembre au comptoir.                         | 2026-12-08 | -
            Sorry, I can't make my shift on Monday January 4.                      | 2027-01-04 | -
            """)
    void readsTheDayAndTimeOfTheShift(String words, LocalDate date, LocalTime time) {
        ShiftReader.Shift shift = ShiftReader.read(words, SUNDAY_6_DECEMBER_2026);

        assertThat(shift.problem()).isNull();
        assertThat(shift.date()).isEqualTo(date);
        assertThat(shift.time()).isEqualTo(time);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            I can't make my shift tomorrow evening.                                | no date of a shift in it
            I can't make my shift on Wednesday 8 December at 18:00.               | "Wednesday 8 December": 2026-12-08 is a Tuesday
            Je ne pourrai pas venir le mardi 8 décembre ni le jeudi 10 décembre.  | more than one date in it (2026-12-08, 2026-12-10)
            I can't make it on 31 November at 6 pm.                               | no such date: 31 November
            """)
    void saysWhyTheShiftCannotBeRead(String words, String problem) {
        ShiftReader.Shift shift = ShiftReader.read(words, SUNDAY_6_DECEMBER_2026);

        assertThat(shift.readable()).isFalse();
        assertThat(shift.problem()).isEqualTo(problem);
        assertThat(shift.date()).isNull();
    }
}
