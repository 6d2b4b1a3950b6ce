package org.ffiscript.js.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * npm packages that ship inside jars as WebJars ({@code org.webjars.npm:buffer}, {@code events}, ...), seen by the
 * module loader as the folder {@code /ffi-script:bundled/node_modules}: Node's built-ins that a well-kept package
 * implements are loaded from there, unchanged, and the packages they require resolve beside them.
 */
public final class BundledPackages {
    /** Where bundled packages appear to scripts, in file names and stack traces. No real folder has this name. */
    public static final Path ROOT = Path.of("/ffi-script:bundled/node_modules");

    private static final String WEBJARS = "META-INF/resources/webjars/";
    private static final Map<String, String> BASES = new ConcurrentHashMap<>();
    private static final String ABSENT = "";

    private BundledPackages() {}

    /** Whether a path lies in the bundled folder. */
    public static boolean contains(Path path) {
        return path.isAbsolute() && path.normalize().startsWith(ROOT);
    }

    /** The resource a bundled path names, or null where there is no such file (or it is a folder). */
    private static String resource(Path path) {
        var relative = ROOT.relativize(path.normalize());
        if (relative.getNameCount() < 2) {
            return null;
        }
        var name = relative.getName(0).toString();
        int rest = 1;
        if (name.startsWith("@")) {
            if (relative.getNameCount() < 3) {
                return null;
            }
            name = name + "/" + relative.getName(1);
            rest = 2;
        }
        var base = base(name);
        if (base == null) {
            return null;
        }
        return base + relative.subpath(rest, relative.getNameCount()).toString().replace('\\', '/');
    }

    /** The resource folder of a package's files, from the version its jar records; null if no jar has it. */
    private static String base(String name) {
        var base = BASES.computeIfAbsent(name, BundledPackages::findBase);
        return base == ABSENT ? null : base;
    }

    private static String findBase(String name) {
        var properties = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
        try (InputStream in = BundledPackages.class.getClassLoader().getResourceAsStream(properties)) {
            if (in == null) {
                return ABSENT;
            }
            var read = new Properties();
            read.load(in);
            return WEBJARS + name + "/" + read.getProperty("version") + "/";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a bundled path is a file. */
    public static boolean isFile(Path path) {
        var resource = resource(path);
        return resource != null
                && !resource.endsWith("/")
                && BundledPackages.class.getClassLoader().getResource(resource) != null
                && BundledPackages.class.getClassLoader().getResource(resource + "/") == null;
    }

    /** Whether a bundled path is a folder: a package's root or a folder in it. */
    public static boolean isDirectory(Path path) {
        var relative = ROOT.relativize(path.normalize());
        if (relative.getNameCount() == 0 || relative.toString().isEmpty()) {
            return true;
        }
        if (relative.getNameCount() == 1) {
            var name = relative.getName(0).toString();
            return name.startsWith("@") || base(name) != null;
        }
        var resource = resource(path);
        return resource != null && BundledPackages.class.getClassLoader().getResource(resource + "/") != null;
    }

    /** The bytes of a bundled file. */
    public static byte[] read(Path path) throws IOException {
        var resource = resource(path);
        try (InputStream in =
                resource == null ? null : BundledPackages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new java.nio.file.NoSuchFileException(path.toString());
            }
            return in.readAllBytes();
        }
    }

    public static String readString(Path path) throws IOException {
        return new String(read(path), StandardCharsets.UTF_8);
    }
}
