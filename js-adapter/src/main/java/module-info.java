/**
 * ffi-script for GraalJS: the {@code ffi-rs} module and Node's built-ins for JavaScript, {@link
 * org.ffiscript.js.JsRuntime} for applications that run scripts themselves, and the {@code ffi-js} JSR-223 engine.
 *
 * <p>Only {@code org.ffiscript.js} is exported. The host objects of Node's built-ins ({@code org.ffiscript.js.node})
 * stay inside: scripts reach their {@code @HostAccess.Export} members because the context's host access looks them
 * up with this module's own lookup ({@code HostAccess.Builder.useModuleLookup}), not because the package is public.
 */
module org.ffiscript.js {
    requires transitive org.ffiscript.engine;
    requires transitive org.graalvm.polyglot;
    requires transitive java.scripting;
    requires java.management;
    requires jdk.management;

    exports org.ffiscript.js;

    provides javax.script.ScriptEngineFactory with
            org.ffiscript.js.FfiJsEngineFactory;
}
