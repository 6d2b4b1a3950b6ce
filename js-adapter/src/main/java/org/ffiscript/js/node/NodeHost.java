package org.ffiscript.js.node;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;

/**
 * The host services of the Node.js surface: module resolution and loading, the process's facts (pid, platform,
 * memory, clocks, working folder), {@code os}, and {@code fs} through {@link NodeFs}. The prelude keeps this object
 * in its closure and passes it to the built-ins written here; scripts never see it.
 */
public final class NodeHost {
    /** The built-in modules, without "node:". */
    public static final Set<String> BUILTINS = Set.of("assert", "assert/strict", "buffer", "child_process",
            "console", "crypto", "events", "fs", "fs/promises", "module", "os", "path", "path/posix", "perf_hooks",
            "process", "punycode", "querystring", "readline", "readline/promises", "stream", "string_decoder",
            "timers", "timers/promises", "tty", "url", "util", "util/types");
    /** Names only this project has: bare, never with "node:". */
    private static final Set<String> OWN = Set.of("ffi-rs");

    private final Context context;
    private final ScriptFiles files;
    private final NodeResolver resolver;
    private final NodeFs fs;
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final List<String> nodeOptions;
    private final java.util.function.Supplier<java.io.Reader> input;
    /** Tells the module file system where bare specifiers of a module evaluated from here resolve from. */
    private final java.util.function.Consumer<Path> moduleFolders;
    /** The working folder scripts see; chdir moves it (and the C library's, so native code agrees). */
    private volatile Path cwd = Path.of("").toAbsolutePath();

    public NodeHost(Context context, ScriptFiles files, NodeResolver resolver, PrintStream stdout, PrintStream stderr,
                    List<String> nodeOptions, java.util.function.Supplier<java.io.Reader> input,
                    java.util.function.Consumer<Path> moduleFolders) {
        this.context = context;
        this.files = files;
        this.resolver = resolver;
        this.fs = new NodeFs(files, this);
        this.stdout = stdout;
        this.stderr = stderr;
        this.nodeOptions = List.copyOf(nodeOptions);
        this.input = input;
        this.moduleFolders = moduleFolders;
    }

    /** Built-in names as the resolver takes them: Node's, and "ffi-rs" (bare only). */
    public static Set<String> resolverBuiltins() {
        var all = new java.util.HashSet<>(BUILTINS);
        all.addAll(OWN);
        return Set.copyOf(all);
    }

    Path resolve(String name) {
        return cwd.resolve(name).normalize();
    }

    // ---- modules ---------------------------------------------------------------------------------------------

    /** "FORMAT:path" for a request, or NUL, code, message and the folders searched (split by NUL and 0x01). */
    @HostAccess.Export
    public String resolve(String request, String directory) {
        try {
            var resolved = resolver.require(request, Path.of(directory));
            return resolved.format() + ":" + resolved.path();
        } catch (NodeResolver.NotFound e) {
            return "\u0000" + e.code + "\u0000" + e.getMessage() + "\u0000" + String.join("\u0001", e.searched);
        } catch (IllegalArgumentException e) { // a malformed package.json
            return "\u0000ERR_INVALID_PACKAGE_CONFIG\u0000" + e.getMessage() + "\u0000";
        }
    }

    @HostAccess.Export
    public boolean isBuiltin(String name) {
        return resolver.builtin(name) != null && !OWN.contains(name);
    }

    @HostAccess.Export
    public String modulePaths(String directory) {
        return String.join("\u0000", NodeResolver.nodeModulePaths(Path.of(directory)));
    }

    @HostAccess.Export
    public String directoryOf(String path) {
        var parent = Path.of(path).toAbsolutePath().getParent();
        return parent == null ? "/" : parent.toString();
    }

    @HostAccess.Export
    public String resolvePath(String directory, String request) {
        return Path.of(directory).resolve(request).normalize().toString();
    }

    @HostAccess.Export
    public String readText(String path) throws IOException {
        var text = files.readString(Path.of(path));
        return text.startsWith("#!") ? "//" + text.substring(2) : text; // a shebang line, as Node skips it
    }

    @HostAccess.Export
    public String addonMessage(String path) {
        return NodeResolver.addonMessage(path);
    }

    /** A CommonJS module's function: Node's wrapper, on the source's first line, so line numbers stay true. */
    @HostAccess.Export
    public Value compile(String source, String path) {
        var file = Path.of(path);
        if (file.getParent() != null) {
            moduleFolders.accept(file.getParent()); // so that its import() of a package resolves from its folder
        }
        var wrapped = "(function (exports, require, module, __filename, __dirname) {" + source + "\n})";
        // built from the file with its wrapped text, so the source has the file's path: an import() in it then
        // resolves from the module's folder (a literal source has only a name, and GraalJS would use the cwd)
        return context.eval(Source.newBuilder("js", file.toFile()).content(wrapped).name(path).buildLiteral());
    }

