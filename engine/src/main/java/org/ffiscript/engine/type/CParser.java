package org.ffiscript.engine.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.type.CLexer.Kind;
import org.ffiscript.engine.type.CLexer.Token;

/**
 * Reads C declarations: function prototypes, global variables, struct, union and enum definitions, typedefs,
 * pointers, fixed arrays and function-pointer types; and bare type names ({@code const char *}). Reads the GNU C of
 * preprocessed system headers too: attributes, {@code __asm__} symbol names, inline function bodies. Types it meets
 * by name come from, and types and enum constants it defines go to, a {@link CDeclarations} scope. Errors name the
 * line and column, what was expected and what was found.
 */
final class CParser {
    /**
     * A declared name with its type, as it appears in a declaration: a typedef's, a function's or a variable's.
     *
     * @param symbol   the name to look up in a library: the declared name, or the one an {@code __asm__} label gives
     * @param isStatic declared {@code static}: defined in the header itself, in no library
     */
    record Declared(String name, CType type, Token at, boolean typedef, String symbol, boolean isStatic) {}

    private static final Set<String> IGNORED_WORDS = Set.of(
            "const",
            "volatile",
            "restrict",
            "__restrict",
            "__restrict__",
            "__const",
            "__const__",
            "__volatile",
            "__volatile__",
            "register",
            "__extension__",
            "_Noreturn",
            "__thread",
            "_Thread_local",
            "auto");
    private static final Set<String> STORAGE_WORDS =
            Set.of("typedef", "extern", "static", "inline", "__inline", "__inline__");
    private static final Set<String> BASIC_WORDS = Set.of(
            "void",
            "char",
            "short",
            "int",
            "long",
            "float",
            "double",
            "signed",
            "unsigned",
            "_Bool",
            "bool",
            "__signed",
            "__signed__",
            "_Float32",
            "_Float64",
            "_Float32x",
            "_Float64x",
            "_Float128",
            "_Float16",
            "__float128",
            "__float80",
            "__ibm128",
            "__int128",
            "_Complex",
            "__complex__",
            "_Decimal32",
            "_Decimal64",
            "_Decimal128");
    private static final Set<String> ATTRIBUTE_WORDS = Set.of("__attribute__", "__attribute");
    private static final Set<String> ASM_WORDS = Set.of("__asm__", "__asm", "asm");
    // Attributes that change a type's size, alignment or calling convention: honouring them is not supported.
    private static final Set<String> LAYOUT_ATTRIBUTES = Set.of(
            "packed",
            "aligned",
            "vector_size",
            "mode",
            "transparent_union",
            "ms_struct",
            "gcc_struct",
            "scalar_storage_order");

    private final List<Token> tokens;
    private final CDeclarations scope;
    private int next;
    private int nesting;
    // About the top-level declaration being read: its storage class, its __asm__ label, and what names it, for reports.
    private boolean sawStatic;
    private boolean sawTypedef;
    private String asmLabel;
    private boolean topLevel;
    private int nameIndex = -1;
    private String topTag;

    private CParser(String source, CDeclarations scope) {
        this.tokens = CLexer.tokens(source);
        this.scope = scope;
    }

    /** A parser over {@code source}, read declaration by declaration with {@link #nextDeclaration}. */
    static CParser over(String source, CDeclarations scope) {
        return new CParser(source, scope);
    }

    /**
     * Reads every declaration in {@code source}, defining its types in {@code scope}; returns the typedefs,
     * functions and variables declared, in order.
     */
    static List<Declared> declarations(String source, CDeclarations scope) {
        var parser = new CParser(source, scope);
        var declared = new ArrayList<Declared>();
        while (!parser.atEnd()) {
            declared.addAll(parser.nextDeclaration());
        }
        return declared;
    }

    /** Reads {@code source} as one type name, such as {@code unsigned long} or {@code struct Point *}. */
    static CType typeName(String source, CDeclarations scope) {
        var parser = new CParser(source, scope);
        var type = parser.typeName();
        parser.expectEnd();
        return type;
    }

