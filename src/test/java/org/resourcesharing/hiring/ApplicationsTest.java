package org.resourcesharing.hiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Applications keep the résumé and the text read from it encrypted at rest; hiring staff see them decrypted. */
class ApplicationsTest {

    private final TestHiring hiring = TestHiring.asConfigured();

    @Test
    void theResumeAndItsTextAreEncryptedInTheTableAndDecryptedForScreeningAndDownload() {
        String posting = hiring.postings.nextNumber();
        hiring.postings.publish(new Postings.Posting(posting, "Desk assistant", "Desk", new BigDecimal("8"), "unspecialized",
                new BigDecimal("17.60"), false, 1, LocalDate.now(), LocalDate.now(), "hana", false), "test");
        byte[] file = "%PDF-1.7 Ada Lovelace, SIN on request".getBytes(StandardCharsets.US_ASCII);
        String text = "Ada Lovelace\nEducation: Trent University\nExperience: circulation desk at the Bata Library";
        String number = hiring.applications.add(new Applications.NewApplication(posting, "form", "Ada Lovelace", "0123456",
                "ada@trentu.example.ca", "Mathematics", new BigDecimal("2.0"), "mon-evening", "ada-cv.pdf", "application/pdf", file, text,
                true));

        Map<String, Object> stored = hiring.jdbc.sql("select resume, resume_text from hiring_application where application_number = ?")
                .param(number).query().singleRow();
        assertThat((byte[]) stored.get("RESUME")).isNotEqualTo(file);
        assertThat(asRead((byte[]) stored.get("RESUME"))).doesNotContain("Ada Lovelace").doesNotContain("%PDF");
        assertThat(asRead((byte[]) stored.get("RESUME_TEXT"))).doesNotContain("circulation desk").doesNotContain("Ada Lovelace");

        Applications.Resume resume = hiring.applications.resume(number).orElseThrow();
        assertThat(resume.content()).isEqualTo(file);
        assertThat(resume).extracting(Applications.Resume::fileName, Applications.Resume::mediaType)
                .containsExactly("ada-cv.pdf", "application/pdf");
        Applications.Application application = hiring.applications.find(number).orElseThrow();
        assertThat(application.resumeText()).isEqualTo(text);
        assertThat(hiring.screening.summary(application)).contains("Résumé (ada-cv.pdf): Ada Lovelace Education: Trent University");
    }

    /** The bytes as anyone reading the table would see them. */
    private static String asRead(byte[] stored) {
        return new String(stored, StandardCharsets.ISO_8859_1);
    }
}
