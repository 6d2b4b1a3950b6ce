package org.ffiscript.engine.type;

import java.util.List;

/**
 * A type as a C declaration spells it, before it becomes a {@link NativeType}. The difference matters where
 * C's meaning depends on what is around a type: {@code char} is a number but {@code char *} is a string, a
 * function type is only usable through a pointer, an array parameter is a pointer.
 */
sealed interface CType {

    /** A scalar or void. */
    record Basic(BasicType type) implements CType {}

    /** {@code wchar_t}: a 32-bit number, and a wide string behind a pointer. */
    record WideChar() implements CType {}

    /** A struct or union, by its declaration (which may still be incomplete). */
    record Composite(CComposite declaration) implements CType {}

    /**
     * A type that came from an object-literal description, named with {@code declare(name, description)}:
     * what it is as a value, and what a pointer to it is.
     */
    record Described(NativeType value, NativeType pointer) implements CType {}

    /**
     * A type qualified {@code const}: {@code const char}, {@code const struct tm}. It matters only behind a pointer,
     * where it says C will not write ({@code const struct tm *} needs no copy back); elsewhere it reads as its type.
     */
    record Const(CType type) implements CType {}

    /** {@code target *}. */
    record PointerTo(CType target) implements CType {}

    /** {@code element[length]}; length -1 for {@code []}. */
    record ArrayOf(CType element, int length) implements CType {}

    /** A function type: what a prototype declares, and what a function pointer points at. */
    record Function(CType result, List<CType> params, List<String> paramNames, boolean variadic) implements CType {}

    /**
     * A type C has but scripts cannot use ({@code long double}, {@code __int128}, {@code va_list}): it parses, so
     * that a header declaring it reads on, and every declaration that uses it is refused with {@code reason}.
     */
    record Unsupported(String reason) implements CType {}
}
