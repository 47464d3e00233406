package org.resourcesharing.copyright;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PageRangesTest {

    @ParameterizedTest(name = "\"{0}\" is {1} pages")
    @CsvSource(delimiter = '|', textBlock = """
            12-34          | 23
            12–34          | 23
            12—34          | 23
            12 - 34        | 23
            45             | 1
            p. 45          | 1
            pp. 5-9, 12    | 6
            pp.5-9;12-13   | 7
            Pages 101-110  | 10
            page 7         | 1
            123-45         | 23
            1998-2003      | 6
            5-9, 7         | 5
            1-10, 5-15     | 15
            """)
    void readsRangesAsLibrariansWriteThem(String requested, int pages) {
        assertThat(PageRanges.expectedPages(requested)).hasValue(pages);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "xi-xv", "whole issue", "12-", "34-12", "12-34 and cover", "p.", "0", "see note"})
    void anythingElseIsUnknown(String requested) {
        assertThat(PageRanges.expectedPages(requested)).isEqualTo(OptionalInt.empty());
    }
}
