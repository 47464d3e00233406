package org.resourcesharing.hiring;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.BytesEncryptor;

/**
 * The applications to postings (V10__hiring.sql), from the form and from email, and where each stands: shortlist, interview, offer.
 * The résumé file and the text read from it are encrypted at rest, with the personnel files' key.
 */
class Applications {

    private static final int TOKEN_BYTES = 32;
    private static final int MAX_RESUME_TEXT = 20_000;
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}"); // 32 bytes in URL-safe base64

    /** What an applicant sends. {@code availability} is a comma-separated list of slots; résumé fields may be null. */
    record NewApplication(String postingNumber, String channel, String applicantName, String studentNumber, String email, String program,
            BigDecimal credits, String availability, String resumeFileName, String resumeMediaType, byte[] resume, String resumeText,
            boolean consent) {
    }

    /** An application as staff see it (without the résumé file). */
    record Application(String applicationNumber, String postingNumber, String channel, String applicantName, String studentNumber,
            String email, String program, BigDecimal credits, List<String> availability, String resumeFileName, String resumeText,
            String status, Integer shortlistRank, String interviewAt, Integer interviewScore, String interviewNotes) {
    }

    private final JdbcClient jdbc;
    private final BytesEncryptor encryptor;
    private final SecureRandom random = new SecureRandom();

    Applications(JdbcClient jdbc, BytesEncryptor encryptor) {
        this.jdbc = jdbc;
        this.encryptor = encryptor;
    }

    /** Keeps the application; returns its number (A-1, A-2, …). */
    String add(NewApplication application) {
        String number = "A-" + jdbc.sql("select nextval('hiring_application_number')").query(Long.class).single();
        jdbc.sql("""
                insert into hiring_application (application_number, posting_number, channel, applicant_name, student_number, email, program,
                    credits, availability, resume_file_name, resume_media_type, resume, resume_text, consent, status, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?)
                """)
                .params(number, application.postingNumber(), application.channel(), application.applicantName(), application.studentNumber(),
                        application.email(), application.program(), application.credits(), application.availability(),
                        application.resumeFileName(), application.resumeMediaType(), encrypted(application.resume()),
                        encrypted(application.resumeText() == null ? null
                                : truncate(application.resumeText(), MAX_RESUME_TEXT).getBytes(StandardCharsets.UTF_8)),
                        application.consent(), OffsetDateTime.now())
                .update();
        return number;
    }

    List<Application> forPosting(String postingNumber) {
        return jdbc.sql(SELECT + " where posting_number = ? order by received_at, application_number").param(postingNumber)
                .query(this::application).list();
    }

    Optional<Application> find(String applicationNumber) {
        return jdbc.sql(SELECT + " where application_number = ?").param(applicationNumber).query(this::application).optional();
    }

    /** The shortlist in the order staff gave it; everyone else of the posting is off it. */
    void shortlist(String postingNumber, List<String> applicationNumbers) {
        jdbc.sql("update hiring_application set status = 'RECEIVED', shortlist_rank = null where posting_number = ? and status = 'SHORTLISTED'")
                .param(postingNumber).update();
        for (int rank = 0; rank < applicationNumbers.size(); rank++) {
            jdbc.sql("update hiring_application set status = 'SHORTLISTED', shortlist_rank = ? where application_number = ?")
                    .params(rank + 1, applicationNumbers.get(rank)).update();
        }
    }

    /** The candidates still on the shortlist (not offered, declined or expired), best first: the shortlist's order. */
    List<Application> shortlisted(String postingNumber) {
        return jdbc.sql(SELECT + " where posting_number = ? and status = 'SHORTLISTED' order by shortlist_rank").param(postingNumber)
                .query(this::application).list();
    }

    /** Those interviewed for the posting (shortlisted now or offered since), in shortlist order. */
    List<Application> interviewed(String postingNumber) {
        return jdbc.sql(SELECT + " where posting_number = ? and shortlist_rank is not null order by shortlist_rank").param(postingNumber)
                .query(this::application).list();
    }

    void scheduleInterview(String applicationNumber, String interviewAt) {
        jdbc.sql("update hiring_application set interview_at = ? where application_number = ?").params(interviewAt, applicationNumber).update();
    }

    void recordInterview(String applicationNumber, int score, String notes) {
        jdbc.sql("update hiring_application set interview_score = ?, interview_notes = ? where application_number = ?")
                .params(score, truncate(notes, 4000), applicationNumber).update();
    }

    /** Puts the chosen candidate first on the shortlist, the others keep their order behind. */
    void putFirst(String postingNumber, String applicationNumber) {
        jdbc.sql("update hiring_application set shortlist_rank = 0 where application_number = ? and posting_number = ?")
                .params(applicationNumber, postingNumber).update();
    }

    /** Makes the offer: its link's secret token. */
    String offer(String applicationNumber) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("update hiring_application set status = 'OFFERED', offer_token = ? where application_number = ?").params(token, applicationNumber)
                .update();
        return token;
    }

    /** The offer ends: DECLINED, EXPIRED or HIRED. */
    void settle(String applicationNumber, String status) {
        jdbc.sql("update hiring_application set status = ? where application_number = ?").params(status, applicationNumber).update();
    }

    /** The résumé file as uploaded: its name, type and bytes; empty when the application came without one (by email, or anonymised). */
    Optional<Resume> resume(String applicationNumber) {
        return jdbc.sql("select resume_file_name, resume_media_type, resume from hiring_application where application_number = ? and resume is not null")
                .param(applicationNumber).query((row, n) -> new Resume(row.getString(1), row.getString(2), encryptor.decrypt(row.getBytes(3))))
                .optional();
    }

    record Resume(String fileName, String mediaType, byte[] content) {
    }

    /** The application whose offer link carries the token. */
    Optional<Application> byOfferToken(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where offer_token = ?").param(token).query(this::application).optional();
    }

    private static final String SELECT = """
            select application_number, posting_number, channel, applicant_name, student_number, email, program, credits, availability,
                resume_file_name, resume_text, status, shortlist_rank, interview_at, interview_score, interview_notes
            from hiring_application""";

    private byte[] encrypted(byte[] content) {
        return content == null ? null : encryptor.encrypt(content);
    }

    private Application application(ResultSet row, int rowNumber) throws SQLException {
        byte[] resumeText = row.getBytes("resume_text");
        String availability = row.getString("availability");
        return new Application(row.getString("application_number"), row.getString("posting_number"), row.getString("channel"),
                row.getString("applicant_name"), row.getString("student_number"), row.getString("email"), row.getString("program"),
                row.getBigDecimal("credits"), availability.isBlank() ? List.of() : List.of(availability.split(",")),
                row.getString("resume_file_name"), resumeText == null ? null : new String(encryptor.decrypt(resumeText), StandardCharsets.UTF_8),
                row.getString("status"),
                (Integer) row.getObject("shortlist_rank", Integer.class), row.getString("interview_at"),
                (Integer) row.getObject("interview_score", Integer.class), row.getString("interview_notes"));
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
