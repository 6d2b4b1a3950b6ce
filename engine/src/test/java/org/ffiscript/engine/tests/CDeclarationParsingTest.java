package org.ffiscript.engine.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.type.Nesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * C declarations as the engine reads them, before any library is involved: what is declared, what is refused and
 * how the refusal names its line and column, and that a failed declaration leaves nothing behind.
 */
class CDeclarationParsingTest {
    private Ffi ffi;

    @BeforeEach
    void newEngine() {
        ffi = new Ffi();
    }

    @AfterEach
    void closeEngine() {
        ffi.close();
    }

    @Test
    void parseErrorsNameTheLineTheColumnAndWhatWasExpected() {
        var error = assertThrows(FfiException.class, () -> ffi.define(Map.of("atoi", "int atoi(const char *s")));
        assertEquals(
                "define: atoi: line 1, column 23: expected ',' or ')' after parameter 1, got the end of the declaration",
                error.getMessage());
        error = assertThrows(FfiException.class, () -> ffi.define(Map.of("f", "int f(strin s)")));
        assertEquals("define: f: line 1, column 7: unknown type name 'strin'", error.getMessage());
        error = assertThrows(FfiException.class, () -> ffi.declare("struct Bad {\n  int a;\n  int b c;\n};"));
        assertEquals("declare: line 3, column 9: expected ';' after the member, got 'c'", error.getMessage());
        error = assertThrows(FfiException.class, () -> ffi.declare("struct Flags { unsigned a : 1; };"));
        assertEquals("declare: line 1, column 27: bit-fields are not supported ('a')", error.getMessage());
        error = assertThrows(FfiException.class, () -> ffi.define(Map.of("f", "struct Never f(int)")));
        assertEquals(
                "define: f: line 1, column 14: return type: struct Never is incomplete (declared without members); "
                        + "use a pointer to it",
                error.getMessage());
        error = assertThrows(FfiException.class, () -> ffi.define(Map.of("f", "int f(void x)")));
        assertEquals("define: f: line 1, column 5: parameter 1 'x': void is not a parameter type", error.getMessage());
        error = assertThrows(FfiException.class, () -> ffi.declare("int puts(const char *s);"));
        assertEquals(
                "declare: line 1, column 5: 'puts' declares a function: give prototypes to define", error.getMessage());
        ffi.open("libc", "");
        error = assertThrows(
                FfiException.class,
                () -> ffi.load(Map.of(
                        "library",
                        "libc",
                        "funcName",
                        "atoi",
                        "retType",
                        "long double",
                        "paramsType",
                        List.of(),
                        "paramsValue",
                        List.of())));
        assertEquals(
                "libc.atoi: retType: 'long double' is not supported (long double has no Java counterpart)",
                error.getMessage());
    }

    @Test
    void malformedDeclarationsAlwaysFailWithAPositionedMessage() {
        String[] vocabulary = {
            "int",
            "char",
            "unsigned",
            "long",
            "struct",
            "union",
            "enum",
            "typedef",
            "const",
            "void",
            "S",
            "x",
            "f",
            "*",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ",",
            ";",
            "...",
            "8",
            "0x",
            ":",
            "=",
            "-",
            "size_t",
            "double"
        };
        var random = new Random(20261126);
        for (int n = 0; n < 3000; n++) {
            var source = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                source.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
            }
            try {
                ffi.declare(source.toString());
            } catch (FfiException e) {
                assertTrue(
                        e.getMessage().matches("declare: (line \\d+, column \\d+: )?.+"),
                        source + " -> " + e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("seed 20261126, case " + n + ": " + source + " threw " + e, e);
            }
        }
    }

    @Test
    void redeclaringTheSameTypeIsFineAndAConflictIsNamed() {
        ffi.declare("struct Same { int a; }; typedef struct Same Same;");
        ffi.declare("struct Same { int a; }; typedef struct Same Same;");
        var error = assertThrows(FfiException.class, () -> ffi.declare("struct Same { long a; };"));
        assertEquals(
                "declare: line 1, column 13: struct Same is already defined with other members", error.getMessage());
        // A failed declaration leaves nothing behind.
        assertThrows(FfiException.class, () -> ffi.declare("typedef int Fresh; struct Oops { void v; };"));
        error = assertThrows(FfiException.class, () -> ffi.define(Map.of("f", "Fresh f(void)")));
        assertEquals("define: f: line 1, column 1: unknown type name 'Fresh'", error.getMessage());
    }

    @Test
    void aFailedDefinitionLeavesAForwardDeclaredStructToBeDefinedLater() {
        ffi.declare("typedef struct Retried Retried;");
        assertThrows(FfiException.class, () -> ffi.declare("struct Retried { int32_t x; no_such_type y; };"));

        var declared = ffi.declare("struct Retried { int32_t x; int32_t y; };");

        assertTrue(declared.containsKey("struct Retried"), declared.toString());
        var pointer = ffi.createPointer(
                Map.of("paramsType", List.of("Retried"), "paramsValue", List.of(Map.of("x", 1, "y", 2))));
        assertEquals(
                Map.of("x", 1, "y", 2),
                ffi.restorePointer(Map.of("retType", List.of("Retried"), "paramsValue", pointer))
                        .get(0));
    }

