package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/find-jdk picks a JDK 22+ by itself, and where there is none ./build stops at once saying what to install. */
class JdkDiscoveryTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    private record Run(int exitCode, String stdout, String stderr, long millis) {}

    private static Run run(Path jdks, String... command) throws Exception {
        var builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().remove("JAVA_HOME");
        builder.environment().remove("FFI_JAVA_HOME");
        builder.environment().put("FFI_JDK_DIRS", jdks.toString());
        builder.environment().put("PATH", "/usr/local/nothing:/bin"); // no java on the path
        long start = System.nanoTime();
        var process = builder.start();
        var stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        var stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Run(process.exitValue(), stdout.trim(), stderr, (System.nanoTime() - start) / 1_000_000);
    }

    private static Path fakeJdk(Path root, String name, int version) throws IOException {
        var home = root.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + ".0.1\"\n");
        var java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    @Test
    void theNewestJdkOf22OrLaterIsPicked(@TempDir Path jdks) throws Exception {
        fakeJdk(jdks, "jdk-17", 17);
        fakeJdk(jdks, "jdk-22", 22);
        var newest = fakeJdk(jdks, "jdk-26", 26);
        var run = run(jdks, ROOT.resolve("bin/find-jdk").toString());
        assertEquals(0, run.exitCode(), run.stderr());
        assertEquals(newest.toString(), run.stdout());
    }

    @Test
    void withoutAJdk22TheBuildStopsAtOnceSayingWhatToInstall(@TempDir Path jdks) throws Exception {
        fakeJdk(jdks, "jdk-17", 17);
        var run = run(jdks, ROOT.resolve("build").toString(), "test");
        assertEquals(1, run.exitCode());
        assertTrue(run.stderr().contains("ffi-script needs a JDK 22 or newer"), run.stderr());
        assertTrue(run.stderr().contains("(Java 17)"), "it names what it found:\n" + run.stderr());
        assertTrue(run.stderr().contains("Install one"), run.stderr());
        assertTrue(run.millis() < 10_000, "it stopped after " + run.millis() + " ms");
    }
}
