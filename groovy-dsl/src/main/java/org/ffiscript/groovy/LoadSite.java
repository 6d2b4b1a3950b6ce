package org.ffiscript.groovy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ffiscript.engine.NativeFunction;

/**
 * One {@code load(...)} in a script whose description, all but its values, is written as constants:
 * {@code load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: [text])}.
 * {@link LoadCalls} compiles it as a call on a site kept by the script's class, which compiles the function the
 * first time and then only converts the values: what {@code load} does on each call, its checks and messages
 * included, without reading the description again. Descriptions naming types other than by their DataType
 * numbers stay ordinary {@code load} calls: a declared name can change meaning. Public because compiled scripts
 * call it.
 */
public final class LoadSite {
    private final Map<String, Object> description; // without paramsValue
    // for the API object last met (scripts of one class rarely share two), which it keeps reachable until another
    // replaces it
    private volatile Compiled compiled;

    private record Compiled(GroovyFfi api, NativeFunction function) {}

    public LoadSite(Map<String, Object> description) {
        this.description = Map.copyOf(description);
    }

    /** {@code load} with this site's description and {@code paramsValue}, for {@code script} (an {@link FfiScript}). */
    public Object call(Object script, Object paramsValue) {
        var api = ((FfiScript) script).getFfi();
        var known = compiled;
        if (known == null || known.api() != api) {
            known = new Compiled(api, api.loadable(withValues(paramsValue))); // load's checks, the values' included
            compiled = known;
        }
        if (!(paramsValue instanceof List<?> values)) {
            return api.load(withValues(paramsValue)); // load's message
        }
        return known.function().call((List<?>) GroovyValues.prepare(values));
    }

    private Map<String, Object> withValues(Object paramsValue) {
        var spec = new LinkedHashMap<String, Object>(description);
        spec.put("paramsValue", paramsValue);
        return spec;
    }
}