    /**
     * Evaluates an ES module file now and gives its namespace, for {@code require} of an ES module; undefined where
     * the module's top-level await leaves its evaluation pending. GraalJS keys modules by their canonical path, so
     * a later {@code import} of the file finds this same module.
     */
    @HostAccess.Export
    public Value evaluateModule(String path) throws IOException {
        var file = Path.of(path);
        moduleFolders.accept(file.getParent());
        var source = Source.newBuilder("js", file.toFile()).mimeType("application/javascript+module").build();
        return context.eval(source);
    }

    /** A built-in written here (node/NAME.js), as a function that also takes the prelude's internals. */
    @HostAccess.Export
    public Value compileInternal(String name) {
        return context.eval(InternalSources.of(name));
    }

    @HostAccess.Export
    public String fileUrlToPath(String url) {
        return Path.of(URI.create(url)).toString();
    }

    // ---- process -------------------------------------------------------------------------------------------------

    @HostAccess.Export
    public String cwd() {
        return cwd.toString();
    }

    @HostAccess.Export
    public void chdir(String directory) {
        var target = resolve(directory);
        if (!Files.isDirectory(target)) {
            throw new IllegalArgumentException("ENOENT: no such file or directory, chdir " + cwd + " -> '" + directory + "'");
        }
        cwd = target;
        if (files.policy().isUnrestricted()) { // the C library's folder is the whole process's: not for restricted scripts
            LibCDirectory.change(target);
        }
    }

    @HostAccess.Export
    public double nanoTime() {
        return System.nanoTime();
    }

    @HostAccess.Export
    public String execPath() {
        return ProcessHandle.current().info().command().orElse("ffi-script");
    }

