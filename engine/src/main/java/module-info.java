/**
 * The language-neutral core of ffi-script: ffi-rs's calling contract for plain Java values, on java.lang.foreign.
 *
 * <p>{@code org.ffiscript.engine} is the Java API: {@link org.ffiscript.engine.Ffi}, the functions it defines, the
 * pointers, buffers, results and errors it hands out, and the access policy an embedder sets.
 * {@code org.ffiscript.engine.type} is the type tree those functions are described by, which {@code declare},
 * {@code declareHeader} and {@code NativeFunction.resultType} return, so it is exported too. How calls are planned
 * and made ({@code .call}), libraries opened ({@code .library}) and native memory owned ({@code .memory}) stays
 * inside the module: neither the adapters nor an embedder reaches it.
 *
 * <p>Code that calls native functions needs {@code --enable-native-access=org.ffiscript.engine} on the module path
 * ({@code ALL-UNNAMED} on the class path), or the JDK warns at the first downcall.
 */
module org.ffiscript.engine {
    exports org.ffiscript.engine;
    exports org.ffiscript.engine.type;
}
