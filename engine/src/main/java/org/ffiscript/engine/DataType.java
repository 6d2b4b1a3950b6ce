package org.ffiscript.engine;

/**
 * The type codes of ffi-rs's {@code DataType}, with the same numbers, so that descriptions ported from
 * ffi-rs keep working unchanged.
 */
public final class DataType {
    /** {@code const char*}, UTF-8. */
    public static final int String = 0;
    /** {@code int32_t}. */
    public static final int I32 = 1;
    /** {@code double}. */
    public static final int Double = 2;
    /** {@code int32_t*}. */
    public static final int I32Array = 3;
    /** {@code char**}. */
    public static final int StringArray = 4;
    /** {@code double*}. */
    public static final int DoubleArray = 5;
    /** C {@code bool}. */
    public static final int Boolean = 6;
    /** {@code void}, as a return type only. */
    public static final int Void = 7;
    /** {@code int64_t}, returned as a Long. */
    public static final int I64 = 8;
    /** {@code uint8_t}. */
    public static final int U8 = 9;
    /** {@code uint8_t*}, a buffer C may write into. */
    public static final int U8Array = 10;
    /** {@code void*}, an opaque pointer. */
    public static final int External = 11;
    /** {@code uint64_t}, returned as a Long, or a BigInteger at 2^63 and above. */
    public static final int U64 = 12;
    /** {@code float*}. */
    public static final int FloatArray = 13;
    /** {@code float}. */
    public static final int Float = 14;
    /** {@code wchar_t*}. */
    public static final int WString = 15;
    /** {@code int64_t}, returned as a BigInteger. */
    public static final int BigInt = 16;
    /** {@code int16_t}. */
    public static final int I16 = 17;
    /** An array of structs. */
    public static final int StructArray = 18;
    /** {@code int16_t*}. */
    public static final int I16Array = 19;
    /** {@code uint32_t}, returned as a Long. */
    public static final int U32 = 20;
    /** Tag: a fixed-size array stored inline in a struct. */
    public static final int StackArray = 996;
    /** Tag used internally by ffi-rs for array descriptors. */
    public static final int Array = 997;
    /** Tag used internally by ffi-rs for function descriptors. */
    public static final int Function = 998;
    /** Tag: a struct passed, returned or embedded by value. */
    public static final int StackStruct = 999;

    private DataType() {}
}
