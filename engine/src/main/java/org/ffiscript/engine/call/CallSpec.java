package org.ffiscript.engine.call;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.type.CPrototype;
import org.ffiscript.engine.type.CText;
import org.ffiscript.engine.type.ValueMismatch;
import org.ffiscript.engine.type.ValueText;

/**
 * A call description as scripts write it for {@code load} (or, without {@code funcName} and
 * {@code paramsValue}, for {@code define}), read and checked for missing, unknown and ill-typed keys; or a C
 * prototype given to {@code define}. An empty library is the running program. A variadic function has
 * {@code variadicFrom} set to the number of its fixed parameters; otherwise it is -1.
 */
public record CallSpec(
        String library,
        String funcName,
        Object retType,
        List<?> paramsType,
        List<?> paramsValue,
        boolean errno,
        boolean runInNewThread,
        boolean freeResultMemory,
        int variadicFrom) {

    private static final Set<String> LOAD_KEYS = Set.of(
            "library",
            "funcName",
            "retType",
            "paramsType",
            "paramsValue",
            "errno",
            "runInNewThread",
            "freeResultMemory");
    private static final Set<String> DEFINE_KEYS =
            Set.of("library", "funcName", "retType", "paramsType", "errno", "runInNewThread", "freeResultMemory");
    private static final Set<String> PROTOTYPE_KEYS =
            Set.of("library", "prototype", "errno", "runInNewThread", "freeResultMemory");

    /** {@code library.function}, the prefix of every message about this call; just the function in the running program. */
    public String where() {
        return library.isEmpty() ? funcName : library + "." + funcName;
    }

    /** This load description as a definition: the same function, without the values of one call. */
    public CallSpec withoutValues() {
        return new CallSpec(
                library, funcName, retType, paramsType, null, errno, runInNewThread, freeResultMemory, variadicFrom);
    }

    /** True for a C prototype ending with {@code ...}. */
    public boolean isVariadic() {
        return variadicFrom >= 0;
    }

    /** This variadic function's spec for one call, with the variadic arguments' types after the fixed ones. */
    public CallSpec withVariadicTypes(List<?> variadicTypes) {
        var types = new ArrayList<Object>(paramsType);
        types.addAll(variadicTypes);
        return new CallSpec(
                library, funcName, retType, types, null, errno, runInNewThread, freeResultMemory, variadicFrom);
    }

    /** True where a define entry is a C prototype: a string, or a map with a {@code prototype} key. */
    public static boolean isPrototype(Object definition) {
        return definition instanceof CharSequence
                || definition instanceof Map<?, ?> map && map.containsKey("prototype");
    }

    /**
     * Reads a define entry given as a C prototype: the string alone (a function of the running program, libc
     * and libm included) or {@code {library, prototype, errno, runInNewThread, freeResultMemory}}.
     */
    public static CallSpec ofPrototype(Object symbol, Object definition, Function<String, CPrototype> parse) {
        Map<?, ?> options = definition instanceof Map<?, ?> map ? map : Map.of("prototype", definition);
        var where = "define: " + symbol;
        for (var key : options.keySet()) {
            if (!(key instanceof String name) || !PROTOTYPE_KEYS.contains(name)) {
                throw new FfiException(
                        where + ": unknown key " + ValueText.of(key) + "; with a prototype the valid keys are "
                                + PROTOTYPE_KEYS.stream().sorted().toList());
            }
        }
        var library = options.get("library");
        if (library != null && !(library instanceof CharSequence text && !text.isEmpty())) {
            throw new FfiException(where + ": library: expected a non-empty string, got " + ValueText.of(library));
        }
        if (!(options.get("prototype") instanceof CharSequence source)) {
            throw new FfiException(where + ": prototype: expected a C prototype such as 'int atoi(const char *s)', got "
                    + ValueText.of(options.get("prototype")));
        }
        CPrototype prototype;
        try {
            prototype = parse.apply(source.toString());
        } catch (ValueMismatch e) {
            throw e.at(where);
        }
        var libraryKey = library == null ? "" : library.toString();
        var funcName = prototype.name();
        return new CallSpec(
                libraryKey,
                funcName,
                prototype.result(),
                prototype.params(),
                null,
                flag(options.get("errno"), "errno", libraryKey, funcName),
                flag(options.get("runInNewThread"), "runInNewThread", libraryKey, funcName),
                flag(options.get("freeResultMemory"), "freeResultMemory", libraryKey, funcName),
                prototype.variadic() ? prototype.params().size() : -1);
    }

    /** Reads a {@code load} description. */
    public static CallSpec ofLoad(Map<?, ?> spec) {
        return read(spec, null, true);
    }

    /** Reads one entry of a {@code define} map; the key is the C symbol unless the entry names a funcName. */
    public static CallSpec ofDefinition(Object symbol, Object definition) {
        if (!(definition instanceof Map<?, ?> spec)) {
            throw new FfiException("define: " + symbol + ": expected a description {library, retType, paramsType}, got "
                    + ValueText.of(definition));
        }
        return read(spec, symbol, false);
    }

    // One pass over the entries, and no message text built unless something is wrong: scripts build a new
    // description for every call, so this runs on the hot path.
    private static CallSpec read(Map<?, ?> spec, Object symbol, boolean withValues) {
        if (spec == null) {
            throw new FfiException((withValues ? "load" : "define: " + symbol) + ": expected a description {library, "
                    + (withValues ? "funcName, retType, paramsType, paramsValue" : "retType, paramsType")
                    + "}, got null");
        }
        Object library = null, funcName = symbol, retType = null, paramsType = null, paramsValue = null;
        Object errno = null, runInNewThread = null, freeResultMemory = null, unknownKey = null;
        boolean unknown = false; // the unknown key may itself be null (a Groovy map can hold one)
        for (var entry : spec.entrySet()) {
            var value = entry.getValue();
            switch (entry.getKey() instanceof String key ? key : "") {
                case "library" -> library = value;
                case "funcName" -> funcName = value != null ? value : symbol;
                case "retType" -> retType = value;
                case "paramsType" -> paramsType = value;
                case "errno" -> errno = value;
                case "runInNewThread" -> runInNewThread = value;
                case "freeResultMemory" -> freeResultMemory = value;
                case "paramsValue" -> {
                    if (withValues) {
                        paramsValue = value;
                    } else if (!unknown) {
                        unknown = true;
                        unknownKey = entry.getKey();
                    }
                }
                default -> {
                    if (!unknown) {
                        unknown = true;
                        unknownKey = entry.getKey();
                    }
                }
            }
        }
        if (unknown) {
            throw new FfiException(where(library, funcName) + ": unknown key " + ValueText.of(unknownKey)
                    + "; valid keys are "
                    + (withValues ? LOAD_KEYS : DEFINE_KEYS).stream().sorted().toList());
        }
        var key = text(library, "library", library, funcName);
        var cName = text(funcName, "funcName", library, funcName);
        if (cName.indexOf(0) >= 0) { // indexOf before any message: this runs on every load
            throw new FfiException((key.isEmpty() ? "" : key + ": ") + CText.nulInside("funcName", cName));
        }
        return new CallSpec(
                key,
                cName,
                required(retType, "retType", library, funcName),
                list(paramsType, "paramsType", library, funcName),
                withValues ? list(paramsValue, "paramsValue", library, funcName) : null,
                flag(errno, "errno", library, funcName),
                flag(runInNewThread, "runInNewThread", library, funcName),
                flag(freeResultMemory, "freeResultMemory", library, funcName),
                -1);
    }

    private static String where(Object library, Object funcName) {
        var function = funcName instanceof CharSequence ? funcName.toString() : "?";
        return library instanceof CharSequence text && text.isEmpty()
                ? function
                : (library instanceof CharSequence ? library : "?") + "." + function;
    }

    private static Object required(Object value, String key, Object library, Object funcName) {
        if (value == null) {
            throw new FfiException(where(library, funcName) + ": missing required key '" + key + "'");
        }
        return value;
    }

    // The checks below test instanceof before anything else: they run on every load, where a pattern switch
    // costs more than the tests it stands for.

    private static String text(Object value, String key, Object library, Object funcName) {
        if (value instanceof String s && !s.isEmpty()) {
            return s;
        }
        if (required(value, key, library, funcName) instanceof CharSequence s && !s.isEmpty()) {
            return s.toString();
        }
        throw new FfiException(
                where(library, funcName) + ": " + key + ": expected a non-empty string, got " + ValueText.of(value));
    }

    private static List<?> list(Object value, String key, Object library, Object funcName) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (required(value, key, library, funcName) instanceof Object[] array) {
            return Arrays.asList(array);
        }
        throw new FfiException(where(library, funcName) + ": " + key + ": expected a list, got " + ValueText.of(value));
    }

    private static boolean flag(Object value, String key, Object library, Object funcName) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new FfiException(
                where(library, funcName) + ": " + key + ": expected true or false, got " + ValueText.of(value));
    }
}
