package org.ffiscript.engine.type;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ffiscript.engine.type.CLexer.Token;

/**
 * The C names one engine knows: typedefs, struct and union tags, and object-literal descriptions given a name.
 * Turns C declarations into the same {@link NativeType}s object-literal descriptions make, so the two forms
 * mix: a declared struct can be a field of a described one and the other way round. Sizes follow LP64
 * (Linux and macOS on x86-64 and AArch64): {@code long} and pointers are 64 bits. Safe to use from many
 * threads; a declaration that fails leaves the names as they were.
 */
public final class CDeclarations {
    private static final CComposite FILE = new CComposite(false, "FILE");
    private static final Map<String, CType> BUILTIN = Map.ofEntries(
            Map.entry("int8_t", new CType.Basic(BasicType.I8)), Map.entry("uint8_t", new CType.Basic(BasicType.U8)),
            Map.entry("int16_t", new CType.Basic(BasicType.I16)), Map.entry("uint16_t", new CType.Basic(BasicType.U16)),
            Map.entry("int32_t", new CType.Basic(BasicType.I32)), Map.entry("uint32_t", new CType.Basic(BasicType.U32)),
            Map.entry("int64_t", new CType.Basic(BasicType.I64)), Map.entry("uint64_t", new CType.Basic(BasicType.U64)),
            Map.entry("intptr_t", new CType.Basic(BasicType.I64)), Map.entry("uintptr_t", new CType.Basic(BasicType.U64)),
            Map.entry("size_t", new CType.Basic(BasicType.U64)), Map.entry("ssize_t", new CType.Basic(BasicType.I64)),
            Map.entry("ptrdiff_t", new CType.Basic(BasicType.I64)), Map.entry("off_t", new CType.Basic(BasicType.I64)),
            Map.entry("time_t", new CType.Basic(BasicType.I64)), Map.entry("clock_t", new CType.Basic(BasicType.I64)),
            Map.entry("pid_t", new CType.Basic(BasicType.I32)), Map.entry("uid_t", new CType.Basic(BasicType.U32)),
            Map.entry("gid_t", new CType.Basic(BasicType.U32)), Map.entry("mode_t", new CType.Basic(BasicType.U32)),
            Map.entry("socklen_t", new CType.Basic(BasicType.U32)), Map.entry("char16_t", new CType.Basic(BasicType.U16)),
            Map.entry("char32_t", new CType.Basic(BasicType.U32)), Map.entry("wchar_t", new CType.WideChar()),
            Map.entry("FILE", new CType.Composite(FILE)));

    private final Upcalls upcalls;
    private Map<String, CType> typedefs = new HashMap<>();
    private Map<String, CComposite> structs = new HashMap<>();
    private Map<String, CComposite> unions = new HashMap<>();
    private final List<CComposite> definedNow = new ArrayList<>();
    private final List<CComposite> startedNow = new ArrayList<>();
    private final ConcurrentHashMap<String, NativeType> typeNames = new ConcurrentHashMap<>();

    /** A scope whose function-pointer types make their callbacks through {@code upcalls} (null: never called). */
    public CDeclarations(Upcalls upcalls) {
        this.upcalls = upcalls;
    }

    /** What makes callbacks for the function types of this scope. */
    public Upcalls upcalls() {
        return upcalls;
    }

    /**
     * Declares the structs, unions, enums and typedefs in {@code source}, for later declarations and
     * descriptions to use by name. Returns each name defined ({@code "Point"}, {@code "struct Point"}) with its
     * type; structs and unions as values, the way C's {@code struct Point} means them.
     *
     * @throws ValueMismatch naming the line and column of what is wrong
     */
    public synchronized Map<String, NativeType> declare(String source) {
        return transaction(() -> {
            var declared = new LinkedHashMap<String, NativeType>();
            for (var declaration : CParser.declarations(source, this)) {
                if (!declaration.typedef()) {
                    throw new ValueMismatch(CParser.position(declaration.at()) + "'" + declaration.name() + "' declares "
                            + (declaration.type() instanceof CType.Function ? "a function: give prototypes to define"
                            : "a variable: only types can be declared"));
                }
                if (unqualified(declaration.type()) instanceof CType.Composite composite && !composite.declaration().isComplete()) {
                    continue; // an opaque handle (typedef struct sqlite3 sqlite3;): usable through pointers only
                }
                declared.put(declaration.name(), described(declaration.type(), declaration.at()));
            }
            for (var composite : definedNow) {
                if (composite.name().endsWith(">")) {
                    continue; // anonymous: reachable through its typedef only
                }
                declared.put(composite.name(), composite.byValue());
            }
            return declared;
        });
    }

