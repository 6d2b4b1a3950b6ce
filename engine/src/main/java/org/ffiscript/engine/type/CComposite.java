package org.ffiscript.engine.type;

import java.util.List;

/**
 * One declared struct or union. It has two faces in the type tree, both made up front so that members can
 * refer back to the composite before its body is complete: the value itself (passed, returned and embedded by
 * value) and a pointer to it.
 */
final class CComposite {
    private final boolean union;
    private final String tag;
    private final NativeType byValue;
    private final NativeType byPointer;
    private final NativeType byReadOnlyPointer;
    private List<String> memberNames;
    private List<CType> memberTypes;
    private boolean defining;

    CComposite(boolean union, String tag) {
        this.union = union;
        this.tag = tag;
        this.byValue = union ? new UnionType(true) : new StructType(true);
        this.byPointer = union ? new UnionType(false) : new StructType(false);
        // Unions are read back shallowly and never copied back, so their const pointer is their pointer.
        this.byReadOnlyPointer = union ? byPointer : StructType.readOnlyPointer();
    }

    /** {@code "struct Point"}, {@code "union Value"}, or {@code "struct <anonymous>"}. */
    String name() {
        return (union ? "union " : "struct ") + (tag == null ? "<anonymous>" : tag);
    }

    boolean isUnion() {
        return union;
    }

    boolean isComplete() {
        return memberNames != null;
    }

    /** True while the body is being read: a member may point at the composite itself. */
    boolean isDefining() {
        return defining;
    }

    void startDefinition() {
        defining = true;
    }

    /**
     * Forgets a definition begun in a declaration that failed, whether or not its body completed, so that a later
     * one can define the composite. Until then its faces are unused: an incomplete composite is an opaque pointer.
     */
    void abandonDefinition() {
        defining = false;
        memberNames = null;
        memberTypes = null;
    }

    /** Completes both faces once the members are known. */
    void complete(List<String> names, List<CType> cTypes, List<NativeType> types) {
        if (union) {
            ((UnionType) byValue).complete(names, types);
            ((UnionType) byPointer).complete(names, types);
        } else {
            ((StructType) byValue).complete(names, types);
            ((StructType) byPointer).complete(names, types);
            ((StructType) byReadOnlyPointer).complete(names, types);
        }
        memberNames = List.copyOf(names);
        memberTypes = List.copyOf(cTypes);
        defining = false;
    }

    /** True when {@code names} and {@code cTypes} declare the same members again (a repeated declaration). */
    boolean sameMembers(List<String> names, List<CType> cTypes) {
        return memberNames.equals(names) && memberTypes.equals(cTypes);
    }

    NativeType byValue() {
        return byValue;
    }

    NativeType byPointer() {
        return byPointer;
    }

    /** A pointer to the composite that C only reads ({@code const struct S *}): a map passed there is not copied back. */
    NativeType byReadOnlyPointer() {
        return byReadOnlyPointer;
    }
}
