package org.ffiscript.js;

import java.util.LinkedHashMap;
import org.ffiscript.engine.Ffi;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * What the prelude's Node.js globals need from their runtime: timers and immediates on the event loop, the
 * standard streams, the environment and arguments the access policy grants, and exit. Kept apart from
 * {@link FfiBridge}, which holds the ffi-rs operations. Scripts never see this object: the prelude keeps it in a
 * closure.
 */
public final class ScriptServices {
    private final JsRuntime runtime;
    private final Ffi ffi;

    ScriptServices(JsRuntime runtime, Ffi ffi) {
        this.runtime = runtime;
        this.ffi = ffi;
    }

    @HostAccess.Export
    public int setTimer(Value function, double delayMillis, boolean repeat, Value args) {
        return runtime.loop().setTimer(function, delayMillis, elements(args), repeat);
    }

    @HostAccess.Export
    public int setImmediate(Value function, Value args) {
        return runtime.loop().setImmediate(function, elements(args));
    }

    /** A timer's extra arguments, from the script's array. */
    private static Value[] elements(Value args) {
        var elements = new Value[(int) args.getArraySize()];
        for (int i = 0; i < elements.length; i++) {
            elements[i] = args.getArrayElement(i);
        }
        return elements;
    }

    @HostAccess.Export
    public void referenceTimer(int id, boolean keepsAlive) {
        runtime.loop().referenceTimer(id, keepsAlive);
    }

    @HostAccess.Export
    public void clearTimer(int id) {
        runtime.loop().clearTimer(id);
    }

    @HostAccess.Export
    public void print(String text, boolean toStandardError) {
        var out = toStandardError ? runtime.stderr() : runtime.stdout();
        out.println(text);
        out.flush();
    }

    @HostAccess.Export
    public Object environment() {
        return runtime.values().toJs(new LinkedHashMap<>(ffi.policy().environment()));
    }

    @HostAccess.Export
    public Object arguments() {
        return runtime.values().toJs(runtime.argv());
    }

    @HostAccess.Export
    public void exit(int code) {
        throw new ScriptExit(code);
    }
}
