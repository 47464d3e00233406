package org.resourcesharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.resourcesharing.testsupport.ApplicationNode;
import org.resourcesharing.testsupport.ClassDataArchive;
import org.resourcesharing.testsupport.TestDatabase;

/**
 * The jar as the Dockerfile prepares and runs it: extracted, with the class data archive of a training run, started with
 * {@code -Xshare:on} (the JVM refuses to start if it cannot use the archive) on PostgreSQL, and serving. Needs PostgreSQL
 * ({@code RS_TEST_POSTGRES_URL}); fails without it under CI.
 */
class ExtractedJarIT {

    @Test
    void theExtractedJarStartsWithItsClassDataArchiveAndServes() throws Exception {
        ApplicationNode.requirePostgres();
        ClassDataArchive archive = ClassDataArchive.prepare(Path.of("target", "extracted-jar"));
        TestDatabase.Jdbc database = TestDatabase.createPostgres("extracted");

        try (ApplicationNode node = archive.applyTo(ApplicationNode.on("extracted", database, Files.createTempDirectory("rs-extracted-copies-")))) {
            node.start();

            HttpResponse<String> engines = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri("/engine-rest/engine")).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> tasklist = HttpClient.newHttpClient().send(HttpRequest.newBuilder(node.uri("/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(engines.body()).contains("\"name\":\"default\"");
            assertThat(tasklist.statusCode()).isEqualTo(200);
            assertThat(tasklist.body()).containsIgnoringCase("tasklist");
        }
    }
}
