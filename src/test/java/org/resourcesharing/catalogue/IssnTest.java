package org.resourcesharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IssnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0378-5955      | 0378-5955
            03785955       | 0378-5955
            2049-3630      | 2049-3630
            ISSN 0317-8471 | 0317-8471
            issn:0008-4360 | 0008-4360
            0706-652x      | 0706-652X
            0095182X       | 0095-182X
            ' 0030-2953 '  | 0030-2953
            """)
    void readsWrittenForms(String raw, String value) {
        assertThat(Issn.parse(raw).value()).isEqualTo(value);
        assertThat(Issn.isValid(raw)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0378-5956  | check digit should be 5
            0706-6520  | check digit should be X
            0008-436X  | check digit should be 0
            0378-595   | should be eight digits (the last may be X), as NNNN-NNNN
            0378-59555 | should be eight digits (the last may be X), as NNNN-NNNN
            0378_5955  | should be eight digits (the last may be X), as NNNN-NNNN
            037-85955  | should be eight digits (the last may be X), as NNNN-NNNN
            X378-5955  | should be eight digits (the last may be X), as NNNN-NNNN
            ABCD-EFGH  | should be eight digits (the last may be X), as NNNN-NNNN
            """)
    void refusesWithAReason(String raw, String reason) {
        InvalidIdentifierException refusal = catchThrowableOfType(InvalidIdentifierException.class, () -> Issn.parse(raw));

        assertThat(refusal.kind()).isEqualTo("ISSN");
        assertThat(refusal.raw()).isEqualTo(raw);
        assertThat(refusal.reason()).isEqualTo(reason);
        assertThat(refusal).hasMessage("ISSN '" + raw + "': " + reason);
        assertThat(Issn.isValid(raw)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void refusesNothing(String raw) {
        assertThatThrownBy(() -> Issn.parse(raw)).isInstanceOf(InvalidIdentifierException.class);
        assertThat(Issn.isValid(raw)).isFalse();
    }

    @Test
    void theConstructorTakesOnlyTheCanonicalForm() {
        assertThat(new Issn("0378-5955")).isEqualTo(Issn.parse("03785955"));
        assertThatThrownBy(() -> new Issn("03785955")).isInstanceOf(InvalidIdentifierException.class);
    }
}
