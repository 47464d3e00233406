package org.resourcesharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OclcNumberTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            12345                  | 12345
            (OCoLC)12345           | 12345
            (ocolc) 00987654       | 987654
            ocm00012345            | 12345
            OCM38012345            | 38012345
            ocn123456789           | 123456789
            on1234567890           | 1234567890
            (OCoLC)ocm01234567     | 1234567
            (OCoLC)on1102938475    | 1102938475
            ' 0000045 '            | 45
            """)
    void readsWrittenForms(String raw, String value) {
        assertThat(OclcNumber.parse(raw).value()).isEqualTo(value);
        assertThat(OclcNumber.isValid(raw)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ocm123", "ocm123456789", "ocn12345678", "on123456789", "(OCoLC)", "(DLC)12345", "OCLC 12345",
            "12a45", "12 345", "-12345", "(OCoLC)ocm"})
    void refusesWhatIsNotAnOclcNumber(String raw) {
        InvalidIdentifierException refusal = catchThrowableOfType(InvalidIdentifierException.class, () -> OclcNumber.parse(raw));

        assertThat(refusal.kind()).isEqualTo("OCLC number");
        assertThat(refusal.raw()).isEqualTo(raw);
        assertThat(refusal.reason())
                .isEqualTo("should be digits, optionally after (OCoLC) and ocm (8 digits), ocn (9 digits) or on (10 or more)");
        assertThat(OclcNumber.isValid(raw)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "(OCoLC)000", "ocm00000000"})
    void refusesZero(String raw) {
        assertThatThrownBy(() -> OclcNumber.parse(raw))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("OCLC number '" + raw + "': should be greater than zero");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void refusesNothing(String raw) {
        assertThatThrownBy(() -> OclcNumber.parse(raw)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void spellingsOfOneNumberAreEqual() {
        assertThat(OclcNumber.parse("(OCoLC)ocm00012345")).isEqualTo(OclcNumber.parse("12345"));
        assertThatThrownBy(() -> new OclcNumber("00012345")).isInstanceOf(InvalidIdentifierException.class);
    }
}