    @Test
    void aCallbackCannotTakeAStructArrayWithoutItsLength() {
        ffi.declare("typedef struct { int32_t x; } One;");
        var error = assertThrows(FfiException.class, () -> ffi.declare("typedef void (*Visit)(const One points[]);"));
        assertTrue(
                error.getMessage()
                        .startsWith(
                                "declare: line 1, column 16: function pointer: paramsType[0]: StructArray needs a length"),
                error.getMessage());
    }

    @Test
    void deeplyNestedCDeclaratorsAreRefusedWithTheirPosition() {
        var parentheses = assertThrows(
                        FfiException.class,
                        () -> ffi.declare("typedef int " + "(".repeat(20_000) + "*p" + ")".repeat(20_000) + ";"))
                .getMessage();
        assertEquals(
                "declare: line 1, column " + (14 + Nesting.MAX_DEPTH) + ": the declaration nests more than "
                        + Nesting.MAX_DEPTH + " levels deep (parentheses, parameter lists and struct bodies together)",
                parentheses);
        var stars = assertThrows(FfiException.class, () -> ffi.declare("typedef int " + "*".repeat(100_000) + "p;"))
                .getMessage();
        assertEquals(
                "declare: line 1, column 100013: the type nests more than " + Nesting.MAX_DEPTH
                        + " levels deep (pointers, arrays and functions derived from one another)",
                stars);
        var nestedStructs = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            nestedStructs.append("struct S").append(i).append(" { ");
        }
        nestedStructs.append("int x; ").append("} s; ".repeat(4_999)).append("};");
        var structs = assertThrows(FfiException.class, () -> ffi.declare(nestedStructs.toString()))
                .getMessage();
        assertEquals(true, structs.contains("the declaration nests more than " + Nesting.MAX_DEPTH), structs);
        var chain = new StringBuilder("typedef int *T0;");
        for (int i = 1; i <= Nesting.MAX_DEPTH + 1; i++) {
            chain.append("typedef T").append(i - 1).append(" *T").append(i).append(';');
        }
        var typedefs = assertThrows(FfiException.class, () -> ffi.declare(chain.toString()))
                .getMessage();
        assertEquals(true, typedefs.contains("the type nests more than " + Nesting.MAX_DEPTH), typedefs);
    }

    @Test
    void aStructWhoseFunctionPointerMemberTakesTheStructDeclares() {
        var declared = ffi.declare("struct Visited { int (*visit)(struct Visited *self); int value; };");

        assertTrue(declared.containsKey("struct Visited"), declared.toString());
    }

    @Test
    void aFailedDefinitionInAHeaderLeavesNoTrace() {
        var header = ffi.declareHeader("""
                typedef struct Retry Retry;
                struct Retry { int a : 1; };
                struct Retry { int a; int b; };
                int retry_sum(Retry *r);
                """);

        assertEquals(1, header.skipped().size(), header.skipped().toString());
        assertEquals(2, header.skipped().get(0).line());
        assertEquals(8L, header.types().get("struct Retry").layout().byteSize());
        assertTrue(header.functions().containsKey("retry_sum"));
    }

    @Test
    void anErrorNamesTheFirstProblemEvenWithStrayCharactersAfterIt() {
        var error = assertThrows(FfiException.class, () -> ffi.declare("struct A { int x y; };\nint @;"));

        assertEquals("declare: line 1, column 18: expected ';' after the member, got 'y'", error.getMessage());
    }

    @Test
    void anyTextDeclaresWhatItCanAndReportsTheRestWithoutFailing() {
        String[] vocabulary = {
            "int",
            "char",
            "long",
            "struct",
            "union",
            "enum",
            "typedef",
            "static",
            "inline",
            "extern",
            "const",
            "void",
            "S",
            "x",
            "f",
            "*",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ",",
            ";",
            "...",
            "8",
            "=",
            "<<",
            "?",
            ":",
            "sizeof",
            "__attribute__",
            "((",
            "))",
            "__asm__",
            "\"s\"",
            "__extension__",
            "va_list",
            "@",
            "\n# 3 \"h.h\"\n"
        };
        var random = new Random(20261202);
        for (int n = 0; n < 3000; n++) {
            var source = new StringBuilder();
            for (int i = random.nextInt(24); i >= 0; i--) {
                source.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
            }
            try {
                var header = ffi.declareHeader(source.toString());
                header.skipped()
                        .forEach(item -> assertTrue(
                                item.reason().matches("(h\\.h, )?line \\d+, column \\d+: .+"), source + " -> " + item));
            } catch (RuntimeException e) {
                throw new AssertionError("seed 20261202, case " + n + ": " + source + " threw " + e, e);
            }
        }
    }
}
