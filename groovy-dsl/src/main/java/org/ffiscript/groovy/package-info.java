/**
 * The Groovy adapter: the ffi-rs API with named arguments and closures, a native-access DSL, and the
 * {@code ffi-groovy} JSR-223 engine.
 */
package org.ffiscript.groovy;
