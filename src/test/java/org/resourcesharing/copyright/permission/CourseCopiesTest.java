package org.resourcesharing.copyright.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resourcesharing.copyright.TestPdfs;

/** The course copies uploaded on the Digitize and post page: kept once per file and request, found by token, deleted after retention. */
class CourseCopiesTest {

    private static final Instant STORED = Instant.parse("2026-09-08T14:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aCopyIsStoredOnceFoundByItsTokenAndDeletedWithItsRecordAfterRetention() throws Exception {
        CourseCopies copies = new CourseCopies(TestCopyrightDecisions.newDatabase().jdbc(), folder, "https://ill.library.example.edu/");
        byte[] pdf = TestPdfs.pages(3, "Chapter 1");

        CourseCopies.CourseCopy copy = copies.store("CR-COPY0001", "C:\\Users\\cora\\Scans\\chapter-1.pdf", pdf, 3, STORED);
        CourseCopies.CourseCopy again = copies.store("CR-COPY0001", "chapter-1 (2).pdf", pdf, 3, STORED.plusSeconds(60));

        assertThat(copy.downloadUrl()).isEqualTo("https://ill.library.example.edu/course-copies/" + copy.token());
        assertThat(again.token()).as("the same file for the same request is the same copy").isEqualTo(copy.token());
        CourseCopies.Stored stored = copies.find(copy.token()).orElseThrow();
        assertThat(stored.fileName()).isEqualTo("chapter-1.pdf");
        assertThat(Files.readAllBytes(stored.file())).isEqualTo(pdf);
        assertThat(copies.find("not-a-token")).isEmpty();

        assertThat(copies.deleteStoredBefore(STORED)).as("not yet past retention").isZero();
        assertThat(copies.deleteStoredBefore(STORED.plusSeconds(1))).isEqualTo(1);
        assertThat(copies.find(copy.token())).isEmpty();
        assertThat(stored.file()).doesNotExist();
    }
}
