package org.ffiscript.engine.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.type.CLexer.Kind;
import org.ffiscript.engine.type.CLexer.Token;

/**
 * Reads C declarations: function prototypes, struct, union and enum definitions, typedefs, pointers, fixed
 * arrays and function-pointer types; and bare type names ({@code const char *}). Types it meets by name come
 * from, and types it defines go to, a {@link CDeclarations} scope. Errors name the line and column, what was
 * expected and what was found.
 */
final class CParser {
    /** A declared name with its type, as it appears in a declaration; {@code typedef} for names of types. */
    record Declared(String name, CType type, Token at, boolean typedef) {
    }

    private static final Set<String> IGNORED_WORDS = Set.of("const", "volatile", "restrict", "__restrict",
            "__restrict__", "extern", "static", "inline", "__inline", "__inline__", "register", "__extension__", "_Noreturn");
    private static final Set<String> BASIC_WORDS = Set.of("void", "char", "short", "int", "long", "float", "double",
            "signed", "unsigned", "_Bool", "bool");

    private final List<Token> tokens;
    private final CDeclarations scope;
    private int next;
    private int nesting;

    private CParser(String source, CDeclarations scope) {
        this.tokens = CLexer.tokens(source);
        this.scope = scope;
    }

    /**
     * Reads every declaration in {@code source}, defining its types in {@code scope}; returns the functions
     * declared and, for typedefs, the names they define, in order.
     */
    static List<Declared> declarations(String source, CDeclarations scope) {
        return new CParser(source, scope).all();
    }

    /** Reads {@code source} as one type name, such as {@code unsigned long} or {@code struct Point *}. */
    static CType typeName(String source, CDeclarations scope) {
        var parser = new CParser(source, scope);
        var base = parser.specifiers();
        var declarator = parser.declarator(false);
        if (declarator.name() != null) {
            throw parser.error(declarator.nameToken(), "a type name, without a declared name", declarator.nameToken());
        }
        parser.expectEnd();
        return parser.applied(declarator, base);
    }

    private List<Declared> all() {
        var declared = new ArrayList<Declared>();
        while (peek().kind() != Kind.END) {
            if (accept(";")) {
                continue;
            }
            boolean isTypedef = accept("typedef");
            var base = specifiers();
            if (!isTypedef && endOfDeclaration()) {
                continue; // struct Point { ... };  or  struct Node;
            }
            do {
                var declarator = declarator(true);
                var type = applied(declarator, base);
                if (declarator.name() == null) {
                    throw error(declarator.nameToken(), isTypedef ? "the name the typedef defines" : "a declared name",
                            declarator.nameToken());
                }
                if (isTypedef) {
                    scope.defineTypedef(declarator.name(), type, declarator.nameToken());
                }
                declared.add(new Declared(declarator.name(), type, declarator.nameToken(), isTypedef));
            } while (accept(","));
            if (!endOfDeclaration()) {
                throw error(peek(), "';' or ',' after the declaration", peek());
            }
        }
        return declared;
    }

    // A declaration ends with ';'; the last one may omit it (prototypes are often written without).
    private boolean endOfDeclaration() {
        return accept(";") || peek().kind() == Kind.END;
    }

    private record Declarator(String name, Token nameToken, UnaryOperator<CType> apply) {
    }

