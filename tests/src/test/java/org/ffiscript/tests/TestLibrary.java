package org.ffiscript.tests;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.Ffi;

/** The project's C test library (built from src/test/c) and short ways to describe calls into it. */
final class TestLibrary {
    static final String KEY = "ffitest";
    static final String PATH = System.getProperty("ffi.testlib", "target/native/libffitest.so");

    private TestLibrary() {}

    /** A new engine with the test library open under {@link #KEY}. */
    static Ffi openEngine() {
        var ffi = new Ffi();
        ffi.open(KEY, PATH);
        return ffi;
    }

    /** A {@code load} description of a call into the test library. */
    static Map<String, Object> spec(String funcName, Object retType, List<?> paramsType, Object... values) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("library", KEY);
        spec.put("funcName", funcName);
        spec.put("retType", retType);
        spec.put("paramsType", paramsType);
        spec.put("paramsValue", Arrays.asList(values));
        return spec;
    }

    /** {@link #spec} with extra options ({@code errno}, {@code runInNewThread}, ...). */
    static Map<String, Object> spec(
            String funcName, Object retType, List<?> paramsType, List<?> values, Map<String, Object> options) {
        var spec = spec(funcName, retType, paramsType, values.toArray());
        spec.putAll(options);
        return spec;
    }
}
