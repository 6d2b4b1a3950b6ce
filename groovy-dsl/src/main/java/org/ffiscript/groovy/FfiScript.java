package org.ffiscript.groovy;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.DelegatesTo;
import groovy.lang.Script;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import javax.script.ScriptContext;
import org.ffiscript.engine.DefinedHeader;
import org.ffiscript.engine.NativeBuffer;
import org.ffiscript.engine.Pointer;
import org.ffiscript.engine.type.DeclaredHeader;
import org.ffiscript.engine.type.NativeType;

/**
 * The base class of ffi-script's Groovy scripts: the ffi-rs functions and the DSL are there without imports.
 * They act on the {@link GroovyFfi} in the binding variable {@code ffi}, made on first use when absent.
 */
public abstract class FfiScript extends Script {
    /** The binding variable holding the script's API object. */
    public static final String API_VARIABLE = "ffi";

    private volatile GroovyFfi api; // found once: every call of the script goes through it
    // the ScriptContext of the ffi-groovy eval that made this script (null elsewhere): its closures, run later or
    // on other threads, still read and write that context's streams
    private final ScriptContext engineContext = ScriptStreams.evaluating();

    /** A script with an empty binding, as Groovy makes it when the binding comes later. */
    protected FfiScript() {}

    /**
     * A script over {@code binding}: the constructor Groovy's generated script classes call, whichever way
     * {@code FfiScript} became their base class.
     */
    protected FfiScript(Binding binding) {
        super(binding);
    }

    /** The API object of this script's binding. */
    public GroovyFfi getFfi() {
        var known = api;
        if (known != null) {
            return known;
        }
        var binding = getBinding();
        synchronized (binding) {
            if (binding.hasVariable(API_VARIABLE) && binding.getVariable(API_VARIABLE) instanceof GroovyFfi found) {
                known = found;
            } else {
                known = new GroovyFfi();
                binding.setVariable(API_VARIABLE, known);
            }
        }
        api = known;
        return known;
    }

    /**
     * The script's standard input: {@code stdin.text}, {@code stdin.readLines()}, {@code stdin.readLine()},
     * {@code stdin.eachLine { ... }}. Under the {@code ffi-groovy} engine it is the reader of the
     * {@code ScriptContext} the script is evaluated with; elsewhere {@code System.in}.
     */
    public Reader getStdin() {
        return ScriptStreams.input(engineContext);
    }

    /**
     * The script's error output, {@code err.println 'failed'}: under the {@code ffi-groovy} engine the error writer
     * of the {@code ScriptContext} the script is evaluated with (as {@code out}, and so {@code println}, is its
     * writer); elsewhere {@code System.err}.
     */
    public PrintWriter getErr() {
        return ScriptStreams.errors(engineContext);
    }

    @Override
    public void setBinding(Binding binding) {
        super.setBinding(binding);
        api = null;
    }

    public void open(Map<String, ?> spec) {
        getFfi().open(spec);
    }

    public void close(String library) {
        getFfi().close(library);
    }

    public Object load(Map<String, ?> spec) {
        return getFfi().load(spec);
    }

    public FfiLibrary define(Map<String, ?> definitions) {
        return getFfi().define(definitions);
    }

    public Map<String, Object> arrayConstructor(Map<String, ?> options) {
        return getFfi().arrayConstructor(options);
    }

    public Map<String, Object> funcConstructor(Map<String, ?> options) {
        return getFfi().funcConstructor(options);
    }

    public List<Pointer> createPointer(Map<String, ?> spec) {
        return getFfi().createPointer(spec);
    }

    public List<Object> restorePointer(Map<String, ?> spec) {
        return getFfi().restorePointer(spec);
    }

    public List<Pointer> unwrapPointer(List<?> pointers) {
        return getFfi().unwrapPointer(pointers);
    }

    public List<Pointer> wrapPointer(List<?> pointers) {
        return getFfi().wrapPointer(pointers);
    }

    public void freePointer(Map<String, ?> spec) {
        getFfi().freePointer(spec);
    }

    public boolean isNullPointer(Object pointer) {
        return getFfi().isNullPointer(pointer);
    }

    public ByteBuffer createExternalBuffer(Object pointer, Object length) {
        return getFfi().createExternalBuffer(pointer, length);
    }

    public Object decode(Object pointer, Object type) {
        return getFfi().decode(pointer, type);
    }

    public Object decode(Object pointer, Object type, Object length) {
        return getFfi().decode(pointer, type, length);
    }

    public Object decode(Map<String, ?> spec) {
        return getFfi().decode(spec);
    }

    public void encode(Object pointer, Object type, Object value) {
        getFfi().encode(pointer, type, value);
    }

    public void encode(Map<String, ?> spec) {
        getFfi().encode(spec);
    }

    public NativeBuffer nativeBuffer(long size) {
        return getFfi().nativeBuffer(size);
    }

    public Map<String, NativeType> declare(String source) {
        return getFfi().declare(source);
    }

    public NativeType declare(String name, Object type) {
        return getFfi().declare(name, type);
    }

    public DeclaredHeader declareHeader(String text) {
        return getFfi().declareHeader(text);
    }

    public DeclaredHeader declareHeader(Map<String, ?> options, String text) {
        return getFfi().declareHeader(options, text);
    }

    public DefinedHeader defineHeader(Map<String, ?> options) {
        return getFfi().defineHeader(options);
    }

    public Pointer global(String library, String name) {
        return getFfi().global(library, name);
    }

    public String preprocess(String file) {
        return getFfi().preprocess(file);
    }

    public String preprocess(Map<String, ?> options, String file) {
        return getFfi().preprocess(options, file);
    }

    public FfiLibrary library(
            String name,
            @DelegatesTo(value = LibraryBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        return getFfi().library(name, body);
    }

    public FfiLibrary library(
            Map<String, ?> options,
            String name,
            @DelegatesTo(value = LibraryBuilder.class, strategy = Closure.DELEGATE_FIRST) Closure<?> body) {
        return getFfi().library(options, name, body);
    }

    public Map<String, Object> struct(Map<String, ?> fields) {
        return getFfi().struct(fields);
    }

    public Map<String, Object> struct(Map<String, ?> fields, String name) {
        return getFfi().struct(fields, name);
    }

    public Map<String, Object> stackStruct(Map<String, ?> fields) {
        return getFfi().stackStruct(fields);
    }

    public Map<String, Object> stackStruct(Map<String, ?> fields, String name) {
        return getFfi().stackStruct(fields, name);
    }

    public Map<String, Object> array(Object type, int length) {
        return getFfi().array(type, length);
    }

    public Map<String, Object> inlineArray(Object type, int length) {
        return getFfi().inlineArray(type, length);
    }

    public Map<String, Object> structArray(Map<String, ?> itemType, int length) {
        return getFfi().structArray(itemType, length);
    }

    public Map<String, Object> callback(Map<String, ?> signature) {
        return getFfi().callback(signature);
    }
}
