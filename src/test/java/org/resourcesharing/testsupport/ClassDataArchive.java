package org.resourcesharing.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

/**
 * The packaged jar as the Dockerfile prepares it: extracted ({@code -Djarmode=tools extract}), with a class data
 * archive (Spring Boot's CDS) written by a training run that refreshes the context on the demo's H2 database and exits.
 */
public record ClassDataArchive(Path jar, Path archive) {

    /** Extracts the packaged jar into {@code directory} (emptied first) and runs the training there. */
    public static ClassDataArchive prepare(Path directory) throws IOException, InterruptedException {
        FileSystemUtils.deleteRecursively(directory);
        Files.createDirectories(directory);
        Files.copy(Path.of(System.getProperty("packagedJar")), directory.resolve("app.jar"));
        run(directory, "-Djarmode=tools", "-jar", "app.jar", "extract", "--destination", "application");
        Path jar = directory.resolve("application").resolve("app.jar").toAbsolutePath();
        Path archive = directory.resolve("application").resolve("application.jsa").toAbsolutePath();
        run(directory, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar", jar.toString());
        assertThat(archive).as("the class data archive of the training run").isNotEmptyFile();
        return new ClassDataArchive(jar, archive);
    }

    /** The node runs the extracted jar with the archive; {@code -Xshare:on} makes the JVM refuse to start if it cannot use it. */
    public ApplicationNode applyTo(ApplicationNode node) {
        return node.runningJar(jar, "-XX:SharedArchiveFile=" + archive, "-Xshare:on");
    }

    private static void run(Path directory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(arguments));
        Path log = directory.resolve("prepare.log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s within 5 minutes", command).isTrue();
        assertThat(process.exitValue()).as("%s (see %s)", command, log.toAbsolutePath()).isZero();
    }
}
