package org.resourcesharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DoiTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            10.1000/xyz123                                  | 10.1000/xyz123
            doi:10.1139/CJFAS-2019-0123                     | 10.1139/cjfas-2019-0123
            DOI: 10.3138/chr.101.1.01                       | 10.3138/chr.101.1.01
            https://doi.org/10.1016/j.watres.2020.116153    | 10.1016/j.watres.2020.116153
            http://dx.doi.org/10.1145/359576.359579         | 10.1145/359576.359579
            HTTPS://DOI.ORG/10.7202/1012345AR               | 10.7202/1012345ar
            https://doi.org/10.1000%2FABC                   | 10.1000/abc
            10.1002/(SICI)1097-4571(199106)42:5<351::AID-ASI5>3.0.CO;2-3 | 10.1002/(sici)1097-4571(199106)42:5<351::aid-asi5>3.0.co;2-3
            10.1000.10/a+b                                  | 10.1000.10/a+b
            ' 10.5555/12345678 '                            | 10.5555/12345678
            """)
    void readsWrittenForms(String raw, String value) {
        assertThat(Doi.parse(raw).value()).isEqualTo(value);
        assertThat(Doi.isValid(raw)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            11.1000/xyz                 | should start with 10.
            1000/xyz                    | should start with 10.
            https://example.org/10.1/x  | should start with 10.
            10.1000                     | should have a / between prefix and suffix
            10.1000/                    | suffix after / is empty
            10.abc/xyz                  | registrant code should be digits and dots, and the suffix should have no spaces
            10./xyz                     | registrant code should be digits and dots, and the suffix should have no spaces
            10.1000/has space           | registrant code should be digits and dots, and the suffix should have no spaces
            https://doi.org/10.1000/a%20b | registrant code should be digits and dots, and the suffix should have no spaces
            https://doi.org/10.1000/%zz | link has a malformed %-escape
            """)
    void refusesWithAReason(String raw, String reason) {
        InvalidIdentifierException refusal = catchThrowableOfType(InvalidIdentifierException.class, () -> Doi.parse(raw));

        assertThat(refusal.kind()).isEqualTo("DOI");
        assertThat(refusal.raw()).isEqualTo(raw);
        assertThat(refusal.reason()).isEqualTo(reason);
        assertThat(Doi.isValid(raw)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "doi:")
    void refusesNothing(String raw) {
        assertThatThrownBy(() -> Doi.parse(raw)).isInstanceOf(InvalidIdentifierException.class);
    }

    @Test
    void spellingsOfOneDoiAreEqual() {
        assertThat(Doi.parse("https://doi.org/10.1139/CJFAS-2019-0123")).isEqualTo(Doi.parse("doi:10.1139/cjfas-2019-0123"));
        assertThatThrownBy(() -> new Doi("10.1139/CJFAS-2019-0123")).isInstanceOf(InvalidIdentifierException.class);
    }
}
