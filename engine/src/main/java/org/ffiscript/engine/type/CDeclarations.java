package org.ffiscript.engine.type;

import java.util.ArrayList;
import java.util.Collections;
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
    private static final CType VA_LIST = new CType.Unsupported(
            "va_list is not supported (call the function's " + "variadic form instead: printf for vprintf)");
    private static final CType INT128 =
            new CType.Unsupported("128-bit integers are not supported (they have no Java counterpart)");
    private static final Map<String, CType> BUILTIN = Map.ofEntries(
            Map.entry("int8_t", new CType.Basic(BasicType.I8)),
            Map.entry("uint8_t", new CType.Basic(BasicType.U8)),
            Map.entry("int16_t", new CType.Basic(BasicType.I16)),
            Map.entry("uint16_t", new CType.Basic(BasicType.U16)),
            Map.entry("int32_t", new CType.Basic(BasicType.I32)),
            Map.entry("uint32_t", new CType.Basic(BasicType.U32)),
            Map.entry("int64_t", new CType.Basic(BasicType.I64)),
            Map.entry("uint64_t", new CType.Basic(BasicType.U64)),
            Map.entry("intptr_t", new CType.Basic(BasicType.I64)),
            Map.entry("uintptr_t", new CType.Basic(BasicType.U64)),
            Map.entry("size_t", new CType.Basic(BasicType.U64)),
            Map.entry("ssize_t", new CType.Basic(BasicType.I64)),
            Map.entry("ptrdiff_t", new CType.Basic(BasicType.I64)),
            Map.entry("off_t", new CType.Basic(BasicType.I64)),
            Map.entry("time_t", new CType.Basic(BasicType.I64)),
            Map.entry("clock_t", new CType.Basic(BasicType.I64)),
            Map.entry("pid_t", new CType.Basic(BasicType.I32)),
            Map.entry("uid_t", new CType.Basic(BasicType.U32)),
            Map.entry("gid_t", new CType.Basic(BasicType.U32)),
            Map.entry("mode_t", new CType.Basic(BasicType.U32)),
            Map.entry("socklen_t", new CType.Basic(BasicType.U32)),
            Map.entry("char16_t", new CType.Basic(BasicType.U16)),
            Map.entry("char32_t", new CType.Basic(BasicType.U32)),
            Map.entry("wchar_t", new CType.WideChar()),
            Map.entry("FILE", new CType.Composite(FILE)),
            Map.entry("__builtin_va_list", VA_LIST),
            Map.entry("va_list", VA_LIST),
            Map.entry("__int128_t", INT128),
            Map.entry("__uint128_t", INT128));

    private final Upcalls upcalls;
    private Map<String, CType> typedefs = new HashMap<>();
    private Map<String, CComposite> structs = new HashMap<>();
    private Map<String, CComposite> unions = new HashMap<>();
    private Map<String, Long> constants = new HashMap<>();
    private Map<String, Variable> globals = new HashMap<>();
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
                    throw new ValueMismatch(
                            CParser.position(declaration.at()) + "'" + declaration.name() + "' declares "
                                    + (declaration.type() instanceof CType.Function
                                            ? "a function: give prototypes to define"
                                            : "a variable: only types can be declared"));
                }
                typedef(declaration, declared);
            }
            definedComposites(declared);
            return declared;
        });
    }

    /**
     * Declares everything in {@code source}, a whole header (preprocessed: {@code gcc -E} output, whose line
     * markers name the header and line in reports): types, enum constants, function prototypes and global
     * variables. Each declaration stands alone: one that cannot be used is skipped and reported, leaving the
     * names as they were, and the rest are declared. With {@code strict}, the first such declaration fails the
     * whole header instead, which then declares nothing.
     *
     * @throws ValueMismatch with {@code strict}, naming the line and column of the first problem
     */
    public synchronized DeclaredHeader declareHeader(String source, boolean strict) {
        return strict ? transaction(() -> header(source, true)) : header(source, false);
    }

    private DeclaredHeader header(String source, boolean strict) {
        var parser = CParser.over(source, this);
        var opaque = new LinkedHashMap<String, CComposite>(); // typedef struct S S; before struct S { ... };
        var report = new DeclaredHeader(
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new LinkedHashMap<>(),
                new ArrayList<>(),
                new LinkedHashMap<>());
        while (true) {
            int mark = parser.mark();
            try {
                if (parser.atEnd()) {
                    break;
                }
                mark = parser.mark();
                var start = parser.tokenAt(mark);
                var one = new DeclaredHeader(
                        new LinkedHashMap<>(),
                        new LinkedHashMap<>(),
                        new LinkedHashMap<>(),
                        new LinkedHashMap<>(),
                        new ArrayList<>(),
                        new LinkedHashMap<>());
                var constantsBefore = Map.copyOf(constants);
                if (strict) {
                    declaration(parser, one, opaque, true);
                } else {
                    transaction(() -> declaration(parser, one, opaque, false));
                }
                constants.forEach((name, value) -> {
                    if (!constantsBefore.containsKey(name)) {
                        one.constants().put(name, value);
                    }
                });
                report.types().putAll(one.types());
                report.constants().putAll(one.constants());
                report.functions().putAll(one.functions());
                report.globals().putAll(one.globals());
                if (start.file() != null) {
                    one.functions().keySet().forEach(name -> report.files().put(name, start.file()));
                    one.globals().keySet().forEach(name -> report.files().put(name, start.file()));
                }
                for (var skipped : one.skipped()) {
                    report.skipped().add(skippedAt(start, skipped.construct(), skipped.reason()));
                }
            } catch (ValueMismatch e) {
                if (strict) {
                    throw e;
                }
                var start = parser.tokenAt(mark);
                report.skipped().add(skippedAt(start, parser.construct(mark), e.detail()));
                parser.skipDeclaration(mark);
            }
        }
        opaque.forEach((name, composite) -> {
            if (composite.isComplete()
                    && typeNamed(name) instanceof CType.Composite named
                    && named.declaration() == composite) {
                report.types().put(name, composite.byValue());
            }
        });
        return new DeclaredHeader(
                Collections.unmodifiableMap(report.types()),
                Collections.unmodifiableMap(report.constants()),
                Collections.unmodifiableMap(report.functions()),
                Collections.unmodifiableMap(report.globals()),
                List.copyOf(report.skipped()),
                Collections.unmodifiableMap(report.files()));
    }

    // The reason's position names the file only where it is another one than the declaration's (never, so far).
    private static DeclaredHeader.Skipped skippedAt(Token start, String construct, String reason) {
        var file = start.file() == null ? null : start.file() + ", ";
        return new DeclaredHeader.Skipped(
                start.file(),
                start.line(),
                construct,
                file != null && reason.startsWith(file) ? reason.substring(file.length()) : reason);
    }

    /**
     * Reads one declaration of a header into {@code into}. A typedef, function or variable that parses but cannot
     * be used (a va_list parameter) is reported as skipped, and a typedef stays declared, so that what uses it
     * is refused for the same reason rather than for an unknown name; with {@code strict} it fails instead.
     */
    private Void declaration(CParser parser, DeclaredHeader into, Map<String, CComposite> opaque, boolean strict) {
        for (var declaration : parser.nextDeclaration()) {
            try {
                if (declaration.typedef()) {
                    typedef(declaration, into.types());
                    if (unqualified(declaration.type()) instanceof CType.Composite composite
                            && !composite.declaration().isComplete()) {
                        opaque.put(declaration.name(), composite.declaration());
                    }
                } else if (declaration.type() instanceof CType.Function) {
                    if (declaration.isStatic()) {
                        throw new ValueMismatch(declaration.at().position() + "'" + declaration.name() + "' is static: "
                                + "the header defines it for itself, no library exports it");
                    }
                    var prototype = prototypeOf(declaration);
                    into.functions().put(declaration.name(), prototype);
                } else {
                    var type = global(declaration);
                    globals.put(declaration.name(), new Variable(declaration.symbol(), type));
                    into.globals().put(declaration.name(), type);
                }
            } catch (ValueMismatch e) {
                if (strict) {
                    throw e;
                }
                var kind = declaration.typedef()
                        ? "typedef"
                        : declaration.type() instanceof CType.Function ? "function" : "variable";
                into.skipped()
                        .add(new DeclaredHeader.Skipped(null, 0, kind + " '" + declaration.name() + "'", e.detail()));
            }
        }
        definedComposites(into.types());
        return null;
    }

    private void typedef(CParser.Declared declaration, Map<String, NativeType> declared) {
        if (unqualified(declaration.type()) instanceof CType.Composite composite
                && !composite.declaration().isComplete()) {
            return; // an opaque handle (typedef struct sqlite3 sqlite3;): usable through pointers only
        }
        declared.put(declaration.name(), described(declaration.type(), declaration.at()));
    }

    private void definedComposites(Map<String, NativeType> declared) {
        for (var composite : definedNow) {
            if (composite.name().endsWith(">")) {
                continue; // anonymous: reachable through its typedef only
            }
            declared.put(composite.name(), composite.byValue());
        }
    }

    /** A global variable's type, as a value in memory; functions and arrays without a length have no such value. */
    private NativeType global(CParser.Declared declaration) {
        try {
            return member(declaration.type());
        } catch (ValueMismatch e) {
            throw new ValueMismatch(declaration.at().position() + "global '" + declaration.name() + "': " + e.detail());
        }
    }

    /** A global variable declared by a header: the symbol to look up, and its type. */
    public record Variable(String symbol, NativeType type) {}

    /** The global variable {@code name} declared by a header; null when none was. */
    public synchronized Variable global(String name) {
        return globals.get(name);
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
                    throw new ValueMismatch(
                            CParser.position(declaration.at()) + "expected one function prototype, got '"
                                    + function.name() + "' and '" + declaration.name() + "'");
                }
                function = declaration;
            }
            if (function == null) {
                throw new ValueMismatch(
                        "expected a function prototype such as 'int atoi(const char *s)', got " + ValueText.of(source));
            }
            return prototypeOf(function);
        });
    }

    /** A declared function's prototype; its name is the symbol to look up. */
    private CPrototype prototypeOf(CParser.Declared function) {
        var signature = (CType.Function) function.type();
        var params = new ArrayList<NativeType>();
        for (int i = 0; i < signature.params().size(); i++) {
            params.add(parameter(
                    signature.params().get(i),
                    function.at(),
                    i,
                    signature.paramNames().get(i)));
        }
        var result = result(signature.result(), function.at());
        return new CPrototype(function.symbol(), List.copyOf(params), result, signature.variadic());
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
            case BasicType.I8, BasicType.U8, BasicType.CHAR, BasicType.I16, BasicType.U16, BasicType.BOOLEAN ->
                BasicType.I32;
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
        var savedConstants = new HashMap<>(constants);
        var savedGlobals = new HashMap<>(globals);
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
            constants = savedConstants;
            globals = savedGlobals;
            // a struct declared before (typedef struct S S;) whose body failed here is still only declared
            for (var composite : startedNow) {
                composite.abandonDefinition();
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
                throw new ValueMismatch(
                        CParser.position(at) + composite.name() + " is already defined with other members");
            }
            return; // the same definition again, as when a script runs its declarations twice
        }
        var memberTypes = new ArrayList<NativeType>();
        for (int i = 0; i < names.size(); i++) {
            try {
                memberTypes.add(member(types.get(i)));
            } catch (ValueMismatch e) {
                throw new ValueMismatch(
                        CParser.position(at) + composite.name() + ": member '" + names.get(i) + "': " + e.detail());
            }
        }
        composite.complete(names, types, memberTypes);
        definedNow.add(composite);
    }

    void defineTypedef(String name, CType type, Token at) {
        var existing = typeNamed(name);
        if (BUILTIN.containsKey(name) && sameKind(BUILTIN.get(name), type)) {
            return; // a header's own typedef of a standard name (typedef struct _IO_FILE FILE;): the standard meaning
            // stays
        }
        if (existing != null && !existing.equals(type)) {
            throw new ValueMismatch(CParser.position(at) + "'" + name + "' already names another type");
        }
        typedefs.put(name, type);
    }

    /** True when a header's {@code type} for a standard name means what the engine's own meaning does. */
    private boolean sameKind(CType builtin, CType type) {
        return switch (builtin) {
            case CType.Composite file -> type instanceof CType.Composite;
            case CType.WideChar wide ->
                type instanceof CType.Basic basic && (basic.type() == BasicType.I32 || basic.type() == BasicType.U32);
            case CType.Basic basic ->
                type instanceof CType.Basic other
                        && other.type().layout() != null
                        && basic.type().layout().byteSize()
                                == other.type().layout().byteSize();
            default -> builtin.equals(type);
        };
    }

    /** Defines an enum constant; the same constant again with the same value is fine (a header read twice). */
    void defineConstant(String name, long value, Token at) {
        var existing = constants.get(name);
        if (existing != null && existing != value) {
            throw new ValueMismatch(
                    at.position() + "'" + name + "' is already an enum constant, with the value " + existing);
        }
        constants.put(name, value);
    }

    /** An enum constant's value; null when there is none of that name. */
    Long constant(String name) {
        return constants.get(name);
    }

    /** {@code sizeof(type)} or {@code _Alignof(type)}, as constant expressions use them. */
    long sizeOf(CType type, boolean alignment, Token at) {
        try {
            var layout = member(type).layout();
            return alignment ? layout.byteAlignment() : layout.byteSize();
        } catch (ValueMismatch e) {
            throw new ValueMismatch(at.position() + "sizeof: " + e.detail());
        }
    }

    /** A cast in a constant expression: to an integer type (the value wraps to its size) or a pointer. */
    CConstantExpression.Value cast(CConstantExpression.Value value, CType type, Token at) {
        if (type instanceof CType.PointerTo) {
            return CConstantExpression.Value.of(value.value(), true, true);
        }
        var target = type instanceof CType.Basic basic
                ? basic.type()
                : type instanceof CType.WideChar ? BasicType.I32 : null;
        if (target == null || target == BasicType.VOID || target == BasicType.FLOAT || target == BasicType.DOUBLE) {
            throw new ValueMismatch(at.position() + "a constant expression can be cast to integer types only");
        }
        if (target == BasicType.BOOLEAN) {
            return CConstantExpression.Value.of(value.isTrue() ? 1 : 0, false, false);
        }
        int bits = (int) target.layout().byteSize() * 8;
        boolean unsigned =
                target == BasicType.U8 || target == BasicType.U16 || target == BasicType.U32 || target == BasicType.U64;
        long wrapped = bits == 64
                ? value.value()
                : unsigned ? value.value() & ((1L << bits) - 1) : value.value() << (64 - bits) >> (64 - bits);
        // char and short become int in the expression around the cast
        return CConstantExpression.Value.of(wrapped, unsigned && bits >= 32, bits == 64);
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
            throw new ValueMismatch(CParser.position(at) + "parameter " + (index + 1)
                    + (name == null ? "" : " '" + name + "'") + ": " + e.detail());
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
            case CType.ArrayOf array
            when unqualified(array.element()) instanceof CType.Composite composite
                    && !composite.declaration().isUnion() ->
                new ArrayType("StructArray", value(composite, true), array.length(), false);
            case CType.ArrayOf array -> pointerTo(array.element());
            case CType.Function function -> functionType(function);
            case CType.Basic basic
            when basic.type() == BasicType.VOID -> throw new ValueMismatch("void is not a parameter type");
            default -> value(type, false);
        };
    }

    /** A return type, in a prototype or a function pointer alike. */
    private NativeType resultType(CType type) {
        return switch (type) {
            case CType.ArrayOf array -> throw new ValueMismatch("a function cannot return an array");
            case CType.Function function ->
                throw new ValueMismatch("a function cannot return a function; return a pointer to one");
            default -> value(type, false);
        };
    }

    private NativeType member(CType type) {
        return switch (type) {
            case CType.Basic basic
            when basic.type() == BasicType.VOID -> throw new ValueMismatch("void is not a member type");
            case CType.Function function ->
                throw new ValueMismatch("a member cannot be a function; use a pointer to one");
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
            case CType.Unsupported unsupported -> throw new ValueMismatch(unsupported.reason());
            case CType.Composite composite -> {
                var declaration = composite.declaration();
                if (declaration.isDefining()) {
                    throw new ValueMismatch(declaration.name() + " cannot contain itself; use a pointer");
                }
                if (!declaration.isComplete()) {
                    throw new ValueMismatch(
                            declaration.name() + " is incomplete (declared without members); use a pointer to it");
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
                yield !declaration.isComplete() && !declaration.isDefining()
                        ? BasicType.VOID_POINTER
                        : readOnly ? declaration.byReadOnlyPointer() : declaration.byPointer();
            }
            default -> new PointerToType(value(target, true), readOnly);
        };
    }

    /**
     * The type of a function pointer. A variadic one (an error handler taking a format and {@code ...}) is an
     * opaque pointer: scripts cannot implement it, as upcalls have fixed parameters, but can pass on or store a
     * pointer C gave them, or NULL, which is how such handlers are mostly set.
     */
    private NativeType functionType(CType.Function function) {
        if (function.variadic()) {
            return BasicType.VOID_POINTER;
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
