package org.ffiscript.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one list of what the ffi-rs API offers in every language: its functions, and its type codes
 * ({@link DataType}, {@link PointerType}, {@link FFITypeTag}, read from those classes, where the numbers are
 * written once). The JavaScript module is assembled from it at start-up, and the tests hold the Java and
 * Groovy APIs to it, so that a function added in one place and forgotten in another fails the build.
 */
public final class ApiTable {
    /** What a function of the API is, and so where it must exist. */
    public enum Kind {
        /** An operation of the engine: {@link Ffi} has it, and every language's API. */
        OPERATION,
        /** A helper building a type description: every language's API has it; the engine takes the maps it makes. */
        DESCRIPTION
    }

    /** A function of the API, by its name in every language. */
    public record Function(String name, Kind kind) {}

    /** The functions, in the order the documentation gives them. */
    public static final List<Function> FUNCTIONS = List.of(
            new Function("open", Kind.OPERATION),
            new Function("close", Kind.OPERATION),
            new Function("load", Kind.OPERATION),
            new Function("define", Kind.OPERATION),
            new Function("arrayConstructor", Kind.DESCRIPTION),
            new Function("funcConstructor", Kind.DESCRIPTION),
            new Function("createPointer", Kind.OPERATION),
            new Function("restorePointer", Kind.OPERATION),
            new Function("unwrapPointer", Kind.OPERATION),
            new Function("wrapPointer", Kind.OPERATION),
            new Function("freePointer", Kind.OPERATION),
            new Function("isNullPointer", Kind.OPERATION),
            new Function("createExternalBuffer", Kind.OPERATION),
            new Function("decode", Kind.OPERATION),
            new Function("encode", Kind.OPERATION),
            new Function("declare", Kind.OPERATION),
            new Function("declareHeader", Kind.OPERATION),
            new Function("defineHeader", Kind.OPERATION),
            new Function("preprocess", Kind.OPERATION),
            new Function("global", Kind.OPERATION));

    /** The groups of type codes, each by the class that declares it: {@code DataType} to its names and numbers. */
    public static final Map<String, Map<String, Integer>> CODES =
            codes(DataType.class, PointerType.class, FFITypeTag.class);

    private ApiTable() {}

    /** The names of {@link #FUNCTIONS}. */
    public static List<String> functionNames() {
        return FUNCTIONS.stream().map(Function::name).toList();
    }

    /**
     * The table as JSON, {@code {"functions": [...], "codes": {"DataType": {"String": 0, ...}, ...}}}: one string
     * crosses into a script engine cheaply and its own JSON parser reads it. Made once, with plain loops: it is
     * read while a script's runtime starts.
     */
    public static String json() {
        return Json.TEXT;
    }

    private static final class Json {
        static final String TEXT = make();

        private static String make() {
            var json = new StringBuilder("{\"functions\":[");
            for (int i = 0; i < FUNCTIONS.size(); i++) {
                json.append(i == 0 ? "" : ",")
                        .append('"')
                        .append(FUNCTIONS.get(i).name())
                        .append('"');
            }
            json.append("],\"codes\":{");
            boolean firstGroup = true;
            for (var group : CODES.entrySet()) {
                json.append(firstGroup ? "" : ",")
                        .append('"')
                        .append(group.getKey())
                        .append("\":{");
                firstGroup = false;
                boolean first = true;
                for (var code : group.getValue().entrySet()) { // names are Java identifiers: nothing to escape
                    json.append(first ? "" : ",")
                            .append('"')
                            .append(code.getKey())
                            .append("\":")
                            .append(code.getValue());
                    first = false;
                }
                json.append('}');
            }
            return json.append("}}").toString();
        }
    }

    // Each holder's public int constants, by number.
    private static Map<String, Map<String, Integer>> codes(Class<?>... holders) {
        var groups = new LinkedHashMap<String, Map<String, Integer>>();
        for (var holder : holders) {
            var byNumber = new TreeMap<Integer, String>();
            for (var field : holder.getFields()) {
                if (Modifier.isStatic(field.getModifiers())
                        && field.getType() == int.class
                        && byNumber.put(valueOf(field), field.getName()) != null) {
                    throw new IllegalStateException(
                            holder.getSimpleName() + " gives two names the number " + valueOf(field));
                }
            }
            var codes = new LinkedHashMap<String, Integer>();
            byNumber.forEach((number, name) -> codes.put(name, number));
            groups.put(holder.getSimpleName(), Collections.unmodifiableMap(codes));
        }
        return Collections.unmodifiableMap(groups);
    }

    private static int valueOf(Field field) {
        try {
            return field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
