package org.ffiscript.engine.type;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits C declaration text into tokens, each with its line and column for messages. Comments and
 * preprocessor lines are skipped, so declarations can be pasted from a header.
 */
final class CLexer {
    /** A word (identifier or keyword), a number, a punctuator, or the end of the text. */
    enum Kind { WORD, NUMBER, PUNCT, END }

    /** One token; {@code text} is empty at the end. */
    record Token(Kind kind, String text, int line, int column) {
        boolean is(String punctOrWord) {
            return kind != Kind.END && kind != Kind.NUMBER && text.equals(punctOrWord);
        }

        /** How messages show the token. */
        String shown() {
            return kind == Kind.END ? "the end of the declaration" : "'" + text + "'";
        }
    }

    private final String source;
    private int at;
    private int line = 1;
    private int lineStart;

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
                tokens.add(new Token(Kind.END, "", line, column));
                return tokens;
            }
            char c = source.charAt(at);
            int start = at;
            if (Character.isLetter(c) || c == '_') {
                while (at < source.length() && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '_')) {
                    at++;
                }
                tokens.add(new Token(Kind.WORD, source.substring(start, at), line, column));
            } else if (Character.isDigit(c)) {
                while (at < source.length() && Character.isLetterOrDigit(source.charAt(at))) {
                    at++;
                }
                tokens.add(new Token(Kind.NUMBER, source.substring(start, at), line, column));
            } else if (source.startsWith("...", at)) {
                at += 3;
                tokens.add(new Token(Kind.PUNCT, "...", line, column));
            } else if ("*()[]{},;=:-".indexOf(c) >= 0) {
                at++;
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line, column));
            } else {
                throw new ValueMismatch("line " + line + ", column " + column + ": unexpected character '" + c + "'");
            }
        }
    }

    private void skipSpaceAndComments() {
        while (at < source.length()) {
            char c = source.charAt(at);
            if (c == '\n') {
                newLine(at + 1);
            } else if (Character.isWhitespace(c)) {
                at++;
            } else if (source.startsWith("//", at) || (c == '#' && onlySpaceBefore())) {
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

    private void newLine(int next) {
        at = next;
        line++;
        lineStart = next;
    }

    private boolean onlySpaceBefore() {
        return source.substring(lineStart, at).isBlank();
    }
}
