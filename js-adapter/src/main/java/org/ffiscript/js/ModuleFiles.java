package org.ffiscript.js;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Map;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.FileSystem;

/**
 * Makes {@code import ... from 'ffi-rs'} (and {@code 'assert'}) work in ES modules: the host file system, except
 * that those bare names resolve to small generated modules re-exporting what the prelude installed.
 */
final class ModuleFiles {
    private static final String MODULES_KEY = "ffi-script.modules";
    private static final Set<String> MODULES = Set.of("ffi-rs", "assert");
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    // The generated modules' sources, made from the first runtime's module objects: every runtime of the JVM
    // installs the same prelude, so each export the CommonJS module has is a named export, with no list to keep.
    private static volatile Map<String, String> sources;
    private static volatile Map<String, Path> files;

    private ModuleFiles() {
    }

    private static String reexport(String name, Set<String> exports) {
        var names = exports.stream().filter(export -> IDENTIFIER.matcher(export).matches() && !export.equals("default"))
                .sorted().collect(java.util.stream.Collectors.joining(", "));
        return "const m = globalThis[Symbol.for('" + MODULES_KEY + "')]['" + name + "'];\n"
                + "export const { " + names + " } = m;\nexport default m;\n";
    }

    /** Lets the generated modules find the prelude's module objects. */
    static void publish(Context context, Value api) {
        var modules = api.getMember("modules");
        context.eval("js", "(modules) => { Object.defineProperty(globalThis, Symbol.for('" + MODULES_KEY
                + "'), { value: modules }) }").execute(modules);
        if (sources == null) {
            synchronized (ModuleFiles.class) {
                if (sources == null) {
                    var made = new java.util.HashMap<String, String>();
                    for (var name : MODULES) {
                        made.put(name, reexport(name, modules.getMember(name).getMemberKeys()));
                    }
                    sources = Map.copyOf(made);
                }
            }
        }
    }

    /** The host file system as the policy lets scripts see it, with the module names redirected. */
    static FileSystem fileSystem(org.ffiscript.engine.AccessPolicy policy) {
        return new Redirecting(FileSystem.newDefaultFileSystem(), policy);
    }

    private static Map<String, Path> files() {
        if (files == null) {
            synchronized (ModuleFiles.class) {
                if (files == null) {
                    try {
                        var directory = Files.createTempDirectory("ffi-script-modules");
                        directory.toFile().deleteOnExit();
                        var written = new java.util.HashMap<String, Path>();
                        for (var entry : sources.entrySet()) {
                            var file = directory.resolve(entry.getKey() + ".mjs");
                            Files.writeString(file, entry.getValue());
                            file.toFile().deleteOnExit();
                            written.put(entry.getKey(), file);
                        }
                        files = Map.copyOf(written);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return files;
    }

    /**
     * The host file system, with the module names redirected, reading only where the access policy allows. A
     * refused path fails with the policy's message: GraalJS's module loader reports it, and no file content.
     */
    private static final class Redirecting implements FileSystem {
        private final FileSystem host;
        private final org.ffiscript.engine.AccessPolicy policy;

        Redirecting(FileSystem host, org.ffiscript.engine.AccessPolicy policy) {
            this.host = host;
            this.policy = policy;
        }

        private Path redirect(Path path) {
            var name = path.getFileName();
            if (name != null && MODULES.contains(name.toString()) && !Files.exists(path)) {
                return files().get(name.toString());
            }
            return path;
        }

        /** The path to touch for {@code path}: redirected, and refused outside the folders the policy allows. */
        private Path permitted(Path path) {
            var target = redirect(path);
            if (!policy.mayRead(target) && !files().containsValue(target)) { // the policy first: files() writes them
                throw new SecurityException("the access policy does not allow reading \"" + path + "\"");
            }
            return target;
        }

        @Override
        public Path parsePath(URI uri) {
            return redirect(host.parsePath(uri));
        }

        @Override
        public Path parsePath(String path) {
            return MODULES.contains(path) ? files().get(path) : host.parsePath(path);
        }

        @Override
        public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
            host.checkAccess(permitted(path), modes, options);
        }

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            host.createDirectory(permitted(dir), attrs);
        }

        @Override
        public void delete(Path path) throws IOException {
            host.delete(permitted(path));
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
                throws IOException {
            return host.newByteChannel(permitted(path), options, attrs);
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
            return host.newDirectoryStream(permitted(dir), filter);
        }

        @Override
        public Path toAbsolutePath(Path path) {
            return host.toAbsolutePath(redirect(path));
        }

        @Override
        public Path toRealPath(Path path, LinkOption... options) throws IOException {
            return host.toRealPath(permitted(path), options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
            return host.readAttributes(permitted(path), attributes, options);
        }
    }
}
