package org.ffiscript.js.node;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * Text to and from Buffer bytes for large buffers, in Java: the npm package {@code buffer} converts byte by byte in
 * JavaScript, which the interpreter runs at a few MB per second before GraalJS compiles it (a 1 MiB buffer took 1.6
 * s to read as UTF-8 in a short script, 19 ms here); here it is a bulk operation. The results are Node's: its
 * replacement character for malformed UTF-8 and for lone surrogates written as UTF-8, UTF-16LE code unit by code
 * unit, and its {@code ascii} (the low 7 bits).
 */
public final class BufferText {
    private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The text of {@code length} bytes from {@code offset} of a buffer's memory (a host ByteBuffer) or a view. */
    @HostAccess.Export
    public String decode(Value memory, double offset, double length, String encoding) {
        var bytes = bytes(memory, (int) offset, (int) length);
        return switch (encoding) {
            case "utf8" -> new String(bytes, StandardCharsets.UTF_8);
            case "latin1" -> new String(bytes, StandardCharsets.ISO_8859_1);
            case "ascii" -> {
                var chars = new char[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    chars[i] = (char) (bytes[i] & 0x7f);
                }
                yield new String(chars);
            }
            case "utf16le" -> { // code unit by code unit: a lone surrogate stays as it is, as in Node
                var chars = new char[bytes.length / 2];
                for (int i = 0; i < chars.length; i++) {
                    chars[i] = (char) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] & 0xff) << 8);
                }
                yield new String(chars);
            }
            case "hex" -> {
                var chars = new char[bytes.length * 2];
                for (int i = 0; i < bytes.length; i++) {
                    chars[2 * i] = HEX[(bytes[i] >> 4) & 15];
                    chars[2 * i + 1] = HEX[bytes[i] & 15];
                }
                yield new String(chars);
            }
            case "base64" -> Base64.getEncoder().encodeToString(bytes);
            case "base64url" -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            default -> throw new IllegalArgumentException("Unknown encoding: " + encoding);
        };
    }

    /** A string's bytes in UTF-8 (lone surrogates as U+FFFD, as Node writes them), Latin-1 or UTF-16LE. */
    @HostAccess.Export
    public ByteBuffer encode(String text, String encoding) throws CharacterCodingException {
        return switch (encoding) {
            case "utf8" ->
                StandardCharsets.UTF_8
                        .newEncoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)
                        .replaceWith(REPLACEMENT)
                        .encode(CharBuffer.wrap(text));
            case "latin1" -> {
                var bytes = new byte[text.length()];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) text.charAt(i); // the low byte, as Node writes latin1
                }
                yield ByteBuffer.wrap(bytes);
            }
            case "utf16le" -> {
                var bytes = new byte[text.length() * 2];
                for (int i = 0; i < text.length(); i++) {
                    bytes[2 * i] = (byte) text.charAt(i);
                    bytes[2 * i + 1] = (byte) (text.charAt(i) >> 8);
                }
                yield ByteBuffer.wrap(bytes);
            }
            default -> throw new IllegalArgumentException("Unknown encoding: " + encoding);
        };
    }

    /** How many bytes an encoding gave. */
    @HostAccess.Export
    public int size(ByteBuffer bytes) {
        return bytes.remaining();
    }

    /** Copies {@code source}'s bytes into a buffer's native memory at {@code offset}; returns how many. */
    @HostAccess.Export
    public int copyInto(ByteBuffer source, ByteBuffer target, double offset) {
        int count = Math.min(source.remaining(), target.capacity() - (int) offset);
        target.put((int) offset, source, source.position(), count);
        return count;
    }

    private static byte[] bytes(Value memory, int offset, int length) {
        var bytes = new byte[length];
        if (memory.isHostObject() && memory.asHostObject() instanceof ByteBuffer buffer) {
            buffer.get(offset, bytes);
        } else {
            var view = memory;
            var backing = view.getMember("buffer");
            backing.readBuffer(view.getMember("byteOffset").asLong() + offset, bytes, 0, length);
        }
        return bytes;
    }
}