    @HostAccess.Export
    public String platform() {
        var name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.contains("linux")) {
            return "linux";
        }
        if (name.contains("mac")) {
            return "darwin";
        }
        if (name.contains("windows")) {
            return "win32";
        }
        return name.contains("freebsd") ? "freebsd" : name;
    }

    @HostAccess.Export
    public String arch() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64" -> "arm64";
            case "x86", "i386" -> "ia32";
            case "ppc64le" -> "ppc64";
            case String other -> other;
        };
    }

    @HostAccess.Export
    public double pid() {
        return ProcessHandle.current().pid();
    }

    @HostAccess.Export
    public double ppid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(0L);
    }

    @HostAccess.Export
    public String graalVersion() {
        return context.getEngine().getVersion();
    }

    /** rss (from /proc where there is one), heapTotal, heapUsed, external: bytes. */
    @HostAccess.Export
    public double[] memoryUsage() {
        var runtime = Runtime.getRuntime();
        double rss = runtime.totalMemory();
        try {
            var statm = Files.readString(Path.of("/proc/self/statm")).trim().split("\\s+");
            rss = Double.parseDouble(statm[1]) * 4096;
        } catch (IOException | RuntimeException e) {
            // no /proc: the JVM heap is the best figure there is
        }
        var nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
        return new double[] {rss, runtime.totalMemory(), runtime.totalMemory() - runtime.freeMemory(), nonHeap};
    }

    @HostAccess.Export
    public double cpuMicros() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1000.0).orElse(0.0);
    }

    @HostAccess.Export
    public void write(String text, boolean toStandardError) {
        var out = toStandardError ? stderr : stdout;
        out.print(text);
        out.flush();
    }

    /** The rest of standard input, read to its end: what fs.readFileSync(0) and process.stdin give. */
    @HostAccess.Export
    public String readInput() throws IOException {
        var text = new StringBuilder();
        var reader = input.get();
        var chunk = new char[8192];
        for (int n; (n = reader.read(chunk)) > 0; ) {
            text.append(chunk, 0, n);
        }
        return text.toString();
    }

    @HostAccess.Export
    public boolean exposeGc() {
        return nodeOptions.contains("--expose-gc");
    }

    /** Node's options the script was started with: process.execArgv. */
    @HostAccess.Export
    public String[] execArgv() {
        return nodeOptions.toArray(new String[0]);
    }

    @HostAccess.Export
    public void gc() {
        System.gc();
    }

    @HostAccess.Export
    public NodeFs fs() {
        return fs;
    }

    // ---- native memory for Buffers -------------------------------------------------------------------------------

    /**
     * {@code size} zeroed bytes of native memory as a direct buffer, freed when the buffer (and so the script's
     * ArrayBuffer over it) is unreachable. A direct ByteBuffer rather than an automatic arena: the JDK counts its
     * memory against the direct-memory limit and collects garbage when that is reached, so a script allocating
     * many large Buffers in a loop frees the old ones instead of growing until the machine runs out.
     */
    @HostAccess.Export
    public java.nio.ByteBuffer nativeMemory(double size) {
        // The heap does not grow with native memory, so garbage collection would seldom come for unreachable
        // Buffers: after every 256 MiB allocated, ask for one, as V8 does for its external memory.
        if (NATIVE_SINCE_COLLECTION.addAndGet((long) size) > COLLECT_EVERY) {
            NATIVE_SINCE_COLLECTION.set(0);
            System.gc();
        }
        return java.nio.ByteBuffer.allocateDirect((int) size);
    }

    private static final long COLLECT_EVERY = 256L << 20;
    private static final java.util.concurrent.atomic.AtomicLong NATIVE_SINCE_COLLECTION = new java.util.concurrent.atomic.AtomicLong();

    @HostAccess.Export
    public boolean isDirect(Object buffer) {
        return buffer instanceof java.nio.ByteBuffer byteBuffer && byteBuffer.isDirect();
    }

    /** A view's bytes of a buffer: {@code length} bytes from {@code offset}, the same memory. */
    @HostAccess.Export
    public java.nio.ByteBuffer slice(java.nio.ByteBuffer buffer, double offset, double length) {
        return buffer.slice((int) offset, (int) length);
    }

    // ---- crypto and tty -----------------------------------------------------------------------------------------

    /** Made on first use: seeding a SecureRandom reads the system's entropy, which start-up should not wait for. */
    private static final class Random {
        static final java.security.SecureRandom SOURCE = new java.security.SecureRandom();
    }

    @HostAccess.Export
    public byte[] randomBytes(double count) {
        var bytes = new byte[(int) count];
        Random.SOURCE.nextBytes(bytes);
        return bytes;
    }

    @HostAccess.Export
    public String randomUUID() {
        return java.util.UUID.randomUUID().toString();
    }

    @HostAccess.Export
    public double randomBelow(double bound) {
        return Random.SOURCE.nextLong((long) bound);
    }

    /** A running hash or HMAC: the JDK's MessageDigest or Mac. */
    @HostAccess.Export
    public Object hash(String algorithm) throws java.security.NoSuchAlgorithmException {
        return java.security.MessageDigest.getInstance(algorithm);
    }

    @HostAccess.Export
    public Object hmac(String algorithm, Value key) throws java.security.GeneralSecurityException {
        var name = "Hmac" + algorithm.replace("-", "").replace("/", "");
        var mac = javax.crypto.Mac.getInstance(name);
        mac.init(new javax.crypto.spec.SecretKeySpec(NodeFs.bytes(key), name));
        return mac;
    }

    @HostAccess.Export
    public void hashUpdate(Object state, Value data) {
        var bytes = NodeFs.bytes(data);
        if (state instanceof java.security.MessageDigest digest) {
            digest.update(bytes);
        } else {
            ((javax.crypto.Mac) state).update(bytes);
        }
    }

    @HostAccess.Export
    public java.nio.ByteBuffer hashDigest(Object state) {
        return java.nio.ByteBuffer.wrap(state instanceof java.security.MessageDigest digest ? digest.digest()
                : ((javax.crypto.Mac) state).doFinal());
    }

    @HostAccess.Export
    public Object hashCopy(Object state) throws CloneNotSupportedException {
        return state instanceof java.security.MessageDigest digest ? digest.clone() : ((javax.crypto.Mac) state).clone();
    }

    /** The C library's isatty, linked on first use: a downcall stub costs start-up time no script should pay. */
    private static final class Terminal {
        static final MethodHandle ISATTY = Linker.nativeLinker().defaultLookup().find("isatty")
                .map(symbol -> Linker.nativeLinker().downcallHandle(symbol,
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
                .orElse(null);
    }

    /** Whether a file descriptor is a terminal, as the C library says. */
    @HostAccess.Export
    public boolean isatty(int fd) {
        try {
            return Terminal.ISATTY != null && (int) Terminal.ISATTY.invokeExact(fd) == 1;
        } catch (Throwable e) {
            return false;
        }
    }

    // ---- os ------------------------------------------------------------------------------------------------------

    @HostAccess.Export
    public String hostname() {
        requireUnrestricted("os.hostname()");
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "localhost";
            }
        }
    }

    @HostAccess.Export
    public String homedir() {
        var home = files.policy().environment().get("HOME"); // only where the policy lets scripts see HOME
        if (home != null) {
            return home;
        }
        requireUnrestricted("os.homedir()");
        return System.getProperty("user.home");
    }

    @HostAccess.Export
    public String tmpdir() {
        var tmp = files.policy().environment().get("TMPDIR"); // as Node reads it, where the policy shows it
        var folder = tmp != null && !tmp.isEmpty() ? tmp : System.getProperty("java.io.tmpdir");
        return folder.length() > 1 && folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    }

    @HostAccess.Export
    public String userName() {
        requireUnrestricted("os.userInfo()");
        return System.getProperty("user.name");
    }

    /**
     * Facts that identify the host (its name, the user, the home folder) are for scripts the access policy does
     * not restrict; a restricted one gets this error, as it gets for an environment variable it was not granted.
     */
    private void requireUnrestricted(String what) {
        if (!files.policy().isUnrestricted()) {
            throw new SecurityException(what + ": the access policy does not let scripts read the host's identity");
        }
    }

    @HostAccess.Export
    public String osRelease() {
        return System.getProperty("os.version");
    }

    @HostAccess.Export
    public String osVersion() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/version")).trim();
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.version");
        }
    }

    @HostAccess.Export
    public String osType() {
        var name = System.getProperty("os.name");
        return name.startsWith("Windows") ? "Windows_NT" : name.startsWith("Mac") ? "Darwin" : name;
    }

    /** Total and free memory in bytes, from /proc/meminfo (the JVM's view elsewhere). */
    @HostAccess.Export
    public double[] systemMemory() {
        try {
            double total = 0;
            double available = 0;
            for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                var parts = line.split("\\s+");
                if (line.startsWith("MemTotal:")) {
                    total = Double.parseDouble(parts[1]) * 1024;
                } else if (line.startsWith("MemAvailable:")) {
                    available = Double.parseDouble(parts[1]) * 1024;
                }
            }
            return new double[] {total, available};
        } catch (IOException | RuntimeException e) {
            var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new double[] {bean.getTotalMemorySize(), bean.getFreeMemorySize()};
        }
    }

    /** One "model\u0000MHz" per logical CPU, from /proc/cpuinfo where there is one. */
    @HostAccess.Export
    public String[] cpus() {
        int count = Runtime.getRuntime().availableProcessors();
        var models = new java.util.ArrayList<String>();
        try {
            String model = "unknown";
            for (var line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                } else if (line.startsWith("cpu MHz")) {
                    models.add(model + "\u0000" + Math.round(Double.parseDouble(line.substring(line.indexOf(':') + 1).trim())));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        while (models.size() < count) {
            models.add("unknown\u00000");
        }
        return models.subList(0, Math.max(count, Math.min(models.size(), count))).toArray(new String[0]);
    }

    @HostAccess.Export
    public double[] loadavg() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
        } catch (IOException | RuntimeException e) {
            return new double[] {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 0, 0};
        }
    }

    @HostAccess.Export
    public double systemUptime() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/uptime")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        }
    }

    // ---- child_process -------------------------------------------------------------------------------------------

    /** Whether scripts may start programs: only where the access policy restricts nothing. */
    @HostAccess.Export
    public boolean mayRunPrograms() {
        return files.policy().isUnrestricted();
    }

    /** Runs a program to its end: exit status, then its standard output and error, as text. */
    @HostAccess.Export
    public Object[] runProgram(String[] command, String input) throws IOException, InterruptedException {
        if (!mayRunPrograms()) {
            throw new SecurityException("the access policy does not allow starting programs");
        }
        var process = new ProcessBuilder(List.of(command)).directory(cwd.toFile()).start();
        try (var in = process.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        var errors = new java.util.concurrent.CompletableFuture<byte[]>();
        Thread.ofVirtual().start(() -> {
            try (InputStream err = process.getErrorStream()) {
                errors.complete(err.readAllBytes());
            } catch (IOException e) {
                errors.completeExceptionally(e);
            }
        });
        byte[] out;
        try (InputStream stream = process.getInputStream()) {
            out = stream.readAllBytes();
        }
        int status = process.waitFor();
        try {
            return new Object[] {status, new String(out, StandardCharsets.UTF_8),
                new String(errors.get(), StandardCharsets.UTF_8)};
        } catch (java.util.concurrent.ExecutionException e) {
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }

    /** The C library's working folder follows process.chdir, so that native code opening relative paths agrees. */
    private static final class LibCDirectory {
        private static final MethodHandle CHDIR = Linker.nativeLinker().defaultLookup().find("chdir")
                .map(symbol -> Linker.nativeLinker().downcallHandle(symbol,
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS)))
                .orElse(null);

        static void change(Path folder) {
            if (CHDIR == null) {
                return;
            }
            try (var arena = java.lang.foreign.Arena.ofConfined()) {
                int ignored = (int) CHDIR.invokeExact(arena.allocateFrom(folder.toString()));
            } catch (Throwable e) {
                // the script's own folder moved; native code keeps the old one
            }
        }
    }
}