    /** The type specifiers and qualifiers before a declarator: {@code const unsigned long}, {@code struct Point}. */
    private CType specifiers() {
        var first = peek();
        var words = new ArrayList<String>();
        CType named = null;
        boolean constant = false;
        while (true) {
            var token = peek();
            if (token.kind() != Kind.WORD) {
                break;
            }
            var word = token.text();
            if (IGNORED_WORDS.contains(word)) {
                constant |= word.equals("const");
                next++;
            } else if (named == null && BASIC_WORDS.contains(word)) {
                words.add(word);
                next++;
            } else if (named == null && words.isEmpty() && (word.equals("struct") || word.equals("union"))) {
                next++;
                named = nested(() -> composite(word.equals("union"), token));
            } else if (named == null && words.isEmpty() && word.equals("enum")) {
                next++;
                named = enumeration();
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
            if (first.kind() == Kind.WORD && !IGNORED_WORDS.contains(first.text())) {
                throw new ValueMismatch(position(first) + "unknown type name '" + first.text() + "'" + dataTypeHint(first.text()));
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
        for (var word : words) {
            switch (word) {
                case "long" -> longs++;
                case "short" -> isShort = true;
                case "signed" -> signed = true;
                case "unsigned" -> unsigned = true;
                default -> { // void, char, int, float, double, bool: one of them at most, as C says
                    if (kind != null) {
                        throw new ValueMismatch(position(at) + "'" + kind + "' and '" + word + "' do not combine");
                    }
                    kind = word;
                }
            }
        }
        var spelled = String.join(" ", words);
        if ((signed && unsigned) || (isShort && longs > 0) || longs > 2) {
            throw new ValueMismatch(position(at) + "'" + spelled + "' is not a C type");
        }
        kind = kind == null ? "int" : kind;
        var type = switch (kind) {
            case "void" -> words.size() == 1 ? BasicType.VOID : null;
            case "_Bool", "bool" -> words.size() == 1 ? BasicType.BOOLEAN : null;
            case "float" -> words.size() == 1 ? BasicType.FLOAT : null;
            case "double" -> longs == 0 && words.size() == 1 ? BasicType.DOUBLE : null;
            case "char" -> longs > 0 || isShort ? null : unsigned ? BasicType.U8 : signed ? BasicType.I8 : BasicType.CHAR;
            default -> isShort ? (unsigned ? BasicType.U16 : BasicType.I16)
                    : longs > 0 ? (unsigned ? BasicType.U64 : BasicType.I64) // LP64: long is 64 bits
                    : unsigned ? BasicType.U32 : BasicType.I32;
        };
        if (type == null) {
            throw new ValueMismatch(position(at) + "'" + spelled + "' " + (kind.equals("double") && longs == 1 && words.size() == 2
                    ? "is not supported (long double has no Java counterpart)" : "is not a C type"));
        }
        return new CType.Basic(type);
    }

    private CType composite(boolean union, Token keyword) {
        String tag = null;
        if (peek().kind() == Kind.WORD) {
            tag = take().text();
        }
        if (!peek().is("{")) {
            if (tag == null) {
                throw error(peek(), "a tag name or '{' after '" + keyword.text() + "'", peek());
            }
            return new CType.Composite(scope.composite(union, tag, keyword));
        }
        var opening = take();
        var declaration = scope.compositeToDefine(union, tag, opening);
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
                    throw error(declarator.nameToken(), "a member name (unnamed members are not supported)", declarator.nameToken());
                }
                if (peek().is(":")) {
                    throw new ValueMismatch(position(peek()) + "bit-fields are not supported ('" + declarator.name() + "')");
                }
                if (names.contains(declarator.name())) {
                    throw new ValueMismatch(position(declarator.nameToken()) + "duplicate member '" + declarator.name() + "'");
                }
                names.add(declarator.name());
                types.add(applied(declarator, base));
            } while (accept(","));
            expect(";", "';' after the member");
        }
        if (names.isEmpty()) {
            throw new ValueMismatch(position(opening) + declaration.name() + " needs at least one member");
        }
        scope.completeComposite(declaration, names, types, opening);
        return new CType.Composite(declaration);
    }

