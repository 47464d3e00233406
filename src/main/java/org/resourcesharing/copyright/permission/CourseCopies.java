package org.resourcesharing.copyright.permission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.resourcesharing.copyright.StoredFiles;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The copies of course materials the copyright team uploads on the Digitize and post page, for the
 * instructor to download and post. Not the interlibrary loan copies of {@code copyright.CopyDeliveries}:
 * those may be used for five business days only (s.30.2), a cleared course copy for the whole course.
 * Kept as long as the decisions that cleared them.
 */
class CourseCopies {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}"); // 32 bytes in URL-safe base64

    /** A stored copy and the link the instructor is sent. */
    record CourseCopy(String token, String downloadUrl, int pageCount) {
    }

    /** A copy to download. */
    record Stored(Path file, String fileName) {
    }

    private final JdbcClient jdbc;
    private final Path directory;
    private final String publicBaseUrl;

    CourseCopies(JdbcClient jdbc, Path directory, String publicBaseUrl) {
        this.jdbc = jdbc;
        this.directory = directory.toAbsolutePath();
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /**
     * Stores a checked PDF of {@code pageCount} pages for the request {@code businessKey}. The same file
     * stored again for the same request is the same copy, so a resubmitted page sends one link only.
     */
    CourseCopy store(String businessKey, String fileName, byte[] pdf, int pageCount, Instant now) {
        String digest = StoredFiles.sha256(pdf);
        Optional<String> existing = jdbc.sql("select token from course_copy where business_key = ? and content_sha256 = ?")
                .params(businessKey, digest).query(String.class).optional();
        if (existing.isPresent()) {
            return new CourseCopy(existing.get(), downloadUrl(existing.get()), pageCount);
        }
        String id = UUID.randomUUID().toString();
        String token = StoredFiles.newToken();
        Path file = file(id);
        try {
            Files.createDirectories(directory);
            Files.write(file, pdf, StandardOpenOption.CREATE_NEW);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the course copy in " + directory, e);
        }
        try {
            jdbc.sql("""
                    insert into course_copy (id, token, business_key, content_sha256, file_name, page_count, stored_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """).params(id, token, businessKey, digest, StoredFiles.displayName(fileName, "course-copy.pdf"), pageCount, now.atOffset(ZoneOffset.UTC)).update();
        } catch (RuntimeException e) {
            StoredFiles.deleteQuietly(file, e); // e.g. the same file stored at the same moment twice: the other copy stands
            throw e;
        }
        return new CourseCopy(token, downloadUrl(token), pageCount);
    }

    Optional<Stored> find(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select id, file_name from course_copy where token = ?").param(token)
                .query((rs, n) -> new Stored(file(rs.getString("id")), rs.getString("file_name"))).optional()
                .filter(stored -> Files.exists(stored.file()));
    }

    /** Deletes the copies (files and records) stored before {@code cutoff}; returns how many. */
    int deleteStoredBefore(Instant cutoff) {
        List<String> ids = jdbc.sql("select id from course_copy where stored_at < ?").param(cutoff.atOffset(ZoneOffset.UTC))
                .query(String.class).list();
        for (String id : ids) {
            try {
                Files.deleteIfExists(file(id));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the course copy " + file(id), e);
            }
            jdbc.sql("delete from course_copy where id = ?").param(id).update();
        }
        return ids.size();
    }

    private Path file(String id) {
        return directory.resolve(id + ".pdf");
    }

    private String downloadUrl(String token) {
        return publicBaseUrl + "/course-copies/" + token;
    }
}
