package org.ffiscript.engine.type;

import java.util.List;
import java.util.Map;

/**
 * What a whole header declared, and what it skipped and why. Every name here stays declared in the engine that
 * read the header: types and constants for later declarations and descriptions, functions for {@code define},
 * globals for {@code global}.
 *
 * @param types     each struct, union and typedef name with its type ({@code "z_stream"}, {@code "struct tm"})
 * @param constants each enum constant with its value
 * @param functions each function by its C name; a prototype's {@code name} is the symbol to look up (an
 *                  {@code __asm__} label where the header gives one)
 * @param globals   each global variable ({@code extern int errno_like;}) with its type
 * @param skipped   each declaration that cannot be used, in the header's order
 * @param files     for each function and global, the header that declared it, as the line markers of
 *                  preprocessed text name it (absent without markers): what a header included is told apart
 */
public record DeclaredHeader(
        Map<String, NativeType> types,
        Map<String, Long> constants,
        Map<String, CPrototype> functions,
        Map<String, NativeType> globals,
        List<Skipped> skipped,
        Map<String, String> files) {

    /**
     * A declaration that was not declared.
     *
     * @param file      the header it came from, as the preprocessor's line markers name it; null without markers
     * @param line      the line where the declaration starts
     * @param construct what it declares, as far as it was read: {@code "function 'vprintf'"}, {@code "struct S"}
     * @param reason    why, with the line and column of the problem
     */
    public record Skipped(String file, int line, String construct, String reason) {
        @Override
        public String toString() {
            return (file == null ? "" : file + ", ") + "line " + line + ": " + construct + ": " + reason;
        }
    }
}
