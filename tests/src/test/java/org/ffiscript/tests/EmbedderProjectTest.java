package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedder's path as docs/security-and-embedding.md gives it: the artifacts published into a folder repository,
 * the page's dependencies and application built as a Maven project of their own, outside this reactor, and run.
 */
class EmbedderProjectTest {
    private static final Pattern SECTION = Pattern.compile("## Embedding from Maven\\R(.*?)\\R## ", Pattern.DOTALL);

    @Test
    void theDocumentedApplicationBuildsAgainstThePublishedArtifactsAndRuns(@TempDir Path folder) throws Exception {
        var page = Files.readString(FolderRepository.ROOT.resolve("docs/security-and-embedding.md"));
        var section = SECTION.matcher(page);
        assertTrue(section.find(), "docs/security-and-embedding.md has an 'Embedding from Maven' section");
        var dependencies = block(section.group(1), "xml");
        var application = block(section.group(1), "java");

        var repository = folder.resolve("repository");
        FolderRepository.publish(repository, List.of("engine", "js-adapter", "groovy-dsl"));

        var project = Files.createDirectories(folder.resolve("app"));
        Files.writeString(project.resolve("pom.xml"), applicationPom(repository, dependencies));
        Files.createDirectories(project.resolve("src/main/java"));
        Files.writeString(project.resolve("src/main/java/App.java"), application);
        // -U: the snapshots just published, not ones an earlier run or an install left in the local repository
        FolderRepository.maven(
                project, "-U", "package", "dependency:build-classpath", "-Dmdep.outputFile=classpath.txt");

        var classPath = project.resolve("target/classes") + ":"
                + Files.readString(project.resolve("classpath.txt")).strip();
        var output = FolderRepository.run(
                project,
                List.of(
                        javaCommand(),
                        "--enable-native-access=ALL-UNNAMED",
                        "--sun-misc-unsafe-memory-access=allow",
                        "-cp",
                        classPath,
                        "App"));
        assertEquals("js: 42\ngroovy: 4\n", output);
    }

    private static String block(String text, String language) {
        var block = Pattern.compile("```" + language + "\\R(.*?)```", Pattern.DOTALL)
                .matcher(text);
        assertTrue(block.find(), "the section has a " + language + " block");
        return block.group(1);
    }

    private static String applicationPom(Path repository, String dependencies) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId>
                  <artifactId>embeds-ffi-script</artifactId>
                  <version>1.0</version>
                  <properties>
                    <maven.compiler.release>25</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                  <repositories>
                    <repository><id>ffi-script</id><url>%s</url></repository>
                  </repositories>
                  <dependencies>
                %s  </dependencies>
                  <build><plugins><plugin>
                    <groupId>org.apache.maven.plugins</groupId>
                    <artifactId>maven-compiler-plugin</artifactId>
                    <version>3.14.0</version>
                  </plugin></plugins></build>
                </project>
                """.formatted(repository.toUri(), dependencies);
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
