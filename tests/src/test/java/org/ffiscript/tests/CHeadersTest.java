package org.ffiscript.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ffiscript.engine.Ffi;
import org.ffiscript.engine.FfiException;
import org.ffiscript.engine.type.DeclaredHeader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole headers in one call: our own header in the style of system headers (src/test/c/headers.h) and the system's
 * own headers, both preprocessed by gcc at test time, as a user would hand them over.
 */
class CHeadersTest extends EngineTest {
    private static final Path HEADER = Path.of("src/test/c/headers.h");

    @TempDir
    static Path folder;

    /** {@code gcc -E} of {@code source}; the test is skipped where gcc cannot preprocess it (a header not installed). */
    private static String preprocessed(String source) throws Exception {
        var input = Files.createTempFile(folder, "header-", ".c");
        var output = Files.createTempFile(folder, "header-", ".i");
        Files.writeString(input, source);
        var result = Commands.run(
                folder,
                List.of(
                        "gcc",
                        "-E",
                        "-I",
                        HEADER.toAbsolutePath().getParent().toString(),
                        "-I",
                        "/usr/include/libxml2",
                        "-o",
                        output.toString(),
                        input.toString()),
                1,
                environment -> {});
        Assumptions.assumeTrue(
                result.status() == 0, "gcc -E cannot preprocess " + source.strip() + ":\n" + result.output());
        return Files.readString(output);
    }

    private static String ourHeader() throws Exception {
        return preprocessed("#include \"headers.h\"\n");
    }