    /** An enum is an int; its constants are read past (values are plain numbers to scripts). */
    private CType enumeration() {
        if (peek().kind() == Kind.WORD) {
            next++;
        }
        if (accept("{")) {
            while (!accept("}")) {
                if (peek().kind() != Kind.WORD) {
                    throw error(peek(), "an enumerator name", peek());
                }
                next++;
                if (accept("=")) {
                    accept("-");
                    if (peek().kind() != Kind.NUMBER && peek().kind() != Kind.WORD) {
                        throw error(peek(), "a number", peek());
                    }
                    next++;
                }
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
        while (accept("*")) {
            pointers++;
            while (peek().kind() == Kind.WORD && IGNORED_WORDS.contains(peek().text())) {
                next++;
            }
        }
        Declarator inner = null;
        String name = null;
        Token nameToken = peek();
        if (peek().is("(") && (peekAt(1).is("*") || peekAt(1).is("("))) {
            next++;
            inner = nested(() -> declarator(nameAllowed));
            expect(")", "')' closing the parenthesized declarator");
            name = inner.name();
            nameToken = inner.nameToken();
        } else if (peek().kind() == Kind.WORD && !BASIC_WORDS.contains(peek().text())) {
            // After the specifiers, a word is the declared name, even one that names a type (typedef struct S S;).
            nameToken = take();
            name = nameToken.text();
            if (!nameAllowed) {
                throw error(nameToken, "a type name, without a declared name", nameToken);
            }
        }
        var suffixes = new ArrayList<UnaryOperator<CType>>();
        while (true) {
            if (accept("[")) {
                int length = peek().is("]") ? -1 : arrayLength();
                expect("]", "']' closing the array length");
                suffixes.add(element -> new CType.ArrayOf(element, length));
            } else if (peek().is("(")) {
                suffixes.add(nested(this::parameters));
            } else {
                break;
            }
        }
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
     * Reads a part of a declaration that may contain another (a parenthesized declarator, a parameter list, a
     * struct body), refusing to nest beyond {@link Nesting#MAX_DEPTH}: the parser recurses once per level.
     */
    private <T> T nested(java.util.function.Supplier<T> part) {
        if (nesting == Nesting.MAX_DEPTH) {
            throw Nesting.tooDeep(position(peek()) + "the declaration", "parentheses, parameter lists and struct bodies together");
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
            throw Nesting.tooDeep(position(declarator.nameToken()) + "the type", "pointers, arrays and functions derived from one another");
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
                default -> {
                } // basic, composite (members were checked when it was defined), described (checked as a description)
            }
        }
        return deepest;
    }

    private int arrayLength() {
        var token = take();
        if (token.kind() != Kind.NUMBER) {
            throw error(token, "an array length (a whole number)", token);
        }
        var digits = token.text().toLowerCase().replaceAll("[ul]+$", "");
        try {
            long length = digits.startsWith("0x") ? Long.parseLong(digits.substring(2), 16)
                    : digits.length() > 1 && digits.startsWith("0") ? Long.parseLong(digits.substring(1), 8)
                    : Long.parseLong(digits);
            if (length < 1 || length > ArrayType.MAX_LENGTH) {
                throw new ValueMismatch(position(token) + "an array length must be from 1 to " + ArrayType.MAX_LENGTH
                        + ", got " + token.text());
            }
            return (int) length;
        } catch (NumberFormatException e) {
            throw error(token, "an array length (a whole number)", token);
        }
    }

    /** {@code (int a, const char *b, ...)}: makes the function type returning the type it is applied to. */
    private UnaryOperator<CType> parameters() {
        expect("(", "'('");
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
                        throw new ValueMismatch(position(tokens.get(next - 1)) + "'...' needs at least one parameter before it");
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
        boolean isVariadic = variadic;
        return result -> new CType.Function(result, List.copyOf(params), names, isVariadic);
    }

    private void expectEnd() {
        if (peek().kind() != Kind.END) {
            throw error(peek(), "the end of the type name", peek());
        }
    }

    private Token peek() {
        return tokens.get(next);
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
        return "line " + at.line() + ", column " + at.column() + ": ";
    }

    private static ValueMismatch error(Token at, String expected, Token got) {
        return new ValueMismatch(position(at) + "expected " + expected + ", got " + got.shown());
    }
}