    private CType typeName() {
        var base = specifiers();
        var declarator = declarator(false);
        return applied(declarator, base);
    }

    /** True when no declaration is left. */
    boolean atEnd() {
        while (accept(";")) {
            // empty declarations
        }
        return peek().kind() == Kind.END;
    }

    /** Where the next declaration starts, for {@link #skipDeclaration} and {@link #construct}. */
    int mark() {
        return next;
    }

    /** The first token of the declaration at {@code mark}, for its position. */
    Token tokenAt(int mark) {
        return tokens.get(mark);
    }

    /**
     * Reads one top-level declaration, through its {@code ;} or an inline function's body; returns the typedefs,
     * functions and variables it declares (none for {@code struct Point { ... };}).
     */
    List<Declared> nextDeclaration() {
        var declared = new ArrayList<Declared>();
        sawStatic = false;
        sawTypedef = false;
        topLevel = true;
        nameIndex = -1;
        topTag = null;
        if (accept("_Static_assert") || accept("static_assert")) {
            skipBalanced();
            expect(";", "';' after the static assertion");
            return declared;
        }
        var base = specifiers();
        boolean isTypedef = sawTypedef, isStatic = sawStatic;
        if (!isTypedef && endOfDeclaration()) {
            return declared; // struct Point { ... };  or  struct Node;
        }
        do {
            asmLabel = null;
            var declarator = declarator(true);
            var type = applied(declarator, base);
            if (declarator.name() == null) {
                throw error(
                        declarator.nameToken(),
                        isTypedef ? "the name the typedef defines" : "a declared name",
                        declarator.nameToken());
            }
            if (isTypedef) {
                scope.defineTypedef(declarator.name(), type, declarator.nameToken());
            }
            declared.add(new Declared(
                    declarator.name(),
                    type,
                    declarator.nameToken(),
                    isTypedef,
                    asmLabel == null ? declarator.name() : asmLabel,
                    isStatic));
            if (declared.size() == 1 && type instanceof CType.Function && peek().is("{")) {
                skipBalanced(); // an inline function's body: its prototype is what a script can use
                return declared;
            }
        } while (accept(","));
        if (!endOfDeclaration()) {
            throw error(peek(), "';' or ',' after the declaration", peek());
        }
        return declared;
    }

    /**
     * Moves past the declaration that starts at {@code mark} and failed: to just after its {@code ;}, or after its
     * body if it is a function definition. Reads the tokens as brackets only, so nothing in them can fail again.
     */
    void skipDeclaration(int mark) {
        next = mark;
        int depth = 0;
        boolean body = false;
        while (tokens.get(next).kind() != Kind.END) { // not peek(): a stray character here is skipped, not reported
            var token = take();
            if (token.is("(") || token.is("[") || token.is("{")) {
                if (token.is("{") && depth == 0) {
                    body = next >= 2 && tokens.get(next - 2).is(")");
                }
                depth++;
            } else if (token.is(")") || token.is("]") || token.is("}")) {
                depth = Math.max(0, depth - 1);
                if (depth == 0 && token.is("}") && body) {
                    return;
                }
            } else if (depth == 0 && token.is(";")) {
                return;
            }
        }
    }

    /**
     * How a report names the declaration that starts at {@code mark}, as far as it was read:
     * {@code "function 'gzprintf'"}, {@code "typedef 'va_list'"}, {@code "variable 'stdin'"}, {@code "struct S"},
     * or its first words.
     */
    String construct(int mark) {
        if (nameIndex >= mark) {
            var name = tokens.get(nameIndex).text();
            return (sawTypedef ? "typedef" : tokens.get(nameIndex + 1).is("(") ? "function" : "variable") + " '" + name
                    + "'";
        }
        if (topTag != null) {
            return topTag;
        }
        var words = new ArrayList<String>();
        for (int i = mark; i < tokens.size() - 1 && words.size() < 6; i++) {
            words.add(tokens.get(i).text());
        }
        return "'" + String.join(" ", words) + "'";
    }