    /** The line of headers.h that holds {@code text}, as a report should name it. */
    private static int lineOf(String text) throws Exception {
        var lines = Files.readAllLines(HEADER);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + HEADER);
    }

    private static DeclaredHeader.Skipped skipped(DeclaredHeader header, String construct) {
        return header.skipped().stream()
                .filter(item -> item.construct().equals(construct))
                .findFirst()
                .orElseThrow(() -> new AssertionError(construct + " was not skipped: " + header.skipped()));
    }

    @Test
    void aPreprocessedHeaderDeclaresItsFunctionsTypesConstantsAndGlobals() throws Exception {
        try (var engine = new Ffi()) {
            var header = engine.declareHeader(ourHeader());

            assertTrue(
                    header.functions()
                            .keySet()
                            .containsAll(List.of(
                                    "hdr_add",
                                    "hdr_copy",
                                    "hdr_widen",
                                    "hdr_sum",
                                    "hdr_answer",
                                    "hdr_buffer_size",
                                    "hdr_node_visit",
                                    "hdr_missing")),
                    header.functions().keySet().toString());
            assertEquals(
                    "hdr_answer_v2", header.functions().get("hdr_answer").name(), "an __asm__ label names the symbol");
            assertTrue(header.types()
                    .keySet()
                    .containsAll(
                            List.of("hdr_buffer", "struct hdr_buffer", "struct hdr_node", "hdr_node", "hdr_long")));
            assertEquals(
                    Map.of("HDR_A", 1L, "HDR_B", 2L, "HDR_AB", 3L, "HDR_BIG", 2147483647L, "HDR_SIZED", 16L),
                    Map.of(
                            "HDR_A",
                            header.constants().get("HDR_A"),
                            "HDR_B",
                            header.constants().get("HDR_B"),
                            "HDR_AB",
                            header.constants().get("HDR_AB"),
                            "HDR_BIG",
                            header.constants().get("HDR_BIG"),
                            "HDR_SIZED",
                            header.constants().get("HDR_SIZED")));
            assertEquals(
                    List.of(-2L, -1L, 100L),
                    List.of(
                            header.constants().get("HDR_LOW"),
                            header.constants().get("HDR_NEXT"),
                            header.constants().get("HDR_HIGH")));
            assertEquals(
                    Map.of("hdr_counter", "I32", "hdr_label", "char*"),
                    Map.of(
                            "hdr_counter", header.globals().get("hdr_counter").displayName(),
                            "hdr_label", header.globals().get("hdr_label").displayName()));
            assertTrue(
                    header.files().get("hdr_add").endsWith("headers.h"),
                    header.files().get("hdr_add"));
        }
    }

    @Test
    void constantExpressionsSizeArraysAsTheCompilerDoes() throws Exception {
        try (var engine = new Ffi()) {
            engine.open(TestLibrary.KEY, TestLibrary.PATH);
            var header = engine.defineHeader(TestLibrary.KEY, ourHeader());

            var size = header.functions().get("hdr_buffer_size").call();
            assertEquals(
                    size, header.declared().types().get("hdr_buffer").layout().byteSize());
        }
    }

    @Test
    void whatCannotBeUsedIsSkippedWithItsHeaderLineAndReason() throws Exception {
        try (var engine = new Ffi()) {
            var header = engine.declareHeader(ourHeader());

            var vsum = skipped(header, "function 'hdr_vsum'");
            assertTrue(vsum.file().endsWith("headers.h"), vsum.toString());
            assertEquals(lineOf("hdr_vsum"), vsum.line());
            assertTrue(vsum.reason().contains("parameter 2 'args': va_list is not supported"), vsum.reason());
            assertTrue(skipped(header, "struct hdr_packed")
                    .reason()
                    .contains("__attribute__((packed)) changes the memory layout"));
            assertTrue(skipped(header, "function 'hdr_wide'").reason().contains("'long double' is not supported"));
            assertTrue(skipped(header, "function 'hdr_twice'").reason().contains("'hdr_twice' is static"));
            assertTrue(skipped(header, "function 'hdr_thrice'").reason().contains("'hdr_thrice' is static"));
            assertFalse(header.functions().containsKey("hdr_vsum"));
            assertFalse(header.types().containsKey("struct hdr_packed"));
        }
    }

    @Test
    void defineHeaderMakesEveryFunctionOfALibraryCallableInOneCall() throws Exception {
        try (var engine = new Ffi()) {
            engine.open(TestLibrary.KEY, TestLibrary.PATH);
            var header = engine.defineHeader(TestLibrary.KEY, ourHeader());
            var functions = header.functions();

            assertEquals(5, functions.get("hdr_add").call(2, 3));
            assertEquals(42, functions.get("hdr_answer").call(), "called through the symbol of its __asm__ label");
            assertEquals(3L << 32, functions.get("hdr_widen").call(3));
            assertEquals(6, functions.get("hdr_sum").call(3, "int", 1, "int", 2, "int", 3));
            var missing = header.skipped().stream()
                    .filter(item -> item.construct().equals("function 'hdr_missing'"))
                    .findFirst();
            assertTrue(
                    missing.isPresent() && missing.get().reason().contains("'hdr_missing' not found"),
                    header.skipped().toString());
            assertFalse(functions.containsKey("hdr_missing"));
        }
    }

    @Test
    void globalsAreReadAndWrittenThroughAPointer() throws Exception {
        try (var engine = new Ffi()) {
            engine.open(TestLibrary.KEY, TestLibrary.PATH);
            var header = engine.defineHeader(TestLibrary.KEY, ourHeader());

            var counter = engine.global(TestLibrary.KEY, "hdr_counter");
            var label = engine.global(TestLibrary.KEY, "hdr_label");
            var value = header.functions().get("hdr_counter_value");
            assertEquals(
                    List.of(value.call(), "ffitest"),
                    engine.restorePointer(
                            Map.of("retType", List.of("int", "const char *"), "paramsValue", List.of(counter, label))));
            var bytes = engine.createExternalBuffer(counter, 4).order(ByteOrder.nativeOrder());
            int before = bytes.getInt(0);
            bytes.putInt(0, 99);
            assertEquals(99, value.call());
            bytes.putInt(0, before); // the library is shared with the other tests of this JVM

            var error = assertThrows(FfiException.class, () -> engine.global(TestLibrary.KEY, "hdr_nothing"));
            assertEquals(
                    "global: ffitest.hdr_nothing: no global variable 'hdr_nothing' was declared; declare the header "
                            + "that declares it (extern T hdr_nothing;) first",
                    error.getMessage());
        }
    }

    @Test
    void aHeaderFromDiskIsPreprocessedByTheSystemsPreprocessor() {
        var text = ffi.preprocess(HEADER.toString(), List.of());

        assertTrue(ffi.declareHeader(text).functions().containsKey("hdr_add"));
        var error = assertThrows(FfiException.class, () -> ffi.preprocess("no-such-header.h", List.of()));
        assertEquals(
                "preprocess: no-such-header.h: no header file \""
                        + Path.of("no-such-header.h").toAbsolutePath() + "\"",
                error.getMessage());
    }

    @Test
    void strictModeFailsOnTheFirstProblemAndDeclaresNothing() throws Exception {
        try (var engine = new Ffi()) {
            var text = ourHeader();
            var error = assertThrows(FfiException.class, () -> engine.declareHeader(text, true));

            assertTrue(error.getMessage().startsWith("declareHeader: "), error.getMessage());
            assertTrue(engine.declareHeader("int uses(hdr_buffer *b);")
                    .skipped()
                    .get(0)
                    .reason()
                    .contains("unknown type name 'hdr_buffer'"));
        }
    }

    /**
     * The share of a header's function prototypes that can be used: each declared one, against each declared or
     * skipped for a reason other than being static (an inline helper no library exports), counting only functions
     * from the files {@code ours} accepts.
     */
    private static double accepted(DeclaredHeader header, Predicate<String> ours) {
        long usable = header.functions().keySet().stream()
                .filter(name -> ours.test(header.files().get(name)))
                .count();
        long refused = header.skipped().stream()
                .filter(item -> item.construct().startsWith("function '")
                        && ours.test(item.file())
                        && !item.reason().contains("is static"))
                .map(DeclaredHeader.Skipped::construct)
                .distinct()
                .count();
        return (double) usable / (usable + refused);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'#include <zlib.h>', zlib.h|zconf.h, 0.98",
        "'#include <sqlite3.h>', sqlite3.h, 0.98",
        "'#include <expat.h>', expat.h|expat_external.h, 0.98",
        "'#include <libxml/parser.h>\n#include <libxml/tree.h>\n#include <libxml/xpath.h>', /libxml/, 0.98",
        "'#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <time.h>', /usr/include/, 0.94",
    })
    void systemHeadersDeclareNearlyAllTheirPrototypesInOneCall(String includes, String files, double share)
            throws Exception {
        var text = preprocessed(includes + "\n");
        try (var engine = new Ffi()) {
            var header = engine.declareHeader(text);
            var names = files.split("\\|");
            Predicate<String> ours =
                    file -> file != null && java.util.Arrays.stream(names).anyMatch(file::contains);

            var actual = accepted(header, ours);
            assertTrue(
                    actual >= share,
                    includes + ": " + actual + " of the prototypes usable; skipped: " + header.skipped());
        }
    }
}
