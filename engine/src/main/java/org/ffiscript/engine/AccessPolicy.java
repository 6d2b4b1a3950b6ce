package org.ffiscript.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an embedding application lets scripts reach: which shared libraries may be opened (and, per library,
 * which functions may be called), whether the running program may be opened with {@code path: ""}, whether
 * the pointer tools, which read and write raw memory, are available, which environment variables scripts see and
 * under which folders they may read files (modules, JSON, source files). Immutable: an engine gets its policy when
 * it is made, and nothing a script can call changes it. A policy from {@link #builder()} allows nothing it does not
 * name: the way to run untrusted scripts.
 */
public final class AccessPolicy {
    private static final AccessPolicy ALLOW_ALL = new AccessPolicy(null, Map.of(), true, true, null, null);

    private final Set<String> libraries; // null: any library
    private final Map<String, Set<String>> symbols;
    private final boolean mainProgram;
    private final boolean pointerTools;
    private final Set<String> environment; // null: every variable
    private final List<Path> fileRoots; // null: every file

    private AccessPolicy(
            Set<String> libraries,
            Map<String, Set<String>> symbols,
            boolean mainProgram,
            boolean pointerTools,
            Set<String> environment,
            List<Path> fileRoots) {
        this.libraries = libraries;
        this.symbols = symbols;
        this.mainProgram = mainProgram;
        this.pointerTools = pointerTools;
        this.environment = environment;
        this.fileRoots = fileRoots;
    }

    /** No restriction: any library, the running program, the pointer tools, the environment, every file. The default. */
    public static AccessPolicy allowAll() {
        return ALLOW_ALL;
    }

    /**
     * Whether this policy restricts nothing. What no policy names (starting programs, for instance) is allowed only
     * then: a restricted script must not reach the host around the limits it was given.
     */
    public boolean isUnrestricted() {
        return libraries == null && mainProgram && pointerTools && environment == null && fileRoots == null;
    }

    /** A policy that allows nothing until the builder says so. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a policy; each call adds what scripts may reach. */
    public static final class Builder {
        private final Set<String> libraries = new LinkedHashSet<>();
        private final Map<String, Set<String>> symbols = new LinkedHashMap<>();
        private boolean mainProgram;
        private boolean pointerTools;
        private final Set<String> environment = new LinkedHashSet<>();
        private final List<Path> fileRoots = new java.util.ArrayList<>();

        private Builder() {}

        /** Lets scripts see these environment variables (in JavaScript, {@code process.env} holds only these). */
        public Builder allowEnvironment(String... names) {
            environment.addAll(List.of(names));
            return this;
        }

        /**
         * Lets scripts read files under {@code folder} and its subfolders: modules they require or import, JSON,
         * source files. Compared after resolving links and {@code ..}, so a link out of the folder does not widen it.
         */
        public Builder allowFilesUnder(Path folder) {
            fileRoots.add(real(folder));
            return this;
        }

        /** Allows opening the library at {@code path} (compared after resolving links and {@code ..}). */
        public Builder allowLibrary(String path) {
            libraries.add(canonical(path));
            return this;
        }

        /** Allows the library at {@code path}, but only the functions named. */
        public Builder allowLibrary(String path, String... functions) {
            var key = canonical(path);
            libraries.add(key);
            symbols.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(List.of(functions));
            return this;
        }

        /** Allows {@code path: ""}, the running program (libc and everything loaded), optionally only some functions. */
        public Builder allowMainProgram(String... functions) {
            mainProgram = true;
            if (functions.length > 0) {
                symbols.computeIfAbsent("", k -> new LinkedHashSet<>()).addAll(List.of(functions));
            }
            return this;
        }

        /** Allows createPointer, restorePointer, wrapPointer, unwrapPointer, freePointer and createExternalBuffer. */
        public Builder allowPointerTools() {
            pointerTools = true;
            return this;
        }

        public AccessPolicy build() {
            var frozen = new LinkedHashMap<String, Set<String>>();
            symbols.forEach((library, names) -> frozen.put(library, Set.copyOf(names)));
            return new AccessPolicy(
                    Set.copyOf(libraries),
                    Collections.unmodifiableMap(frozen),
                    mainProgram,
                    pointerTools,
                    Set.copyOf(environment),
                    List.copyOf(fileRoots));
        }
    }

    /** Throws unless {@code path} may be opened; {@code ""} is the running program. */
    public void checkOpen(String library, String path) {
        if (path.isEmpty()) {
            if (!mainProgram) {
                throw new FfiException("open: the access policy does not allow opening the running program (library '"
                        + library + "', path \"\")");
            }
            return;
        }
        if (libraries != null && !libraries.contains(canonical(path))) {
            throw new FfiException("open: the access policy does not allow loading \"" + path + "\" (library '"
                    + library + "'); allowed: " + libraries);
        }
    }

    /** Throws unless the function may be called in the library opened from {@code path}. */
    public void checkSymbol(String path, String symbol, String where) {
        var allowed = symbols.get(path.isEmpty() ? "" : canonical(path));
        if (allowed != null && !allowed.contains(symbol)) {
            throw new FfiException(where + ": the access policy does not allow calling '" + symbol + "'; allowed: "
                    + allowed.stream().sorted().toList());
        }
    }

    /** Throws unless the pointer tools are allowed. */
    public void checkPointerTools(String tool) {
        if (!pointerTools) {
            throw new FfiException(tool + ": the access policy does not allow the pointer tools");
        }
    }

    /** The environment variables scripts see: all of them, or those the policy names that are set. */
    public Map<String, String> environment() {
        var all = System.getenv();
        if (environment == null) {
            return all;
        }
        var visible = new LinkedHashMap<String, String>();
        for (var name : environment) {
            if (all.containsKey(name)) {
                visible.put(name, all.get(name));
            }
        }
        return Collections.unmodifiableMap(visible);
    }

    /** True when scripts may read {@code file}: it lies under a folder the policy allows (after resolving links). */
    public boolean mayRead(Path file) {
        if (fileRoots == null) {
            return true;
        }
        var resolved = real(file);
        return fileRoots.stream().anyMatch(resolved::startsWith);
    }

    /**
     * Throws unless scripts may read {@code file}. The message names the file and never its contents, so that a
     * refused read tells a script nothing about what is there.
     */
    public void checkRead(Path file, String where) {
        if (!mayRead(file)) {
            throw new FfiException(where + ": the access policy does not allow reading \"" + file + "\""
                    + (fileRoots.isEmpty() ? "; no folder is allowed" : "; allowed folders: " + fileRoots));
        }
    }

    private static Path real(Path path) {
        var absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException missing) {
            // a file that does not exist yet: its nearest existing folder decides, so links above it count
            var parent = absolute.getParent();
            return parent == null ? absolute : real(parent).resolve(absolute.getFileName());
        }
    }

    private static String canonical(String path) {
        var file = Path.of(path);
        if (path.indexOf('/') < 0) {
            return path; // a bare name, found by the loader's search path: compared as written
        }
        try {
            return Files.exists(file)
                    ? file.toRealPath().toString()
                    : file.toAbsolutePath().normalize().toString();
        } catch (IOException unreadable) {
            return file.toAbsolutePath().normalize().toString();
        }
    }
}
