package org.ffiscript.js;

import java.util.List;
import org.ffiscript.engine.ScriptFunction;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;

/**
 * A JavaScript function passed where C expects a function pointer. C may call it on any thread; the call is
 * run on the script thread (directly when C calls from there, through the event loop otherwise), because a
 * GraalJS context admits one thread at a time. Two wrappers of the same JS function are equal, so the engine
 * reuses one C pointer for a function passed again and again.
 */
final class JsFunction implements ScriptFunction {
    private final Value function;
    private final JsRuntime runtime;

    JsFunction(Value function, JsRuntime runtime) {
        this.function = function;
        this.runtime = runtime;
    }

    @Override
    public Object call(List<Object> args) throws Exception {
        if (runtime.loop().isScriptThread()) {
            return invoke(args);
        }
        return runtime.loop().callOnScriptThread(() -> invoke(args));
    }

    private Object invoke(List<Object> args) {
        var jsArgs = new Object[args.size()];
        for (int i = 0; i < jsArgs.length; i++) {
            jsArgs[i] = runtime.values().toJs(args.get(i));
        }
        try {
            var result = function.execute(jsArgs);
            return runtime.values().toJava(result, new JsValues.ByteCopies());
        } catch (PolyglotException e) {
            if (e.isHostException() && e.asHostException() instanceof ScriptExit exit) {
                // process.exit in a callback ends the script, whichever thread C called from: the event loop
                // stops with it too, in case the native call's caller catches what the callback threw
                runtime.loop().end(exit);
                throw exit;
            }
            throw new ScriptError(e);
        }
    }

    /** A JavaScript error thrown by a callback, read as the script wrote it ("TypeError: bad input"). */
    static final class ScriptError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScriptError(PolyglotException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsFunction f && f.function.equals(function);
    }

    @Override
    public int hashCode() {
        return function.hashCode();
    }
}
