package org.ffiscript.js;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import javax.script.Bindings;
import org.graalvm.polyglot.Value;

/**
 * Engine-scope bindings of {@code ffi-js}: the global namespace of one JavaScript runtime, both ways. What an
 * application puts is a global of the script; what the script assigns or declares at the top level the application
 * gets. Each instance has a runtime of its own (context, native engine, libraries, event loop), made when it is
 * first used, so bindings from {@code createBindings()} share nothing with the engine's other bindings.
 * <p>
 * The globals the runtime starts with (the ffi-rs API, {@code process}, {@code Buffer}, the language's own) are
 * readable by name but not listed: the entries are what the script and the application added.
 */
final class JsBindings extends AbstractMap<String, Object> implements Bindings, AutoCloseable {
    private final Supplier<JsRuntime> maker;
    private JsRuntime runtime;
    private boolean closed;
    private Set<String> initialGlobals;
    /** The engine's own attributes (javax.script.argv, .filename, ...): kept here, not as script globals. */
    private final Map<String, Object> engineAttributes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Names shown to the script from the global scope: not entries of these bindings. */
    private final Set<String> fromGlobalScope = new java.util.HashSet<>();

    JsBindings(Supplier<JsRuntime> maker) {
        this.maker = maker;
    }

    synchronized JsRuntime runtime() {
        if (runtime == null) {
            runtime = maker.get();
            initialGlobals = Set.copyOf(runtime.globals().getMemberKeys());
        }
        return runtime;
    }

    private Value globals() {
        return runtime().globals();
    }

    @Override
    public synchronized Object put(String name, Object value) {
        checkName(name);
        if (isEngineAttribute(name)) {
            return value == null ? engineAttributes.remove(name) : engineAttributes.put(name, value);
        }
        var previous = get(name);
        globals().putMember(name, value);
        fromGlobalScope.remove(name);
        return previous;
    }

    @Override
    public void putAll(Map<? extends String, ?> entries) {
        entries.forEach(this::put);
    }

    @Override
    public Object get(Object key) {
        checkName(key);
        if (isEngineAttribute(key)) {
            return engineAttributes.get(key);
        }
        var value = globals().getMember((String) key);
        return value == null || value.isNull() ? null : value.as(Object.class);
    }

    @Override
    public boolean containsKey(Object key) {
        checkName(key);
        if (isEngineAttribute(key)) {
            return engineAttributes.containsKey(key);
        }
        return globals().hasMember((String) key);
    }

    @Override
    public Object remove(Object key) {
        checkName(key);
        if (isEngineAttribute(key)) {
            return engineAttributes.remove(key);
        }
        var previous = get(key);
        globals().removeMember((String) key);
        return previous;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                var names = globals().getMemberKeys().stream()
                        .filter(JsBindings.this::ownEntry)
                        .toList()
                        .iterator();
                return new Iterator<>() {
                    private String last;

                    @Override
                    public boolean hasNext() {
                        return names.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        last = names.next();
                        return new SimpleEntry<>(last, get(last));
                    }

                    @Override
                    public void remove() {
                        JsBindings.this.remove(last);
                    }
                };
            }

            @Override
            public int size() {
                return (int) globals().getMemberKeys().stream()
                        .filter(JsBindings.this::ownEntry)
                        .count();
            }
        };
    }

    /**
     * Makes the global-scope bindings visible to the script where these bindings have no name of their own, with
     * their current values.
     */
    synchronized void showGlobalScope(Bindings globalScope) {
        if (globalScope == null) {
            return;
        }
        var globals = globals();
        globalScope.forEach((name, value) -> {
            if (name.isEmpty() || name.startsWith("javax.script.")) {
                return;
            }
            if (fromGlobalScope.contains(name) || !globals.hasMember(name)) {
                globals.putMember(name, value);
                fromGlobalScope.add(name);
            }
        });
    }

    private static boolean isEngineAttribute(Object name) {
        return ((String) name).startsWith("javax.script.");
    }

    private boolean ownEntry(String name) {
        return !initialGlobals.contains(name) && !fromGlobalScope.contains(name);
    }

    /**
     * Closes the runtime, if one was made: its context, native engine and libraries. Bindings from
     * {@code createBindings()} are AutoCloseable for this, so that an application making one per request need not
     * keep them until the engine closes; closing twice (here and with the engine) does nothing more.
     */
    @Override
    public synchronized void close() {
        if (runtime != null && !closed) {
            closed = true;
            runtime.close();
        }
    }

    /** The names javax.script.Bindings allows: not null, not empty. */
    private static void checkName(Object name) {
        Objects.requireNonNull(name, "a binding's name is null");
        if (!(name instanceof String text)) {
            throw new ClassCastException(
                    "a binding's name is a String, not " + name.getClass().getName());
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("a binding's name is empty");
        }
    }
}