    // A declaration ends with ';'; the last one may omit it (prototypes are often written without).
    private boolean endOfDeclaration() {
        return accept(";") || peek().kind() == Kind.END;
    }

    private record Declarator(String name, Token nameToken, UnaryOperator<CType> apply) {}

    /**
     * The specifiers and qualifiers before a declarator: {@code const unsigned long}, {@code struct Point},
     * {@code extern}, attributes. Storage classes are noted for the declaration being read.
     */
    private CType specifiers() {
        var first = peek();
        var words = new ArrayList<String>();
        CType named = null;
        boolean constant = false;
        while (true) {
            skipAttributes();
            var token = peek();
            if (token.kind() != Kind.WORD) {
                break;
            }
            var word = token.text();
            if (IGNORED_WORDS.contains(word)) {
                constant |= word.equals("const");
                next++;
            } else if (STORAGE_WORDS.contains(word)) {
                next++;
                sawTypedef |= word.equals("typedef");
                sawStatic |= word.equals("static");
            } else if (named == null && BASIC_WORDS.contains(word)) {
                words.add(word);
                next++;
            } else if (named == null && words.isEmpty() && (word.equals("struct") || word.equals("union"))) {
                next++;
                named = nested(() -> composite(word.equals("union"), token));
            } else if (named == null && words.isEmpty() && word.equals("enum")) {
                next++;
                named = nested(this::enumeration);
            } else if (named == null && words.isEmpty() && scope.isTypeName(word)) {
                next++;
                named = scope.typeNamed(word);
            } else {
                break;
            }
        }
        if (named != null) {
            return constant ? new CType.Const(named) : named;
        }
        if (words.isEmpty()) {
            if (peek().kind() == Kind.WORD && !IGNORED_WORDS.contains(peek().text())) {
                throw new ValueMismatch(
                        peek().position() + "unknown type name '" + peek().text() + "'" + dataTypeHint(peek().text()));
            }
            throw error(peek(), "a type", peek());
        }
        var basic = basic(words, first);
        return constant ? new CType.Const(basic) : basic;
    }

    // Scripts ported from ffi-rs may write a DataType's name where a C type goes.
    private static String dataTypeHint(String word) {
        try {
            DataType.class.getField(word);
            return " (DataType names are not C types: use DataType." + word + " or the C type)";
        } catch (NoSuchFieldException e) {
            return "";
        }
    }

    private CType basic(List<String> words, Token at) {
        int longs = 0;
        boolean signed = false, unsigned = false, isShort = false;
        String kind = null;
        var spelled = String.join(" ", words);
        for (var word : words) {
            switch (word) {
                case "long" -> longs++;
                case "short" -> isShort = true;
                case "signed", "__signed", "__signed__" -> signed = true;
                case "unsigned" -> unsigned = true;
                case "_Float32" -> kind = combined(kind, "float", at);
                case "_Float64", "_Float32x" -> kind = combined(kind, "double", at);
                case "_Float64x",
                        "_Float128",
                        "_Float16",
                        "__float128",
                        "__float80",
                        "__ibm128",
                        "__int128",
                        "_Complex",
                        "__complex__",
                        "_Decimal32",
                        "_Decimal64",
                        "_Decimal128" -> {
                    return new CType.Unsupported("'" + spelled + "' is not supported (it has no Java counterpart)");
                }
                default ->
                    kind = combined(kind, word, at); // void, char, int, float, double, bool: one at most, as C says
            }
        }
        if ((signed && unsigned) || (isShort && longs > 0) || longs > 2) {
            throw new ValueMismatch(at.position() + "'" + spelled + "' is not a C type");
        }
        kind = kind == null ? "int" : kind;
        if (kind.equals("double") && longs == 1 && !isShort && !signed && !unsigned) {
            return new CType.Unsupported("'" + spelled + "' is not supported (long double has no Java counterpart)");
        }
        boolean alone = longs == 0 && !isShort && !signed && !unsigned;
        var type = switch (kind) {
            case "void" -> alone ? BasicType.VOID : null;
            case "_Bool", "bool" -> alone ? BasicType.BOOLEAN : null;
            case "float" -> alone ? BasicType.FLOAT : null;
            case "double" -> alone ? BasicType.DOUBLE : null;
            case "char" ->
                longs > 0 || isShort ? null : unsigned ? BasicType.U8 : signed ? BasicType.I8 : BasicType.CHAR;
            default ->
                isShort
                        ? (unsigned ? BasicType.U16 : BasicType.I16)
                        : longs > 0
                                ? (unsigned ? BasicType.U64 : BasicType.I64) // LP64: long is 64 bits
                                : unsigned ? BasicType.U32 : BasicType.I32;
        };
        if (type == null) {
            throw new ValueMismatch(at.position() + "'" + spelled + "' is not a C type");
        }
        return new CType.Basic(type);
    }

