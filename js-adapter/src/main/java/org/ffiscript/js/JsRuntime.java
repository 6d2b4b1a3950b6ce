package org.ffiscript.js;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.ffiscript.engine.AccessPolicy;
import org.ffiscript.engine.Ffi;
import org.ffiscript.js.node.BundledPackages;
import org.ffiscript.js.node.ModuleHost;
import org.ffiscript.js.node.NodeHost;
import org.ffiscript.js.node.NodeResolver;
import org.ffiscript.js.node.ScriptFiles;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One JavaScript world with the ffi-rs API: a GraalJS context whose globals include {@code require},
 * {@code process}, {@code Buffer}, {@code console}, timers and the ffi-rs functions, its own {@link Ffi} engine,
 * and the event loop that runs timers, promises of {@code runInNewThread} calls and callbacks from native
 * threads. By default scripts cannot look up host classes; an embedder may change the context's options.
 */
public final class JsRuntime implements AutoCloseable {
    /**
     * One Source for every runtime of the JVM: contexts of one shared {@link Engine} then parse the prelude once and
     * share its compiled code, so a second runtime starts warm.
     */
    private static final Source PRELUDE = Source.newBuilder(
                    "js", resource("/org/ffiscript/js/prelude.js"), "ffi-script:prelude.js")
            .cached(true)
            .buildLiteral();
    /** The one method of a pointer a script may call: its text, the hex address, so that `${pointer}` reads it. */
    private static final java.lang.reflect.Method POINTER_TEXT = pointerText();
    // NativeFunction.call() to call(a, b, c, d): the prelude calls functions whose values and results need no
    // conversion on them directly, one host call instead of two
    private static final java.lang.reflect.Method[] CALLS = fixedArityCalls();
    // A failed import stays unhandled on purpose: the context then throws its error, with the module's stack.
    private static final String IMPORT_MODULE =
            "(specifier) => { const state = { settled: false, namespace: undefined };"
                    + " import(specifier).then((namespace) => { state.settled = true; state.namespace = namespace; }); return state; }";

    // Queues a promise reaction and returns the state it sets: called from Java at the outermost level, GraalJS runs
    // the reaction before the call returns, unless its promise jobs have stopped (see EventLoop.checkPromiseJobs).
    private static final Source PROMISE_JOBS_PROBE = Source.newBuilder(
                    "js",
                    "() => { const state = { ran: false };"
                            + " Promise.resolve().then(() => { state.ran = true; }); return state; }",
                    "ffi-script:promise-jobs-probe")
            .cached(true)
            .buildLiteral();

    private final Ffi ffi;
    private final EventLoop loop = new EventLoop();
    private final ExecutorService helpers = Executors.newCachedThreadPool(
            Thread.ofPlatform().daemon().name("ffi-js-call-", 1).factory());
    private final Context context;
    private final List<String> argv;
    private final PrintStream stdout;
    /** Where the script's standard input comes from: System.in, or what an embedder sets (a ScriptContext's reader). */
    private volatile java.time.Duration cpuTimeLimit;

