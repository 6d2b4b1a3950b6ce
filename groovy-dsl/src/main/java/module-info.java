/**
 * ffi-script for Groovy: the ffi-rs API with named arguments and closures, the {@code library { }} DSL, the script
 * base class and compiler configuration, and the {@code ffi-groovy} JSR-223 engine.
 *
 * <p>Groovy's own jars are automatic modules ({@code org.apache.groovy}, {@code org.apache.groovy.jsr223}). Scripts
 * are compiled into Groovy class loaders, that is into unnamed modules, and their bytecode calls the exported
 * {@code org.ffiscript.groovy} (the base class {@code FfiScript}, {@code LoadSite}, the DSL's builders) directly.
 * The global AST transformation ({@code StandardGroovySupport}) is found by Groovy through its
 * {@code META-INF/services} file, which a named module does not hide: it is not a package.
 *
 * <p>Groovy's types are part of this API ({@code FfiScript} is a {@code groovy.lang.Script}, the engine factory a
 * {@code GroovyScriptEngineFactory}), hence {@code requires transitive}, although Groovy has no module names of its
 * own yet (their automatic module names come from their manifests), which javac would otherwise warn about on
 * every build.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module org.ffiscript.groovy {
    requires transitive org.ffiscript.engine;
    requires transitive org.apache.groovy;
    requires transitive org.apache.groovy.jsr223;
    requires transitive java.scripting;

    exports org.ffiscript.groovy;

    provides javax.script.ScriptEngineFactory with
            org.ffiscript.groovy.FfiGroovyEngineFactory;
}
