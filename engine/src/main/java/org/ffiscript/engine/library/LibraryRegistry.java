package org.ffiscript.engine.library;

import java.util.concurrent.ConcurrentHashMap;
import org.ffiscript.engine.AccessPolicy;
import org.ffiscript.engine.FfiException;

/** The libraries a script has opened, by key. */
public final class LibraryRegistry {
    private final ConcurrentHashMap<String, NativeLibrary> byName = new ConcurrentHashMap<>();
    private final AccessPolicy policy;

    /** Libraries opened within what {@code policy} allows. */
    public LibraryRegistry(AccessPolicy policy) {
        this.policy = policy;
    }

    /**
     * Opens {@code path} under {@code name}, replacing whatever the key held before: new calls go to the new
     * library, calls already holding the old one finish there.
     */
    public void open(String name, String path) {
        policy.checkOpen(name, path);
        var library = NativeLibrary.load(name, path, policy);
        var previous = byName.put(name, library);
        if (previous != null) {
            previous.replace();
        }
    }

    /** Closes the library under {@code name}; closing a key that is not open does nothing. */
    public void close(String name) {
        var library = byName.remove(name);
        if (library != null) {
            library.close();
        }
    }

    /** The library open under {@code name}; the empty name is the running program, opened on first use. */
    public NativeLibrary get(String name, String where) {
        if (name.isEmpty()) {
            return runningProgram(where);
        }
        var library = byName.get(name);
        if (library == null) {
            throw new FfiException(where + ": library '" + name + "' is not open; call open({library: '" + name
                    + "', path: ...}) first");
        }
        return library;
    }

    private NativeLibrary runningProgram(String where) {
        var library = byName.get("");
        if (library != null && library.isOpen()) {
            return library;
        }
        try {
            policy.checkOpen("", "");
        } catch (FfiException e) {
            throw new FfiException(where + ": a prototype without a library calls into the running program, which the "
                    + "access policy does not allow; name the library: {library, prototype}");
        }
        return byName.computeIfAbsent("", key -> NativeLibrary.load("", "", policy));
    }

    /** Closes every library. */
    public void closeAll() {
        byName.keySet().forEach(this::close);
    }
}