    /**
     * Names the type an object-literal description stands for, so that C declarations can use it:
     * {@code declare("Point", {x: I32, y: I32})} makes {@code Point} and {@code Point *} usable in prototypes.
     * A struct description names the struct itself, usable by value and through a pointer.
     */
    public synchronized NativeType declare(String name, Object description) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new ValueMismatch("expected a C identifier as the type's name, got " + ValueText.of(name));
        }
        var type = TypeDescriptions.parse(description, this);
        var named = type instanceof StructType struct
                ? new CType.Described(struct.withByValue(true), struct.withByValue(false))
                : new CType.Described(type, type instanceof FunctionType ? type : new PointerToType(type, false));
        var existing = typedefs.get(name);
        if (existing != null || BUILTIN.containsKey(name)) {
            throw new ValueMismatch("'" + name + "' already names a type");
        }
        typedefs.put(name, named);
        typeNames.clear();
        return named.value();
    }

    /**
     * The one function {@code source} declares (after any types it declares first), with its types.
     *
     * @throws ValueMismatch naming the line and column of what is wrong
     */
    public synchronized CPrototype prototype(String source) {
        return transaction(() -> {
            CParser.Declared function = null;
            for (var declaration : CParser.declarations(source, this)) {
                if (declaration.typedef()) {
                    continue;
                }
                if (!(declaration.type() instanceof CType.Function)) {
                    throw new ValueMismatch(CParser.position(declaration.at()) + "'" + declaration.name()
                            + "' declares a variable, not a function");
                }
                if (function != null) {
                    throw new ValueMismatch(CParser.position(declaration.at()) + "expected one function prototype, got '"
                            + function.name() + "' and '" + declaration.name() + "'");
                }
                function = declaration;
            }
            if (function == null) {
                throw new ValueMismatch("expected a function prototype such as 'int atoi(const char *s)', got "
                        + ValueText.of(source));
            }
            var signature = (CType.Function) function.type();
            var params = new ArrayList<NativeType>();
            for (int i = 0; i < signature.params().size(); i++) {
                params.add(parameter(signature.params().get(i), function.at(), i, signature.paramNames().get(i)));
            }
            var result = result(signature.result(), function.at());
            return new CPrototype(function.name(), List.copyOf(params), result, signature.variadic());
        });
    }

    /**
     * The type a C type name stands for, such as {@code "int"}, {@code "const char *"}, {@code "struct Point"}
     * or a typedef's name. Used where a description gives a string instead of a DataType code.
     *
     * @throws ValueMismatch naming the line and column of what is wrong
     */
    public NativeType type(String text) {
        var known = typeNames.get(text);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            var type = described(CParser.typeName(text, this), null);
            typeNames.put(text, type);
            return type;
        }
    }

    /** A variadic argument's type after C's default promotions: float to double, small integers to int. */
    public static NativeType promoted(NativeType type) {
        return switch (type) {
            case BasicType.FLOAT -> BasicType.DOUBLE;
            case BasicType.I8, BasicType.U8, BasicType.CHAR, BasicType.I16, BasicType.U16, BasicType.BOOLEAN -> BasicType.I32;
            default -> type;
        };
    }

    private interface Work<T> {
        T run();
    }

    private <T> T transaction(Work<T> work) {
        var savedTypedefs = new HashMap<>(typedefs);
        var savedStructs = new HashMap<>(structs);
        var savedUnions = new HashMap<>(unions);
        definedNow.clear();
        startedNow.clear();
        try {
            var result = work.run();
            typeNames.clear(); // a struct only forward-declared before may be complete now
            return result;
        } catch (RuntimeException e) {
            typedefs = savedTypedefs;
            structs = savedStructs;
            unions = savedUnions;
            // a struct declared before (typedef struct S S;) whose body failed here is still only declared
            for (var composite : startedNow) {
                if (composite.isDefining()) {
                    composite.abandonDefinition();
                }
            }
            throw e;
        } finally {
            definedNow.clear();
            startedNow.clear();
        }
    }

    // ---- for the parser ----

    boolean isTypeName(String word) {
        return typedefs.containsKey(word) || BUILTIN.containsKey(word);
    }

    CType typeNamed(String word) {
        var type = typedefs.get(word);
        return type != null ? type : BUILTIN.get(word);
    }

    /** The struct or union with this tag, declared now if it is new (a forward declaration). */
    CComposite composite(boolean union, String tag, Token at) {
        var other = (union ? structs : unions).get(tag);
        if (other != null) {
            throw new ValueMismatch(CParser.position(at) + "'" + tag + "' is " + other.name() + ", not a "
                    + (union ? "union" : "struct"));
        }
        return (union ? unions : structs).computeIfAbsent(tag, name -> new CComposite(union, name));
    }

    /** The composite a body ({@code struct Point { ... }}) is about to define. */
    CComposite compositeToDefine(boolean union, String tag, Token at) {
        var composite = tag == null ? new CComposite(union, null) : composite(union, tag, at);
        if (composite.isDefining()) {
            throw new ValueMismatch(CParser.position(at) + composite.name() + " is defined inside its own definition");
        }
        if (!composite.isComplete()) {
            composite.startDefinition();
            startedNow.add(composite);
        }
        return composite;
    }

    void completeComposite(CComposite composite, List<String> names, List<CType> types, Token at) {
        if (composite.isComplete()) {
            if (!composite.sameMembers(names, types)) {
                throw new ValueMismatch(CParser.position(at) + composite.name() + " is already defined with other members");
            }
            return; // the same definition again, as when a script runs its declarations twice
        }
        var memberTypes = new ArrayList<NativeType>();
        for (int i = 0; i < names.size(); i++) {
            try {
                memberTypes.add(member(types.get(i)));
            } catch (ValueMismatch e) {
                throw new ValueMismatch(CParser.position(at) + composite.name() + ": member '" + names.get(i) + "': " + e.detail());
            }
        }
        composite.complete(names, types, memberTypes);
        definedNow.add(composite);
    }

    void defineTypedef(String name, CType type, Token at) {
        var existing = typeNamed(name);
        if (existing != null && !existing.equals(type)) {
            throw new ValueMismatch(CParser.position(at) + "'" + name + "' already names another type");
        }
        typedefs.put(name, type);
    }

    // ---- from C types to the type tree ----

    private NativeType described(CType type, Token at) {
        try {
            return type instanceof CType.Function function ? functionType(function) : value(type, false);
        } catch (ValueMismatch e) {
            throw at == null ? e : new ValueMismatch(CParser.position(at) + e.detail());
        }
    }

    private NativeType parameter(CType type, Token at, int index, String name) {
        try {
            return parameterType(type);
        } catch (ValueMismatch e) {
            throw new ValueMismatch(CParser.position(at) + "parameter " + (index + 1) + (name == null ? "" : " '" + name + "'")
                    + ": " + e.detail());
        }
    }

    private NativeType result(CType type, Token at) {
        try {
            return resultType(type);
        } catch (ValueMismatch e) {
            throw new ValueMismatch(CParser.position(at) + "return type: " + e.detail());
        }
    }

    /** A parameter's type, in a prototype or a function pointer alike. */
    private NativeType parameterType(CType type) {
        return switch (type) {
            // C passes arrays as pointers; an array of structs takes a list, as StructArray does.
            case CType.ArrayOf array when unqualified(array.element()) instanceof CType.Composite composite
                    && !composite.declaration().isUnion() -> new ArrayType("StructArray", value(composite, true), array.length(), false);
            case CType.ArrayOf array -> pointerTo(array.element());
            case CType.Function function -> functionType(function);
            case CType.Basic basic when basic.type() == BasicType.VOID -> throw new ValueMismatch("void is not a parameter type");
            default -> value(type, false);
        };
    }

    /** A return type, in a prototype or a function pointer alike. */
    private NativeType resultType(CType type) {
        return switch (type) {
            case CType.ArrayOf array -> throw new ValueMismatch("a function cannot return an array");
            case CType.Function function -> throw new ValueMismatch("a function cannot return a function; return a pointer to one");
            default -> value(type, false);
        };
    }

    private NativeType member(CType type) {
        return switch (type) {
            case CType.Basic basic when basic.type() == BasicType.VOID -> throw new ValueMismatch("void is not a member type");
            case CType.Function function -> throw new ValueMismatch("a member cannot be a function; use a pointer to one");
            default -> value(type, true);
        };
    }

    private NativeType value(CType type, boolean inMemory) {
        return switch (type) {
            case CType.Basic basic -> basic.type();
            case CType.Const constant -> value(constant.type(), inMemory);
            case CType.WideChar wide -> BasicType.I32;
            case CType.Described described -> described.value();
            case CType.PointerTo pointer -> pointerTo(pointer.target());
            case CType.Function function -> throw new ValueMismatch("a function type is only usable through a pointer");
            case CType.Composite composite -> {
                var declaration = composite.declaration();
                if (declaration.isDefining()) {
                    throw new ValueMismatch(declaration.name() + " cannot contain itself; use a pointer");
                }
                if (!declaration.isComplete()) {
                    throw new ValueMismatch(declaration.name() + " is incomplete (declared without members); use a pointer to it");
                }
                yield declaration.byValue();
            }
            case CType.ArrayOf array -> {
                var element = member(array.element());
                if (array.length() < 0) {
                    if (inMemory) {
                        throw new ValueMismatch("an array member needs a length");
                    }
                    yield new ArrayType(element.displayName() + "Array", element, -1, false);
                }
                yield new ArrayType(element.displayName() + "Array", element, array.length(), true);
            }
        };
    }

    /** {@code type} without its {@code const}. */
    private static CType unqualified(CType type) {
        return type instanceof CType.Const constant ? constant.type() : type;
    }

    /** A pointer to {@code qualified}; one to {@code const} data is one C only reads, so nothing is copied back. */
    private NativeType pointerTo(CType qualified) {
        boolean readOnly = qualified instanceof CType.Const;
        var target = unqualified(qualified);
        return switch (target) {
            case CType.Basic basic when basic.type() == BasicType.CHAR -> BasicType.C_STRING;
            case CType.Basic basic when basic.type() == BasicType.VOID -> BasicType.VOID_POINTER;
            case CType.WideChar wide -> BasicType.WSTRING;
            case CType.Function function -> functionType(function);
            case CType.Described described -> described.pointer();
            case CType.Composite composite -> {
                var declaration = composite.declaration();
                // A pointer to a struct whose members are unknown (FILE *) is an opaque handle.
                yield !declaration.isComplete() && !declaration.isDefining() ? BasicType.VOID_POINTER
                        : readOnly ? declaration.byReadOnlyPointer() : declaration.byPointer();
            }
            default -> new PointerToType(value(target, true), readOnly);
        };
    }

    private FunctionType functionType(CType.Function function) {
        if (function.variadic()) {
            throw new ValueMismatch("a function pointer cannot be variadic");
        }
        var params = new ArrayList<NativeType>();
        for (int i = 0; i < function.params().size(); i++) {
            try {
                params.add(parameterType(function.params().get(i)));
            } catch (ValueMismatch e) {
                throw new ValueMismatch("function pointer parameter " + (i + 1) + ": " + e.detail());
            }
        }
        var result = resultType(function.result());
        var type = new FunctionType(List.copyOf(params), result, false, false, upcalls);
        var unsupported = type.unsupported();
        if (unsupported != null) {
            throw new ValueMismatch("function pointer: " + unsupported);
        }
        return type;
    }
}
