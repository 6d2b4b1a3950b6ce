package org.ffiscript.engine;

/** ffi-rs's {@code FFITypeTag}: the tags that make a struct or an array inline (by value). */
public final class FFITypeTag {
    /** A struct passed, returned or embedded by value. */
    public static final int StackStruct = DataType.StackStruct;
    /** A fixed-size array stored inline in a struct. */
    public static final int StackArray = DataType.StackArray;

    private FFITypeTag() {}
}
