/**
 * The GraalJS adapter: maps JavaScript values to the engine's plain Java values and back, provides the
 * {@code ffi-rs} module to scripts and registers the {@code ffi-js} JSR-223 engine.
 */
package org.ffiscript.js;
