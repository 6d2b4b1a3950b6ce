package org.ffiscript.engine.type;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits C declaration text into tokens, each with its file, line and column for messages. Comments and
 * preprocessor lines are skipped, so declarations can be pasted from a header; the line markers of preprocessed
 * text ({@code # 42 "zlib.h"}) set the file and line that follow, so positions name the header the user knows.
 * A character C declarations never use becomes a {@link Kind#BAD} token instead of an error: the parser reports it
 * only if it reaches it, so an error always names the first problem, and skipped text (an inline function's body)
 * may hold anything.
 */
final class CLexer {
    /** A word (identifier or keyword), a number or character constant, a string literal, a punctuator, a stray character, or the end. */
    enum Kind {
        WORD,
        NUMBER,
        STRING,
        PUNCT,
        BAD,
        END
    }

    /** One token; {@code text} is empty at the end; {@code file} is null outside line-marked text. */
    record Token(Kind kind, String text, String file, int line, int column) {
        boolean is(String punctOrWord) {
            return (kind == Kind.WORD || kind == Kind.PUNCT) && text.equals(punctOrWord);
        }

        /** How messages show the token. */
        String shown() {
            return kind == Kind.END ? "the end of the declaration" : "'" + text + "'";
        }

        /** Where the token is, as messages begin: {@code "zlib.h, line 5, column 3: "}. */
        String position() {
            return (file == null ? "" : file + ", ") + "line " + line + ", column " + column + ": ";
        }
    }

    // Longest first, so that "<<=" is not read as "<" "<=".
    private static final String[] PUNCTUATORS = {
        "...", "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=",
        "-=", "&=", "^=", "|=", "##"
    };
    private static final String SINGLE = "*()[]{},;=:-+/%<>&|^~!?.#";

    private final String source;
    private int at;
    private int line = 1;
    private int lineStart;
    private String file;

    private CLexer(String source) {
        this.source = source;
    }

    /** The tokens of {@code source}, ending with an END token. */
    static List<Token> tokens(String source) {
        return new CLexer(source).all();
    }

    private List<Token> all() {
        var tokens = new ArrayList<Token>();
        while (true) {
            skipSpaceAndComments();
            int column = at - lineStart + 1;
            if (at >= source.length()) {
                tokens.add(new Token(Kind.END, "", file, line, column));
                return tokens;
            }
            char c = source.charAt(at);
            int start = at;
            Kind kind;
            if (Character.isLetter(c) || c == '_') {
                while (at < source.length()
                        && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '_')) {
                    at++;
                }
                kind = Kind.WORD;
            } else if (Character.isDigit(c)) {
                while (at < source.length()
                        && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '.')) {
                    at++;
                }
                kind = Kind.NUMBER;
            } else if (c == '"' || c == '\'') {
                kind = quoted(c) ? (c == '"' ? Kind.STRING : Kind.NUMBER) : Kind.BAD;
            } else {
                kind = punctuator() ? Kind.PUNCT : Kind.BAD;
            }
            tokens.add(new Token(kind, source.substring(start, at), file, line, column));
        }
    }

    /** Reads a string or character literal; false when the line ends first. */
    private boolean quoted(char quote) {
        at++;
        while (at < source.length() && source.charAt(at) != quote && source.charAt(at) != '\n') {
            at += source.charAt(at) == '\\' && at + 1 < source.length() ? 2 : 1;
        }
        if (at < source.length() && source.charAt(at) == quote) {
            at++;
            return true;
        }
        return false;
    }

    private boolean punctuator() {
        for (var punctuator : PUNCTUATORS) {
            if (source.startsWith(punctuator, at)) {
                at += punctuator.length();
                return true;
            }
        }
        boolean known = SINGLE.indexOf(source.charAt(at)) >= 0;
        at++;
        return known;
    }

    private void skipSpaceAndComments() {
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == '\n') {
                newLine(at + 1);
            } else if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '#' && onlySpaceBefore()) {
                int end = source.indexOf('\n', at);
                end = end < 0 ? source.length() : end;
                var directive = source.substring(at + 1, end);
                at = end;
                lineMarker(directive);
            } else if (source.startsWith("//", at)) {
                while (at < source.length() && source.charAt(at) != '\n') {
                    at++;
                }
            } else if (source.startsWith("/*", at)) {
                int end = source.indexOf("*/", at + 2);
                int stop = end < 0 ? source.length() : end + 2;
                for (int i = at; i < stop; i++) {
                    if (source.charAt(i) == '\n') {
                        newLine(i + 1);
                    }
                }
                at = stop;
            } else {
                return;
            }
        }
    }

    /**
     * {@code # 42 "zlib.h" 2} (or {@code #line 42 "zlib.h"}): the next line is line 42 of zlib.h. Other directives
     * ({@code #define}, {@code #pragma}) are skipped.
     */
    private void lineMarker(String directive) {
        var text = directive.strip();
        if (text.startsWith("line")) {
            text = text.substring(4).strip();
        }
        int digits = 0;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits == 0 || digits > 9) {
            return;
        }
        var rest = text.substring(digits).strip();
        if (rest.startsWith("\"") && rest.indexOf('"', 1) > 0) {
            file = rest.substring(1, rest.indexOf('"', 1));
        }
        line = Integer.parseInt(text.substring(0, digits)) - 1; // the newline ending the marker moves to it
    }

    private void newLine(int next) {
        at = next;
        line++;
        lineStart = next;
    }

    private boolean onlySpaceBefore() {
        return source.substring(lineStart, at).isBlank();
    }
}