    private static String combined(String kind, String word, Token at) {
        if (kind != null) {
            throw new ValueMismatch(at.position() + "'" + kind + "' and '" + word + "' do not combine");
        }
        return word;
    }

    private CType composite(boolean union, Token keyword) {
        skipAttributes();
        String tag = null;
        if (peek().kind() == Kind.WORD && !ATTRIBUTE_WORDS.contains(peek().text())) {
            tag = take().text();
        }
        skipAttributes();
        if (!peek().is("{")) {
            if (tag == null) {
                throw error(peek(), "a tag name or '{' after '" + keyword.text() + "'", peek());
            }
            return new CType.Composite(scope.composite(union, tag, keyword));
        }
        var opening = take();
        var declaration = scope.compositeToDefine(union, tag, opening);
        if (topLevel && topTag == null) {
            topTag = declaration.name();
        }
        boolean wasTopLevel = topLevel;
        topLevel = false;
        var names = new ArrayList<String>();
        var types = new ArrayList<CType>();
        while (!accept("}")) {
            if (peek().kind() == Kind.END) {
                throw error(peek(), "a member or '}' closing " + declaration.name(), peek());
            }
            var base = specifiers();
            do {
                var declarator = declarator(true);
                if (declarator.name() == null) {
                    throw error(
                            declarator.nameToken(),
                            "a member name (unnamed members are not supported)",
                            declarator.nameToken());
                }
                if (peek().is(":")) {
                    throw new ValueMismatch(
                            peek().position() + "bit-fields are not supported ('" + declarator.name() + "')");
                }
                if (names.contains(declarator.name())) {
                    throw new ValueMismatch(
                            declarator.nameToken().position() + "duplicate member '" + declarator.name() + "'");
                }
                names.add(declarator.name());
                types.add(applied(declarator, base));
            } while (accept(","));
            expect(";", "';' after the member");
        }
        skipAttributes();
        topLevel = wasTopLevel;
        if (names.isEmpty()) {
            throw new ValueMismatch(opening.position() + declaration.name() + " needs at least one member");
        }
        scope.completeComposite(declaration, names, types, opening);
        return new CType.Composite(declaration);
    }

    /** An enum is an int; its constants are defined in the scope, for the constant expressions that follow. */
    private CType enumeration() {
        skipAttributes();
        if (peek().kind() == Kind.WORD) {
            next++;
        }
        skipAttributes();
        if (accept("{")) {
            long value = 0;
            while (!accept("}")) {
                if (peek().kind() != Kind.WORD) {
                    throw error(peek(), "an enumerator name", peek());
                }
                var name = take();
                skipAttributes();
                if (accept("=")) {
                    value = constantExpression().value();
                }
                scope.defineConstant(name.text(), value, name);
                value++;
                if (!accept(",") && !peek().is("}")) {
                    throw error(peek(), "',' or '}' after the enumerator", peek());
                }
            }
        }
        return new CType.Basic(BasicType.I32);
    }

