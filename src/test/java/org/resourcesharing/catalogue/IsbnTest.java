package org.resourcesharing.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IsbnTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            0-19-852663-6                  | 9780198526636 | 0198526636
            978-0-19-852663-6              | 9780198526636 | 0198526636
            0-306-40615-2                  | 9780306406157 | 0306406152
            978 0 306 40615 7              | 9780306406157 | 0306406152
            9780306406157                  | 9780306406157 | 0306406152
            ISBN 0-8044-2957-x             | 9780804429573 | 080442957X
            isbn: 080442957X               | 9780804429573 | 080442957X
            ISBN-13: 978-0-262-03384-8     | 9780262033848 | 0262033844
            ISBN-10 0-201-89683-4          | 9780201896831 | 0201896834
            9780771034619 (pbk.)           | 9780771034619 | 077103461X
            0771008139 (pbk.) :            | 9780771008139 | 0771008139
            0-201-89683-4 (v. 1)           | 9780201896831 | 0201896834
            '  978-0-13-235088-4  '        | 9780132350884 | 0132350882
            979-10-90636-07-1              | 9791090636071 | none
            """)
    void readsWrittenForms(String raw, String isbn13, String isbn10) {
        Isbn isbn = Isbn.parse(raw);

        assertThat(isbn.isbn13()).isEqualTo(isbn13);
        assertThat(isbn.isbn10()).isEqualTo(isbn10);
        assertThat(Isbn.isValid(raw)).isTrue();
    }

    @Test
    void theTwoFormsOfOneEditionAreEqual() {
        assertThat(Isbn.parse("0-306-40615-2")).isEqualTo(Isbn.parse("978-0-306-40615-7"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            0-19-852663-7          | check digit should be 6
            978-0-19-852663-5      | check digit should be 6
            0-306-40615-X          | check digit should be 2
            978-0-306-40615-8      | check digit should be 7
            978-0-00-000000-1      | check digit should be 2
            977-0317-847-100       | should start with 978 or 979
            0-306-4061-2           | should have 10 or 13 digits, has 9
            978-0-306-40615-71     | should have 10 or 13 digits, has 14
            978-0-306-40615        | should have 10 or 13 digits, has 12
            X-306-40615-2          | X is allowed only as the check digit of an ISBN-10
            978-0-8044-2957-X      | X is allowed only as the check digit of an ISBN-10
            0-19-85266A-6          | only digits, X as the last character of an ISBN-10, hyphens and spaces are allowed
            978--0-306-40615-7     | only digits, X as the last character of an ISBN-10, hyphens and spaces are allowed
            ISSN 0378-5955         | only digits, X as the last character of an ISBN-10, hyphens and spaces are allowed
            """)
    void refusesWithAReason(String raw, String reason) {
        InvalidIdentifierException refusal = catchThrowableOfType(InvalidIdentifierException.class, () -> Isbn.parse(raw));

        assertThat(refusal.kind()).isEqualTo("ISBN");
        assertThat(refusal.raw()).isEqualTo(raw);
        assertThat(refusal.reason()).isEqualTo(reason);
        assertThat(refusal).hasMessage("ISBN '" + raw + "': " + reason);
        assertThat(Isbn.isValid(raw)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void refusesNothing(String raw) {
        assertThatThrownBy(() -> Isbn.parse(raw))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage(raw == null ? "ISBN: missing" : "ISBN '" + raw + "': empty");
        assertThat(Isbn.isValid(raw)).isFalse();
    }

    @Test
    void theConstructorTakesOnlyTheCanonicalForm() {
        assertThat(new Isbn("9780198526636").isbn13()).isEqualTo("9780198526636");
        assertThatThrownBy(() -> new Isbn("0-19-852663-6"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("ISBN '0-19-852663-6': not in canonical form 9780198526636; use Isbn.parse");
    }
}
