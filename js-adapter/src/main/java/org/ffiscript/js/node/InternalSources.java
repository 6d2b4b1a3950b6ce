package org.ffiscript.js.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Source;

/**
 * The built-ins written here (resources {@code org/ffiscript/js/node/NAME.js}) as sources, one per JVM: contexts of
 * a shared engine then parse each once.
 */
final class InternalSources {
    private static final Map<String, Source> SOURCES = new ConcurrentHashMap<>();

    private InternalSources() {}

    static Source of(String name) {
        return SOURCES.computeIfAbsent(name, InternalSources::load);
    }

    private static Source load(String name) {
        var resource = "/org/ffiscript/js/node/" + name + ".js";
        try (var in = InternalSources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in module " + name);
            }
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            var wrapped = "(function (exports, require, module, __filename, __dirname, internals) {" + text + "\n})";
            return Source.newBuilder("js", wrapped, "node:" + name).cached(true).buildLiteral();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