    /**
     * A declarator, read inside out: pointers, then a name or a parenthesized declarator, then array and
     * parameter-list suffixes. The result applies those derivations to the base type in C's order.
     */
    private Declarator declarator(boolean nameAllowed) {
        int pointers = 0;
        skipAttributes();
        while (accept("*")) {
            pointers++;
            while (peek().kind() == Kind.WORD
                    && (IGNORED_WORDS.contains(peek().text()) || ATTRIBUTE_WORDS.contains(peek().text()))) {
                if (!skipAttributes()) {
                    next++;
                }
            }
        }
        Declarator inner = null;
        String name = null;
        Token nameToken = peek();
        if (peek().is("(")
                && (peekAt(1).is("*")
                        || peekAt(1).is("(")
                        || ATTRIBUTE_WORDS.contains(peekAt(1).text()))) {
            next++;
            inner = nested(() -> declarator(nameAllowed));
            expect(")", "')' closing the parenthesized declarator");
            name = inner.name();
            nameToken = inner.nameToken();
        } else if (peek().kind() == Kind.WORD
                && !BASIC_WORDS.contains(peek().text())
                && !ASM_WORDS.contains(peek().text())) {
            // After the specifiers, a word is the declared name, even one that names a type (typedef struct S S;).
            if (topLevel) {
                nameIndex = next;
            }
            nameToken = take();
            name = nameToken.text();
            if (!nameAllowed) {
                throw error(nameToken, "a type name, without a declared name", nameToken);
            }
        }
        var suffixes = new ArrayList<UnaryOperator<CType>>();
        while (true) {
            if (accept("[")) {
                while (peek().kind() == Kind.WORD && (IGNORED_WORDS.contains(peek().text()) || peek().is("static"))) {
                    next++; // int a[static restrict 10], in parameters
                }
                int length = peek().is("]") ? -1 : arrayLength();
                expect("]", "']' closing the array length");
                suffixes.add(element -> new CType.ArrayOf(element, length));
            } else if (peek().is("(")) {
                suffixes.add(nested(this::parameters));
            } else {
                break;
            }
        }
        skipAsmLabel();
        skipAttributes();
        int pointerCount = pointers;
        var outer = inner;
        UnaryOperator<CType> apply = base -> {
            var type = base;
            for (int i = 0; i < pointerCount; i++) {
                type = new CType.PointerTo(type);
            }
            for (int i = suffixes.size() - 1; i >= 0; i--) {
                type = suffixes.get(i).apply(type);
            }
            return outer == null ? type : outer.apply().apply(type);
        };
        return new Declarator(name, nameToken, apply);
    }

    /**
     * Skips GNU attributes ({@code __attribute__((nonnull(1), format(printf, 1, 2)))}), which change nothing a call
     * sees, and refuses those that change a layout ({@code packed}, {@code aligned}). True when it skipped any.
     */
    private boolean skipAttributes() {
        boolean any = false;
        while (ATTRIBUTE_WORDS.contains(peek().text()) && peek().kind() == Kind.WORD) {
            var keyword = take();
            any = true;
            expect("(", "'((' after " + keyword.text());
            expect("(", "'((' after " + keyword.text());
            int depth = 0;
            while (depth > 0 || !peek().is(")")) {
                var token = take();
                if (token.kind() == Kind.END) {
                    throw error(token, "'))' closing " + keyword.text(), token);
                }
                if (depth == 0 && token.kind() == Kind.WORD && LAYOUT_ATTRIBUTES.contains(bare(token.text()))) {
                    throw new ValueMismatch(token.position() + "__attribute__((" + bare(token.text())
                            + ")) changes the " + "memory layout, which is not supported");
                }
                depth += token.is("(") ? 1 : token.is(")") ? -1 : 0;
            }
            expect(")", "'))' closing " + keyword.text());
            expect(")", "'))' closing " + keyword.text());
        }
        return any;
    }

    // __packed__ and packed are the same attribute.
    private static String bare(String attribute) {
        return attribute.startsWith("__") && attribute.endsWith("__") && attribute.length() > 4
                ? attribute.substring(2, attribute.length() - 2)
                : attribute;
    }

