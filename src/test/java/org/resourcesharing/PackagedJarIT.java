package org.resourcesharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The jar a library runs carries every diagram, decision table and form, under the names it deploys them by. */
class PackagedJarIT {

    @Test
    void theJarContainsTheBpmnAndFormsFolders() throws IOException {
        Path jar = Path.of(System.getProperty("packagedJar"));
        List<String> projectFiles;
        try (Stream<Path> bpmn = Files.list(Path.of("bpmn")); Stream<Path> forms = Files.list(Path.of("forms"))) {
            projectFiles = Stream.concat(bpmn, forms).map(file -> file.getParent().getFileName() + "/" + file.getFileName()).toList();
        }
        try (JarFile packaged = new JarFile(jar.toFile())) {
            List<String> packagedFiles = packaged.stream().map(entry -> entry.getName())
                    .filter(name -> name.matches("BOOT-INF/classes/(bpmn|forms)/.+"))
                    .map(name -> name.substring("BOOT-INF/classes/".length())).toList();

            assertThat(projectFiles).contains("bpmn/patron-enquiry.bpmn", "forms/answer-patron-enquiry.form");
            assertThat(packagedFiles).containsExactlyInAnyOrderElementsOf(projectFiles);
        }
    }
}
