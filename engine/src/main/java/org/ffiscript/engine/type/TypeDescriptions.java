package org.ffiscript.engine.type;

/** Turns the type descriptions scripts write (DataType codes, for now) into {@link NativeType}s. */
public final class TypeDescriptions {
    private TypeDescriptions() {
    }

    /**
     * The type a description stands for.
     *
     * @throws ValueMismatch when the description names no type
     */
    public static NativeType parse(Object description) {
        return switch (description) {
            case NativeType type -> type;
            case Integer code -> ofCode(code);
            case Number n when n.doubleValue() == n.intValue() -> ofCode(n.intValue());
            case null, default -> throw new ValueMismatch("expected a DataType code, got " + ValueText.of(description));
        };
    }

    private static NativeType ofCode(int code) {
        var type = BasicType.ofCode(code);
        if (type != null) {
            return type;
        }
        throw new ValueMismatch(switch (code) {
            case 3, 4, 5, 10, 13, 18, 19, 996, 997, 998, 999 ->
                "type code " + code + " (arrays, structs, functions) is not supported by this version of the engine";
            default -> "unknown type code " + code + " (see DataType for the valid codes)";
        });
    }
}