    /** {@code __asm__("" "__isoc99_fscanf")} after a declarator: the symbol the linker knows the name by. */
    private void skipAsmLabel() {
        if (peek().kind() != Kind.WORD || !ASM_WORDS.contains(peek().text())) {
            return;
        }
        take();
        expect("(", "'(' after __asm__");
        var label = new StringBuilder();
        while (peek().kind() == Kind.STRING) {
            var text = take().text();
            label.append(text, 1, text.length() - 1);
        }
        expect(")", "the symbol name as a string and ')' after __asm__");
        asmLabel = label.toString();
    }

    /** Moves past a bracketed group ({@code (...)}, {@code {...}}) whose content does not matter, brackets balanced. */
    private void skipBalanced() {
        var opening = take();
        if (!opening.is("(") && !opening.is("{")) {
            throw error(opening, "'(' or '{'", opening);
        }
        int depth = 1;
        while (depth > 0) {
            var token = take();
            if (token.kind() == Kind.END) {
                throw error(
                        token,
                        "the bracket closing the one at line " + opening.line() + ", column " + opening.column(),
                        token);
            }
            depth += token.is("(") || token.is("{") || token.is("[")
                    ? 1
                    : token.is(")") || token.is("}") || token.is("]") ? -1 : 0;
        }
    }

    /**
     * Reads a part of a declaration that may contain another (a parenthesized declarator, a parameter list, a
     * struct body), refusing to nest beyond {@link Nesting#MAX_DEPTH}: the parser recurses once per level.
     */
    private <T> T nested(Supplier<T> part) {
        if (nesting == Nesting.MAX_DEPTH) {
            throw Nesting.tooDeep(
                    peek().position() + "the declaration", "parentheses, parameter lists and struct bodies together");
        }
        nesting++;
        try {
            return part.get();
        } finally {
            nesting--;
        }
    }

    /**
     * The type a declarator makes of {@code base}. Typedefs let a type grow a few derivations per declaration, so
     * the whole type's depth is checked here, where every type is made: converting it recurses once per level.
     */
    private CType applied(Declarator declarator, CType base) {
        var type = declarator.apply().apply(base);
        if (depth(type) > Nesting.MAX_DEPTH) {
            throw Nesting.tooDeep(
                    declarator.nameToken().position() + "the type",
                    "pointers, arrays and functions derived from one another");
        }
        return type;
    }

    /** How many pointer, array and function derivations lie on the longest path down {@code type}; without recursion. */
    private static int depth(CType type) {
        var types = new java.util.ArrayDeque<CType>();
        var depths = new java.util.ArrayDeque<Integer>();
        types.push(type);
        depths.push(0);
        int deepest = 0;
        while (!types.isEmpty()) {
            var next = types.pop();
            int depth = depths.pop();
            deepest = Math.max(deepest, depth);
            if (depth > Nesting.MAX_DEPTH) {
                break;
            }
            switch (next) {
                case CType.PointerTo pointer -> {
                    types.push(pointer.target());
                    depths.push(depth + 1);
                }
                case CType.ArrayOf array -> {
                    types.push(array.element());
                    depths.push(depth + 1);
                }
                case CType.Const constant -> {
                    types.push(constant.type());
                    depths.push(depth);
                }
                case CType.Function function -> {
                    types.push(function.result());
                    depths.push(depth + 1);
                    for (var param : function.params()) {
                        types.push(param);
                        depths.push(depth + 1);
                    }
                }
                default -> {} // basic, composite (members were checked when it was defined), described (checked as a
                // description)
            }
        }
        return deepest;
    }

    private int arrayLength() {
        var start = peek();
        long length = constantExpression().value();
        if (length < 1 || length > ArrayType.MAX_LENGTH) {
            throw new ValueMismatch(
                    start.position() + "an array length must be from 1 to " + ArrayType.MAX_LENGTH + ", got " + length);
        }
        return (int) length;
    }

