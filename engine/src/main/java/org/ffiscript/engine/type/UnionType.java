package org.ffiscript.engine.type;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.ADDRESS_UNALIGNED;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.UnionLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A C union: members sharing the same memory. A value sets one member ({@code {i: 5}}); the rest of the union
 * is zero. Read back, a union gives every member's reading of the same bytes, since C does not record which
 * member is valid: members that point somewhere (strings, struct pointers) read as raw pointers and are
 * never followed, so reading a union cannot dereference an integer. For the same reason the engine frees
 * nothing a union points at. Handled by value (passed, returned, embedded) or through a pointer.
 */
public final class UnionType implements NativeType {
    /** One member. */
    public record Member(String name, NativeType type) {}

    private final boolean byValue;
    private List<Member> members;
    private UnionLayout unionLayout;
    private String memberNames;

    UnionType(boolean byValue) {
        this.byValue = byValue;
    }

    /** Lays the union out once its member types are known: the largest member, rounded up to the strictest alignment. */
    void complete(List<String> names, List<NativeType> types) {
        var laidOut = new ArrayList<Member>();
        var layouts = new ArrayList<MemoryLayout>();
        long size = 0;
        long alignment = 1;
        for (int i = 0; i < names.size(); i++) {
            var layout = types.get(i).layout();
            laidOut.add(new Member(names.get(i), types.get(i)));
            layouts.add(layout.withName(names.get(i)));
            size = Math.max(size, layout.byteSize());
            alignment = Math.max(alignment, layout.byteAlignment());
        }
        long padded = (size + alignment - 1) / alignment * alignment;
        if (padded > size) {
            layouts.add(MemoryLayout.paddingLayout(padded));
        }
        this.members = List.copyOf(laidOut);
        this.unionLayout = MemoryLayout.unionLayout(layouts.toArray(MemoryLayout[]::new));
        this.memberNames = String.join(", ", names);
    }

    /** The members in declaration order. */
    public List<Member> members() {
        return members;
    }

    /** The union's own layout, whether it is handled by value or by pointer. */
    public UnionLayout unionLayout() {
        return unionLayout;
    }

    /** True for a union passed, returned and embedded by value; false for one handled through a pointer. */
    boolean byValue() {
        return byValue;
    }

    @Override
    public String displayName() {
        return (byValue ? "union {" : "union* {") + memberNames + "}";
    }

    @Override
    public String expectation() {
        return "an object setting one of the members " + memberNames + (byValue ? "" : ", or null");
    }

    @Override
    public MemoryLayout layout() {
        return byValue ? unionLayout : ADDRESS;
    }

    @Override
    public boolean allocates() {
        return true;
    }

    @Override
    public Object toNative(Object value, NativeMemory memory) {
        if (value == null && !byValue) {
            return MemorySegment.NULL;
        }
        var union = memory.allocate(unionLayout);
        writeMember(union, value, memory);
        return union;
    }

    @Override
    public Object fromNative(Object carrier) {
        var address = (MemorySegment) carrier;
        if (byValue) {
            return readMembers(address);
        }
        return address.address() == 0 ? null : readMembers(address.reinterpret(unionLayout.byteSize()));
    }

    @Override
    public void write(MemorySegment at, Object value, NativeMemory memory) {
        if (byValue) {
            writeMember(at, value, memory);
        } else {
            at.set(ADDRESS_UNALIGNED, 0, (MemorySegment) toNative(value, memory));
        }
    }

    @Override
    public Object read(MemorySegment at) {
        return fromNative(byValue ? at : at.get(ADDRESS_UNALIGNED, 0));
    }

    @Override
    public Object readShallow(MemorySegment at) {
        return byValue ? readMembers(at) : NativeType.super.readShallow(at);
    }

    private void writeMember(MemorySegment union, Object value, NativeMemory memory) {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
            throw value instanceof Map<?, ?> map && map.size() > 1
                    ? new ValueMismatch("a union holds one member at a time, got " + map.keySet())
                    : ValueMismatch.of(this, value);
        }
        var entry = map.entrySet().iterator().next();
        var member = members.stream()
                .filter(m -> m.name().equals(entry.getKey()))
                .findFirst()
                .orElseThrow(() -> new ValueMismatch(
                        "unknown member " + ValueText.of(entry.getKey()) + "; the union's members are " + memberNames));
        union.asSlice(0, unionLayout.byteSize()).fill((byte) 0);
        try {
            member.type().write(union.asSlice(0, member.type().layout().byteSize()), entry.getValue(), memory);
        } catch (ValueMismatch e) {
            throw e.within("." + member.name());
        }
    }

    private Map<String, Object> readMembers(MemorySegment union) {
        var values = new LinkedHashMap<String, Object>();
        for (var member : members) {
            values.put(
                    member.name(),
                    member.type()
                            .readShallow(union.asSlice(0, member.type().layout().byteSize())));
        }
        return values;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
