package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.script.ScriptEngineManager;
import org.ffiscript.engine.ApiTable;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.type.BasicType;
import org.ffiscript.groovy.FfiScript;
import org.ffiscript.groovy.GroovyFfi;
import org.junit.jupiter.api.Test;

/** Every language offers what the engine's API table lists, with ffi-rs's numbers, and nothing it does not list. */
class ApiTableTest {

    @Test
    void theCodesAreFfiRsNumbers() {
        var expected = new LinkedHashMap<String, Integer>();
        String[] names = {
            "String",
            "I32",
            "Double",
            "I32Array",
            "StringArray",
            "DoubleArray",
            "Boolean",
            "Void",
            "I64",
            "U8",
            "U8Array",
            "External",
            "U64",
            "FloatArray",
            "Float",
            "WString",
            "BigInt",
            "I16",
            "StructArray",
            "I16Array",
            "U32"
        };
        for (int code = 0; code < names.length; code++) {
            expected.put(names[code], code);
        }
        expected.putAll(Map.of("StackArray", 996, "Array", 997, "Function", 998, "StackStruct", 999));
        assertEquals(expected, ApiTable.CODES.get("DataType"));
        assertEquals(Map.of("RsPointer", 0, "CPointer", 1), ApiTable.CODES.get("PointerType"));
        assertEquals(Map.of("StackStruct", 999, "StackArray", 996), ApiTable.CODES.get("FFITypeTag"));
    }

    @Test
    void eachBasicTypeIsNamedAsItsDataTypeCode() {
        for (var type : BasicType.values()) {
            if (type.code() >= 0) {
                assertEquals(type.code(), ApiTable.CODES.get("DataType").get(type.displayName()), type.name());
            }
        }
        assertEquals(BasicType.I32, BasicType.ofCode(DataType.I32));
    }

    @Test
    void theJavaScriptModuleOffersTheTable() throws Exception {
        var engine = new ScriptEngineManager().getEngineByName("ffi-js");
        var keys = (String) engine.eval("JSON.stringify(Object.keys(require('ffi-rs')))");
        var expected = new java.util.ArrayList<>(List.of("DataType", "PointerType", "FFITypeTag"));
        expected.addAll(ApiTable.functionNames());
        assertEquals(
                expected.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(",", "[", "]")), keys);
        assertEquals(
                String.valueOf(DataType.StackStruct),
                String.valueOf(engine.eval("require('ffi-rs').DataType.StackStruct")));
        assertEquals(
                String.valueOf(ApiTable.CODES.get("DataType").size()),
                String.valueOf(engine.eval("Object.keys(require('ffi-rs').DataType).length")));
    }

    @Test
    void groovyOffersEachFunctionOnTheApiObjectAndInScripts() {
        for (var holder : List.of(GroovyFfi.class, FfiScript.class)) {
            var missing = new LinkedHashSet<>(ApiTable.functionNames());
            missing.removeAll(publicMethods(holder));
            assertTrue(missing.isEmpty(), holder.getSimpleName() + " lacks " + missing);
        }
    }

    @Test
    void theJavaApiHasEveryOperation() {
        var methods = publicMethods(Ffi.class);
        for (var function : ApiTable.FUNCTIONS) {
            if (function.kind() == ApiTable.Kind.OPERATION) {
                assertTrue(methods.contains(function.name()), "Ffi lacks " + function.name());
            }
        }
    }

    private static Set<String> publicMethods(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .map(java.lang.reflect.Method::getName)
                .collect(Collectors.toSet());
    }
}
