package org.ffiscript.engine;

/**
 * The result of a call made with {@code errno: true}: the converted return value, the {@code errno} the C
 * function left, captured right after it returned, and the text {@code strerror} gives for it.
 */
public record ErrnoResult(Object value, int errnoCode, String errnoMessage) {}
