package org.ffiscript.js.node;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The host side of Node's module system: resolving a request ({@link NodeResolver}), reading and compiling
 * CommonJS modules with Node's wrapper, evaluating an ES module for {@code require}, the built-ins written here.
 * The prelude keeps this object in its closure; scripts never see it.
 */
public final class ModuleHost {
    private final Context context;
    private final ScriptFiles files;
    private final NodeResolver resolver;
    /** Tells the module file system where bare specifiers of a module evaluated from here resolve from. */
    private final java.util.function.Consumer<Path> moduleFolders;

    public ModuleHost(
            Context context,
            ScriptFiles files,
            NodeResolver resolver,
            java.util.function.Consumer<Path> moduleFolders) {
        this.context = context;
        this.files = files;
        this.resolver = resolver;
        this.moduleFolders = moduleFolders;
    }

    /**
     * The built-in modules, without "node:": the names the resolver gives to the prelude's loaders rather than to
     * files. The prelude's {@code builtinLoaders} has one loader for each, which NodeCompatibilityTest checks.
     */
    public static final Set<String> BUILTINS = Set.of(
            "assert",
            "assert/strict",
            "buffer",
            "child_process",
            "console",
            "crypto",
            "events",
            "fs",
            "fs/promises",
            "module",
            "os",
            "path",
            "path/posix",
            "perf_hooks",
            "process",
            "punycode",
            "querystring",
            "readline",
            "readline/promises",
            "stream",
            "string_decoder",
            "timers",
            "timers/promises",
            "tty",
            "url",
            "util",
            "util/types");
    /** Names only this project has: bare, never with "node:". */
    private static final Set<String> OWN = Set.of("ffi-rs");

    /** Built-in names as the resolver takes them: Node's, and "ffi-rs" (bare only). */
    public static Set<String> resolverBuiltins() {
        var all = new java.util.HashSet<>(BUILTINS);
        all.addAll(OWN);
        return Set.copyOf(all);
    }

    /** "FORMAT:path" for a request, or NUL, code, message and the folders searched (split by NUL and 0x01). */
    @HostAccess.Export
    public String resolve(String request, String directory) {
        try {
            var resolved = resolver.require(request, Path.of(directory));
            return resolved.format() + ":" + resolved.path();
        } catch (NodeResolver.NotFound e) {
            return "\u0000" + e.code + "\u0000" + e.getMessage() + "\u0000" + String.join("\u0001", e.searched);
        } catch (IllegalArgumentException e) { // a malformed package.json
            return "\u0000ERR_INVALID_PACKAGE_CONFIG\u0000" + e.getMessage() + "\u0000";
        }
    }

    @HostAccess.Export
    public boolean isBuiltin(String name) {
        return resolver.builtin(name) != null && !OWN.contains(name);
    }

    @HostAccess.Export
    public String modulePaths(String directory) {
        return String.join("\u0000", NodeResolver.nodeModulePaths(Path.of(directory)));
    }

    @HostAccess.Export
    public String directoryOf(String path) {
        var parent = Path.of(path).toAbsolutePath().getParent();
        return parent == null ? "/" : parent.toString();
    }

    @HostAccess.Export
    public String resolvePath(String directory, String request) {
        return Path.of(directory).resolve(request).normalize().toString();
    }

    @HostAccess.Export
    public String readText(String path) throws IOException {
        var text = files.readString(Path.of(path));
        return text.startsWith("#!") ? "//" + text.substring(2) : text; // a shebang line, as Node skips it
    }

    @HostAccess.Export
    public String addonMessage(String path) {
        return NodeResolver.addonMessage(path);
    }

    /** A CommonJS module's function: Node's wrapper, on the source's first line, so line numbers stay true. */
    @HostAccess.Export
    public Value compile(String source, String path) {
        var file = Path.of(path);
        if (file.getParent() != null) {
            moduleFolders.accept(file.getParent()); // so that its import() of a package resolves from its folder
        }
        var wrapped = "(function (exports, require, module, __filename, __dirname) {" + source + "\n})";
        // built from the file with its wrapped text, so the source has the file's path: an import() in it then
        // resolves from the module's folder (a literal source has only a name, and GraalJS would use the cwd)
        return context.eval(Source.newBuilder("js", file.toFile())
                .content(wrapped)
                .name(path)
                .buildLiteral());
    }

    /**
     * Evaluates an ES module file now and gives its namespace, for {@code require} of an ES module; undefined where
     * the module's top-level await leaves its evaluation pending. GraalJS keys modules by their canonical path, so
     * a later {@code import} of the file finds this same module.
     */
    @HostAccess.Export
    public Value evaluateModule(String path) throws IOException {
        var file = Path.of(path);
        moduleFolders.accept(file.getParent());
        var source = Source.newBuilder("js", file.toFile())
                .mimeType("application/javascript+module")
                .build();
        return context.eval(source);
    }

    /** A built-in written here (node/NAME.js), as a function that also takes the prelude's internals. */
    @HostAccess.Export
    public Value compileInternal(String name) {
        return context.eval(InternalSources.of(name));
    }

    @HostAccess.Export
    public String fileUrlToPath(String url) {
        return Path.of(URI.create(url)).toString();
    }
}
