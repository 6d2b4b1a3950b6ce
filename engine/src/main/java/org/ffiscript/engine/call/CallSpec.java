package org.ffiscript.engine.call;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.type.ValueText;

/**
 * A call description as scripts write it for {@code load} (or, without {@code funcName} and
 * {@code paramsValue}, for {@code define}), read and checked for missing, unknown and ill-typed keys.
 */
public record CallSpec(String library, String funcName, Object retType, List<?> paramsType, List<?> paramsValue,
                       boolean errno, boolean runInNewThread, boolean freeResultMemory) {

    private static final Set<String> LOAD_KEYS = Set.of("library", "funcName", "retType", "paramsType",
            "paramsValue", "errno", "runInNewThread", "freeResultMemory");
    private static final Set<String> DEFINE_KEYS = Set.of("library", "funcName", "retType", "paramsType",
            "errno", "runInNewThread", "freeResultMemory");

    /** {@code library.function}, the prefix of every message about this call. */
    public String where() {
        return library + "." + funcName;
    }

    /** Reads a {@code load} description. */
    public static CallSpec ofLoad(Map<?, ?> spec) {
        var funcName = spec.get("funcName");
        return read(spec, funcName, true, LOAD_KEYS);
    }

    /** Reads one entry of a {@code define} map; the key is the C symbol unless the entry names a funcName. */
    public static CallSpec ofDefinition(Object symbol, Object definition) {
        if (!(definition instanceof Map<?, ?> spec)) {
            throw new FfiException("define: " + symbol + ": expected a description {library, retType, paramsType}, got "
                    + ValueText.of(definition));
        }
        var funcName = spec.get("funcName");
        return read(spec, funcName != null ? funcName : symbol, false, DEFINE_KEYS);
    }

    private static CallSpec read(Map<?, ?> spec, Object funcName, boolean withValues, Set<String> validKeys) {
        var library = spec.get("library");
        var where = (library instanceof CharSequence ? library : "?") + "." + (funcName instanceof CharSequence ? funcName : "?");
        var retType = spec.get("retType");
        var paramsType = spec.get("paramsType");
        var paramsValue = withValues ? spec.get("paramsValue") : null;
        var errno = spec.get("errno");
        var runInNewThread = spec.get("runInNewThread");
        var freeResultMemory = spec.get("freeResultMemory");
        int present = count(library, spec.get("funcName"), retType, paramsType, paramsValue, errno, runInNewThread, freeResultMemory);
        if (present != spec.size()) {
            rejectUnknownKeys(spec, validKeys, where);
        }
        return new CallSpec(
                text(library, "library", where),
                text(funcName, "funcName", where),
                required(retType, "retType", where),
                list(paramsType, "paramsType", where),
                withValues ? list(paramsValue, "paramsValue", where) : null,
                flag(errno, "errno", where),
                flag(runInNewThread, "runInNewThread", where),
                flag(freeResultMemory, "freeResultMemory", where));
    }

    private static int count(Object... values) {
        int present = 0;
        for (var value : values) {
            if (value != null) {
                present++;
            }
        }
        return present;
    }

    private static void rejectUnknownKeys(Map<?, ?> spec, Set<String> validKeys, String where) {
        for (var key : spec.keySet()) {
            if (!(key instanceof String name) || !validKeys.contains(name)) {
                throw new FfiException(where + ": unknown key " + ValueText.of(key) + "; valid keys are "
                        + validKeys.stream().sorted().toList());
            }
        }
    }

    private static Object required(Object value, String key, String where) {
        if (value == null) {
            throw new FfiException(where + ": missing required key '" + key + "'");
        }
        return value;
    }

    private static String text(Object value, String key, String where) {
        if (required(value, key, where) instanceof CharSequence s && !s.isEmpty()) {
            return s.toString();
        }
        throw new FfiException(where + ": " + key + ": expected a non-empty string, got " + ValueText.of(value));
    }

    private static List<?> list(Object value, String key, String where) {
        return switch (required(value, key, where)) {
            case List<?> list -> list;
            case Object[] array -> Arrays.asList(array);
            default -> throw new FfiException(where + ": " + key + ": expected a list, got " + ValueText.of(value));
        };
    }

    private static boolean flag(Object value, String key, String where) {
        return switch (value) {
            case null -> false;
            case Boolean b -> b;
            default -> throw new FfiException(where + ": " + key + ": expected true or false, got " + ValueText.of(value));
        };
    }
}