    private CConstantExpression.Value constantExpression() {
        boolean wasTopLevel = topLevel;
        topLevel = false;
        try {
            return CConstantExpression.evaluate(new ExpressionReader());
        } finally {
            topLevel = wasTopLevel;
        }
    }

    /** What constant expressions read through: this parser's tokens, and types and constants of the scope. */
    private final class ExpressionReader implements CConstantExpression.Reader {
        @Override
        public Token peek() {
            return CParser.this.peek();
        }

        @Override
        public Token take() {
            return CParser.this.take();
        }

        @Override
        public boolean typeNameAhead() {
            var token = CParser.this.peek();
            if (token.kind() != Kind.WORD) {
                return false;
            }
            var word = token.text();
            return IGNORED_WORDS.contains(word)
                    || BASIC_WORDS.contains(word)
                    || word.equals("struct")
                    || word.equals("union")
                    || word.equals("enum")
                    || scope.isTypeName(word);
        }

        @Override
        public long sizeOfTypeName(boolean alignment) {
            var at = CParser.this.peek();
            var type = nested(CParser.this::typeName);
            return scope.sizeOf(type, alignment, at);
        }

        @Override
        public CConstantExpression.Value constant(Token name) {
            var value = scope.constant(name.text());
            if (value == null) {
                throw new ValueMismatch(name.position() + "'" + name.text() + "' is not a constant (enum constants and "
                        + "numbers are; macros are gone once a header is preprocessed)");
            }
            return CConstantExpression.Value.of(value, false, value != (int) (long) value);
        }

        @Override
        public CConstantExpression.Value castToTypeName(Supplier<CConstantExpression.Value> operand) {
            var at = CParser.this.peek();
            var type = nested(CParser.this::typeName);
            return scope.cast(operand.get(), type, at);
        }

        @Override
        public ValueMismatch error(Token at, String expected) {
            return CParser.error(at, expected, at);
        }
    }

    /** {@code (int a, const char *b, ...)}: makes the function type returning the type it is applied to. */
    private UnaryOperator<CType> parameters() {
        expect("(", "'('");
        boolean wasTopLevel = topLevel;
        topLevel = false;
        var params = new ArrayList<CType>();
        var names = new ArrayList<String>();
        boolean variadic = false;
        if (peek().is("void") && peekAt(1).is(")")) {
            next++;
        }
        if (!accept(")")) {
            while (true) {
                if (accept("...")) {
                    if (params.isEmpty()) {
                        throw new ValueMismatch(
                                tokens.get(next - 1).position() + "'...' needs at least one parameter before it");
                    }
                    variadic = true;
                    expect(")", "')' after '...'");
                    break;
                }
                var base = specifiers();
                var declarator = declarator(true);
                params.add(applied(declarator, base));
                names.add(declarator.name());
                if (accept(")")) {
                    break;
                }
                if (!accept(",")) {
                    throw error(peek(), "',' or ')' after parameter " + params.size(), peek());
                }
            }
        }
        topLevel = wasTopLevel;
        boolean isVariadic = variadic;
        return result -> new CType.Function(result, List.copyOf(params), names, isVariadic);
    }

    private void expectEnd() {
        if (peek().kind() != Kind.END) {
            throw error(peek(), "the end of the type name", peek());
        }
    }

    /** The next token; a character C declarations never use is an error once the parser reaches it. */
    private Token peek() {
        var token = tokens.get(next);
        if (token.kind() == Kind.BAD) {
            throw new ValueMismatch(token.position() + "unexpected character '" + token.text() + "'");
        }
        return token;
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token take() {
        var token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }

    private boolean accept(String text) {
        if (peek().is(text)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String text, String what) {
        if (!accept(text)) {
            throw error(peek(), what, peek());
        }
    }

    static String position(Token at) {
        return at.position();
    }

    private static ValueMismatch error(Token at, String expected, Token got) {
        return new ValueMismatch(at.position() + "expected " + expected + ", got " + got.shown());
    }
}
