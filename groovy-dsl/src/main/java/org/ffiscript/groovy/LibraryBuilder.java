package org.ffiscript.groovy;

import groovy.lang.GroovyInterceptable;
import groovy.lang.GroovyObjectSupport;
import groovy.lang.MissingMethodException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.FfiException;

/**
 * The delegate of a {@code library('name') { ... }} block: each line declares one function,
 * {@code atoi returns: int, takes: [String]}, or as C, {@code function 'int atoi(const char *s)'}, with the
 * options of ffi-rs ({@code errno}, {@code runInNewThread}, {@code freeResultMemory}). {@code declare '...'}
 * declares C types. Inside the block, DataType names ({@code I32}, {@code U64}, ...) and declared struct names
 * are in scope.
 */
public final class LibraryBuilder extends GroovyObjectSupport implements GroovyInterceptable {
    private static final java.util.Set<String> OWN_METHODS = java.util.Set.of(
            "callback", "struct", "stackStruct", "array", "inlineArray", "structArray", "function", "declare");
    private static final List<String> PROTOTYPE_OPTIONS = List.of("errno", "runInNewThread", "freeResultMemory");

    private final String library;
    private final GroovyFfi api;
    private final Map<String, Object> structs;
    private final Map<String, Object> declarations = new LinkedHashMap<>();
    private final java.util.Set<String> prototypes = new java.util.HashSet<>();

    LibraryBuilder(String library, GroovyFfi api, Map<String, Object> structs) {
        this.library = library;
        this.api = api;
        this.structs = structs;
    }

    // The type makers of the API, so that they work inside the block too (where unknown calls declare functions).

    public Map<String, Object> callback(Map<String, ?> signature) {
        return api.callback(signature);
    }

    public Map<String, Object> struct(Map<String, ?> fields) {
        return api.struct(fields);
    }

    public Map<String, Object> struct(Map<String, ?> fields, String name) {
        return api.struct(fields, name);
    }

    public Map<String, Object> stackStruct(Map<String, ?> fields) {
        return api.stackStruct(fields);
    }

    public Map<String, Object> stackStruct(Map<String, ?> fields, String name) {
        return api.stackStruct(fields, name);
    }

    public Map<String, Object> array(Object type, int length) {
        return api.array(type, length);
    }

    public Map<String, Object> inlineArray(Object type, int length) {
        return api.inlineArray(type, length);
    }

    public Map<String, Object> structArray(Map<String, ?> itemType, int length) {
        return api.structArray(itemType, length);
    }

    /** Declares C types, as {@link GroovyFfi#declare(String)}. */
    public Map<String, org.ffiscript.engine.type.NativeType> declare(String source) {
        return api.declare(source);
    }

    /** Declares a function by its C prototype: {@code function 'int atoi(const char *s)'}. */
    public void function(String prototype) {
        function(Map.of(), prototype);
    }

    /**
     * Declares a function: {@code function 'atoi', returns: int, takes: [String]}; or by its C prototype with
     * options, {@code function 'int open(const char *path, int flags, ...)', errno: true}.
     */
    public void function(Map<String, Object> signature, String name) {
        if (name.contains("(")) {
            var spec = new LinkedHashMap<String, Object>();
            spec.put("library", library);
            spec.put("prototype", name);
            for (var key : signature.keySet()) {
                if (!PROTOTYPE_OPTIONS.contains(key)) {
                    throw new FfiException(library + ": " + name + ": unknown option '" + key + "'; a prototype takes "
                            + String.join(", ", PROTOTYPE_OPTIONS));
                }
            }
            spec.putAll(signature);
            declarations.put(name, spec); // keyed by the prototype itself until define names the function
            prototypes.add(name);
            return;
        }
        var spec = new LinkedHashMap<String, Object>();
        spec.put("library", library);
        var where = library + "." + name;
        spec.put(
                "retType",
                TypeNotation.describe(signature.getOrDefault("returns", DataType.Void), structs, where + ": returns"));
        var takes = signature.getOrDefault("takes", List.of());
        if (!(takes instanceof List<?> types)) {
            throw new FfiException(where + ": takes: expected a list of types, got " + takes);
        }
        spec.put(
                "paramsType",
                types.stream()
                        .map(type -> TypeNotation.describe(type, structs, where + ": takes"))
                        .toList());
        for (var option : List.of("errno", "runInNewThread", "freeResultMemory")) {
            if (signature.containsKey(option)) {
                spec.put(option, signature.get(option));
            }
        }
        for (var key : signature.keySet()) {
            if (!List.of("returns", "takes", "errno", "runInNewThread", "freeResultMemory")
                    .contains(key)) {
                throw new FfiException(where + ": unknown option '" + key
                        + "'; use returns, takes, errno, runInNewThread, " + "freeResultMemory");
            }
        }
        declarations.put(name, spec);
    }

    /**
     * Every call in the block lands here first (GroovyInterceptable): {@code sleep returns: int, takes: [int]}
     * declares {@code sleep} even though GDK has a method of that name. A call that is no declaration goes on to the
     * block's owner (the script), as {@code println} would.
     */
    @Override
    public Object invokeMethod(String name, Object args) {
        var values = args instanceof Object[] array ? array : new Object[] {args};
        if (OWN_METHODS.contains(name)) {
            return getMetaClass().invokeMethod(this, name, values);
        }
        if (values.length == 1 && values[0] instanceof Map<?, ?> signature) {
            @SuppressWarnings("unchecked")
            var typed = (Map<String, Object>) signature;
            function(typed, name);
            return null;
        }
        throw new MissingMethodException(name, LibraryBuilder.class, values);
    }

    /** DataType names and declared struct names. */
    public Object propertyMissing(String name) {
        if (structs.containsKey(name)) {
            return structs.get(name);
        }
        try {
            return DataType.class.getField(name).get(null);
        } catch (ReflectiveOperationException e) {
            throw new FfiException(library + ": unknown name '" + name + "' in the library block");
        }
    }

    Map<String, Object> declarations() {
        return declarations;
    }

    /** True where a declaration's key is a prototype, whose function name define reads from it. */
    boolean isPrototype(String key) {
        return prototypes.contains(key);
    }
}
