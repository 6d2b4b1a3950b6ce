package org.ffiscript.engine.type;

/**
 * A script value with no native counterpart, as an adapter hands it over: a JavaScript Symbol, a detached
 * ArrayBuffer. Every type refuses it, and messages show it by {@code description} ("a detached ArrayBuffer").
 *
 * @param description what the value is, as a message shows it
 */
public record Unconvertible(String description) {
    @Override
    public String toString() {
        return description;
    }
}
