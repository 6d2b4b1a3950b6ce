package org.ffiscript.groovy;

import groovy.lang.Binding;
import groovy.lang.GroovyShell;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * How ffi-script compiles Groovy scripts: {@link FfiScript} as their base class, the API's types imported, their
 * constants ({@code DataType.I32}) compiled as numbers, and {@code load(...)} compiled to a load site where its
 * description is constant, and to a call on the script inside closures ({@link LoadCalls}).
 */
public final class GroovyScripts {
    private GroovyScripts() {}

    /** The compiler configuration of ffi-script's Groovy scripts. */
    public static CompilerConfiguration configuration() {
        var configuration = new CompilerConfiguration();
        configuration.setScriptBaseClass(FfiScript.class.getName());
        configuration.addCompilationCustomizers(
                new ImportCustomizer()
                        .addImports(
                                "org.ffiscript.engine.DataType",
                                "org.ffiscript.engine.PointerType",
                                "org.ffiscript.engine.FFITypeTag",
                                "org.ffiscript.engine.Pointer",
                                "org.ffiscript.engine.NativeBuffer",
                                "org.ffiscript.engine.FfiException",
                                "org.ffiscript.engine.ErrnoResult",
                                "org.ffiscript.groovy.FfiLibrary",
                                "org.ffiscript.groovy.GroovyFfi"),
                new ConstantInlining(),
                new LoadCalls());
        return configuration;
    }

    /** A shell running scripts with the API, over {@code binding}. */
    public static GroovyShell shell(Binding binding) {
        return new GroovyShell(GroovyScripts.class.getClassLoader(), binding, configuration());
    }
}
