package org.ffiscript.engine.type;

import java.util.List;

/**
 * A C function prototype, read into the type tree: {@code int snprintf(char *s, size_t n, const char *format, ...)}.
 *
 * @param name     the function's C name, the symbol to look up
 * @param params   the declared parameters' types
 * @param result   the return type ({@link BasicType#VOID} for void)
 * @param variadic true when the prototype ends with {@code ...}: more arguments follow, typed per call
 */
public record CPrototype(String name, List<NativeType> params, NativeType result, boolean variadic) {}
