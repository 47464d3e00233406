package org.resourcesharing.copyright;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PdfCheckTest {

    private final PdfCheck check = new PdfCheck();

    @Test
    void countsThePagesOfReadablePdfs() {
        assertThat(check.check(TestPdfs.pages(3))).isEqualTo(new PdfCheck.Result(3, null));
        assertThat(check.check(TestPdfs.pages(23)).pageCount()).isEqualTo(23);
        assertThat(check.check(TestPdfs.pages(1)).readable()).isTrue();
    }

    @Test
    void aTextFileIsNotAPdfWhateverItIsCalled() {
        PdfCheck.Result result = check.check(TestPdfs.text());

        assertThat(result.readable()).isFalse();
        assertThat(result.pageCount()).isNull();
        assertThat(result.problem()).contains("not a PDF", "text/plain");
    }

    @Test
    void aPasswordProtectedPdfIsRefused() {
        assertThat(check.check(TestPdfs.encrypted(3)).problem()).contains("password-protected");
    }

    @Test
    void aCutOffPdfIsRefused() {
        assertThat(check.check(TestPdfs.truncated(23)).problem()).contains("incomplete");
    }

    @Test
    void aDamagedPdfIsRefused() {
        assertThat(check.check(TestPdfs.damaged()).problem()).startsWith("This PDF cannot be read (");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(check.check(new byte[0]).problem()).isEqualTo("The file is empty.");
    }
}
