package org.ffiscript.engine;

import java.util.List;

/**
 * A script function C can call: the value of a parameter whose type is a {@code funcConstructor} description.
 * The engine calls it on whatever thread C calls from, with the C arguments converted by the description's
 * {@code paramsType}; its result is converted by {@code retType} and returned to C. Adapters whose language
 * confines a function to one thread route the call there inside their implementation.
 */
@FunctionalInterface
public interface ScriptFunction {
    /** Runs the function with the converted arguments; returns the value for C (ignored for Void). */
    Object call(List<Object> args) throws Exception;
}
