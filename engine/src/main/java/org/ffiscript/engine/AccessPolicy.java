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
 * which functions may be called), whether the running program may be opened with {@code path: ""}, and whether
 * the pointer tools, which read and write raw memory, are available. Immutable: an engine gets its policy when it
 * is made, and nothing a script can call changes it.
 */
public final class AccessPolicy {
    private static final AccessPolicy ALLOW_ALL = new AccessPolicy(null, Map.of(), true, true);

    private final Set<String> libraries; // null: any library
    private final Map<String, Set<String>> symbols;
    private final boolean mainProgram;
    private final boolean pointerTools;

    private AccessPolicy(Set<String> libraries, Map<String, Set<String>> symbols, boolean mainProgram, boolean pointerTools) {
        this.libraries = libraries;
        this.symbols = symbols;
        this.mainProgram = mainProgram;
        this.pointerTools = pointerTools;
    }

    /** No restriction: any library, the running program, the pointer tools. The default. */
    public static AccessPolicy allowAll() {
        return ALLOW_ALL;
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

        private Builder() {
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
            return new AccessPolicy(Set.copyOf(libraries), Collections.unmodifiableMap(frozen), mainProgram, pointerTools);
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
            throw new FfiException("open: the access policy does not allow loading \"" + path + "\" (library '" + library
                    + "'); allowed: " + libraries);
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

    private static String canonical(String path) {
        var file = Path.of(path);
        if (path.indexOf('/') < 0) {
            return path; // a bare name, found by the loader's search path: compared as written
        }
        try {
            return Files.exists(file) ? file.toRealPath().toString() : file.toAbsolutePath().normalize().toString();
        } catch (IOException unreadable) {
            return file.toAbsolutePath().normalize().toString();
        }
    }
}
