package org.ffiscript.engine;

import java.util.List;
import java.util.Map;
import org.ffiscript.engine.type.DeclaredHeader;

/**
 * A header's functions made callable against one library by {@link Ffi#defineHeader}, with what could not be.
 *
 * @param functions each usable function by its C name
 * @param skipped   what the header declared but cannot be called or used: the declarations skipped, then the
 *                  functions the library does not export (the header's order within each)
 * @param declared  everything the header declared: types, constants, prototypes, globals
 */
public record DefinedHeader(
        Map<String, NativeFunction> functions, List<DeclaredHeader.Skipped> skipped, DeclaredHeader declared) {}