    private volatile java.util.function.Supplier<java.io.Reader> input =
            () -> new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8);
    private final PrintStream stderr;
    private final JsValues values;
    private final Value api;
    private final ModuleFiles modules;

    private JsRuntime(
            AccessPolicy policy,
            Consumer<Context.Builder> customizer,
            Engine engine,
            List<String> argv,
            List<String> nodeOptions,
            PrintStream stdout,
            PrintStream stderr) {
        this.ffi = new Ffi(policy);
        this.argv = List.copyOf(argv);
        this.stdout = stdout;
        this.stderr = stderr;
        var files = new ScriptFiles(policy);
        var resolver = new NodeResolver(files, ModuleHost.resolverBuiltins());
        this.modules = new ModuleFiles(files, resolver);
        var builder = contextBuilder(modules, stdout, stderr);
        if (engine != null) {
            builder.engine(engine);
        } else {
            builder.option("engine.WarnInterpreterOnly", "false");
        }
        customizer.accept(builder);
        this.context = builder.build();
        try {
            context.enter();
            var bridge = new FfiBridge(this, ffi);
            this.values = new JsValues(this, context);
            var moduleHost = new ModuleHost(context, files, resolver, modules::addModuleFolder);
            var host = new NodeHost(context, files, stdout, stderr, nodeOptions, () -> input.get());
            var boot = context.eval(PRELUDE);
            var services = new ScriptServices(this, ffi);
            this.api = boot.getMember("install")
                    .execute(
                            bridge,
                            services,
                            moduleHost,
                            host,
                            values.toJs(java.util.Map.of(
                                    "exposeGc",
                                    nodeOptions.contains("--expose-gc"),
                                    "bundledRoot",
                                    BundledPackages.ROOT.getParent().toString(),
                                    "api",
                                    org.ffiscript.engine.ApiTable.json())));
            var facades = api.getMember("esmFacade");
            modules.useFacades(id -> facades.execute(id).asString());
            var probe = context.eval(PROMISE_JOBS_PROBE);
            loop.checkPromiseJobsWith(() -> probe.execute().getMember("ran").asBoolean());
        } finally {
            context.leave();
        }
    }

    /** A runtime with the default context: no host class lookup, host access only to the API's own bridge. */
    public static JsRuntime create(List<String> argv) {
        return create(builder -> {}, argv, System.out, System.err);
    }

    /** A runtime as {@code ./ffi-script} makes it: Node's command-line options (--expose-gc) in process.execArgv. */
    static JsRuntime create(List<String> argv, List<String> nodeOptions) {
        return new JsRuntime(AccessPolicy.allowAll(), builder -> {}, null, argv, nodeOptions, System.out, System.err);
    }

    /**
     * A runtime whose context the embedder adjusts: {@code customizer} receives the default builder and may
     * change any option (host access, IO, resource limits) before the context is built.
     */
    public static JsRuntime create(
            Consumer<Context.Builder> customizer, List<String> argv, PrintStream stdout, PrintStream stderr) {
        return create(AccessPolicy.allowAll(), customizer, argv, stdout, stderr);
    }

    /**
     * A runtime whose native access {@code policy} limits (which libraries and functions, the running program, the
     * pointer tools) and whose context the embedder adjusts. Scripts cannot reach the policy or the engine.
     */
    public static JsRuntime create(
            AccessPolicy policy,
            Consumer<Context.Builder> customizer,
            List<String> argv,
            PrintStream stdout,
            PrintStream stderr) {
        return new JsRuntime(policy, customizer, null, argv, List.of(), stdout, stderr);
    }

    /**
     * A runtime in {@code engine}, which it shares with other runtimes: what one has parsed and compiled (the prelude,
     * the ffi-rs API, modules and scripts they have in common) the others use, so each later runtime starts in
     * milliseconds and calls at the speed the first reached. Runtimes stay apart: each has its own globals, native
     * engine, libraries and event loop. Engine options ({@code engine.*}, {@code compiler.*}) belong to
     * {@code engine}; {@code customizer} may set context and language options only.
     */
    public static JsRuntime create(
            Engine engine,
            AccessPolicy policy,
            Consumer<Context.Builder> customizer,
            List<String> argv,
            PrintStream stdout,
            PrintStream stderr) {
        return new JsRuntime(policy, customizer, engine, argv, List.of(), stdout, stderr);
    }

    /** A polyglot engine for {@link #create(Engine, AccessPolicy, Consumer, List, PrintStream, PrintStream)}. */
    public static Engine newEngine() {
        return Engine.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    /**
     * What scripts reach of host objects: {@code @HostAccess.Export} members, buffers, arrays, and the fixed-arity
     * calls of native functions. On the module path the host objects of org.ffiscript.js.node are in a package this
     * module does not export, so Truffle looks their members up with this module's own lookup; on the class path it
     * needs none (and takes none from an unnamed module).
     */
    private static HostAccess hostAccess() {
        var access = HostAccess.newBuilder(HostAccess.EXPLICIT)
                .allowBufferAccess(true)
                .allowArrayAccess(true)
                .allowAccess(POINTER_TEXT)
                .allowAccess(CALLS[0])
                .allowAccess(CALLS[1])
                .allowAccess(CALLS[2])
                .allowAccess(CALLS[3])
                .allowAccess(CALLS[4]);
        if (JsRuntime.class.getModule().isNamed()) {
            access.useModuleLookup(MethodHandles.lookup());
        }
        return access.build();
    }

    private static Context.Builder contextBuilder(ModuleFiles modules, PrintStream stdout, PrintStream stderr) {
        return Context.newBuilder("js")
                .allowHostAccess(hostAccess())
                .allowHostClassLookup(className -> false)
                .allowIO(IOAccess.newBuilder().fileSystem(modules).build())
                .option("js.esm-eval-returns-exports", "true")
                // Bare specifiers reach the file system joined to the importing module's folder, where ModuleFiles
                // resolves them as Node does. The option is marked experimental; it is the only way GraalJS tells
                // the file system which module imports, so it is allowed for this context.
                .allowExperimentalOptions(true)
                .option("js.esm-bare-specifier-relative-lookup", "true")
                .option("js.unhandled-rejections", "throw")
                .out(stdout)
                .err(stderr);
    }

    /** Runs a script or module file (.mjs as an ES module), then its event loop until nothing is pending. */
    public Value runFile(Path file) throws Exception {
        return runFile(file, Files.readString(file));
    }

    /**
     * Runs {@code text} as the content of {@code file}: an ES module for .mjs, otherwise a CommonJS module whose
     * relative requires resolve from the file's folder. Then runs the event loop until nothing is pending.
     */
    public Value runFile(Path file, String text) throws Exception {
        var path = file.toAbsolutePath().normalize();
        if (modules.isModule(path)) {
            modules.addModuleFolder(path.getParent());
            // Imported rather than evaluated, so that a module whose top-level await never settles is noticed.
            var state = run(
                    () -> context.eval("js", IMPORT_MODULE).execute(path.toUri().toString()));
            if (!state.getMember("settled").asBoolean()) {
                throw new UnsettledTopLevelAwait(path);
            }
            return state.getMember("namespace");
        }
        return run(() -> api.getMember("runMain").execute(path.toString(), text));
    }

    /**
     * Ends the script as Node does when nothing is left to run: emits process 'exit' and gives the exit code, which
     * is {@code process.exitCode} (0 if unset).
     */
    public int finish() {
        context.enter();
        try {
            return api.getMember("emitExit").execute().asInt();
        } finally {
            context.leave();
        }
    }

    /** A module ended with its top-level await still pending and nothing left that could settle it. */
    public static final class UnsettledTopLevelAwait extends Exception {
        private static final long serialVersionUID = 1L;

        UnsettledTopLevelAwait(Path module) {
            super("Warning: Detected unsettled top-level await in " + module + ": the event loop ran out of timers, "
                    + "calls and callbacks before it settled");
        }
    }

    /** Evaluates script text, then runs the event loop until nothing is pending; returns the script's value. */
    public Value eval(String script, String name) throws Exception {
        var source = Source.newBuilder("js", script, name).buildLiteral();
        return run(() -> context.eval(source));
    }

    /** Evaluates a parsed source, then runs the event loop until nothing is pending. */
    public Value eval(Source source) throws Exception {
        return run(() -> context.eval(source));
    }

    /** Calls a global function with Java arguments, then runs the event loop; returns its result. */
    public Value invokeFunction(String name, Object... args) throws Exception {
        return run(() -> {
            var function = context.getBindings("js").getMember(name);
            if (function == null || !function.canExecute()) {
                throw new NoSuchMethodException("no function '" + name + "' in the script");
            }
            return function.execute(args);
        });
    }

    private Value run(java.util.concurrent.Callable<Value> body) throws Exception {
        return loop.asScriptThread(() -> {
            loop.clearEnding();
            var watch = CpuTimeLimit.watch(cpuTimeLimit, context);
            context.enter();
            try {
                var result = body.call();
                loop.run();
                return result;
            } catch (org.graalvm.polyglot.PolyglotException e) {
                if (watch != null && watch.exceeded() && (e.isInterrupted() || e.isCancelled())) {
                    throw watch.failure();
                }
                throw e;
            } finally {
                if (watch != null) {
                    watch.stop();
                }
                context.leave();
            }
        });
    }

    /**
     * Limits the CPU time each evaluation (a file, an eval, a function call, with the event loop after it) may use
     * on the script thread; one that goes over is stopped with {@link CpuTimeLimit.Exceeded}. Null: no limit.
     */
    public void setCpuTimeLimit(java.time.Duration perEvaluation) {
        this.cpuTimeLimit = perEvaluation;
    }

    /**
     * Sets {@code process.argv} for the scripts evaluated next, as Node gives it: the program, the script, then its
     * arguments.
     */
    public void setArguments(List<String> argv) {
        var process = globals().getMember("process");
        if (process != null && process.hasMembers()) {
            process.putMember("argv", values.toJs(argv)); // an array, as the prelude makes it from the launcher's
        }
    }

    /** Makes the script's standard input ({@code process.stdin}, {@code fs.readFileSync(0)}) read from {@code reader}. */
    public void setInput(java.util.function.Supplier<java.io.Reader> reader) {
        this.input = reader;
    }

    /** The global bindings of the script. */
    public Value globals() {
        return context.getBindings("js");
    }

    /** The polyglot context, for embedders that need it. */
    public Context context() {
        return context;
    }

    /** The engine the script's calls go to; an embedder may set its callback error handler, for instance. */
    public Ffi ffi() {
        return ffi;
    }

    EventLoop loop() {
        return loop;
    }

    JsValues values() {
        return values;
    }

    ExecutorService helpers() {
        return helpers;
    }

    List<String> argv() {
        return argv;
    }

    PrintStream stdout() {
        return stdout;
    }

    PrintStream stderr() {
        return stderr;
    }

    Value api() {
        return api;
    }

    /** A Buffer viewing a ByteBuffer's memory, without copying. */
    Value bufferView(ByteBuffer buffer) {
        return api.getMember("bufferOver").execute(buffer);
    }

    @Override
    public void close() {
        helpers.shutdown();
        context.close(true);
        ffi.close();
    }

    private static java.lang.reflect.Method[] fixedArityCalls() {
        var calls = new java.lang.reflect.Method[org.ffiscript.engine.CallShape.MAX_DIRECT_ARITY + 1];
        for (int arity = 0; arity < calls.length; arity++) {
            var parameters = new Class<?>[arity];
            java.util.Arrays.fill(parameters, Object.class);
            try {
                calls[arity] = org.ffiscript.engine.NativeFunction.class.getMethod("call", parameters);
            } catch (NoSuchMethodException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
        return calls;
    }

    private static java.lang.reflect.Method pointerText() {
        try {
            return org.ffiscript.engine.Pointer.class.getMethod("toString");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static String resource(String name) {
        try (var in = JsRuntime.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
