package org.ffiscript.engine.type;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.ffiscript.engine.type.CLexer.Kind;
import org.ffiscript.engine.type.CLexer.Token;
import org.junit.jupiter.api.Test;

/** C declaration text split into tokens that know where they are, as the parser's messages name them. */
class CLexerTest {

    private static List<String> texts(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    @Test
    void aLineMarkerNamesTheHeaderAndLineOfWhatFollows() {
        var tokens = CLexer.tokens("# 42 \"zlib.h\" 2\n  int x;");

        var first = tokens.get(0);
        assertEquals(
                List.of("int", "zlib.h", 42, 3), List.of(first.text(), first.file(), first.line(), first.column()));
        assertEquals("zlib.h, line 42, column 3: ", first.position());
    }

    @Test
    void commentsAndOtherDirectivesAreSkippedButCountTheirLines() {
        var tokens = CLexer.tokens("/* one\ntwo */ // three\n#define FOUR 4\nint five;");

        assertEquals(List.of("int", "five", ";", ""), texts(tokens));
        assertEquals(4, tokens.get(0).line());
        assertEquals("line 4, column 1: ", tokens.get(0).position());
    }

    @Test
    void theLongestPunctuatorIsTaken() {
        assertEquals(List.of("a", "<<=", "b", "...", "->", "<", "c", ""), texts(CLexer.tokens("a <<= b ...-><c")));
    }

    @Test
    void aCharacterCDeclarationsNeverUseIsABadTokenNotAnError() {
        var tokens = CLexer.tokens("int @;");

        assertEquals(
                List.of(Kind.WORD, Kind.BAD, Kind.PUNCT, Kind.END),
                tokens.stream().map(Token::kind).toList());
        assertEquals("the end of the declaration", tokens.get(3).shown());
    }

    @Test
    void stringsAndCharacterConstantsAreOneTokenEach() {
        var tokens = CLexer.tokens("\"a \\\"quoted\\\" name\" 'x' '\\n'");

        assertEquals(
                List.of(Kind.STRING, Kind.NUMBER, Kind.NUMBER, Kind.END),
                tokens.stream().map(Token::kind).toList());
        assertEquals("\"a \\\"quoted\\\" name\"", tokens.get(0).text());
    }
}
