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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.HostAccess;

/**
 * The host services of the Node.js surface beside the module system ({@link ModuleHost}): the process's facts (pid,
 * platform, memory, clocks, working folder, standard streams), Buffers' native memory, programs for
 * {@code child_process}, and {@code fs}, {@code os} and {@code crypto} through {@link NodeFs}, {@link OsHost} and
 * {@link CryptoHost}. The prelude keeps this object in its closure and passes it to the built-ins written here;
 * scripts never see it.
 */
public final class NodeHost {
    private final Context context;
    private final ScriptFiles files;
    private final NodeFs fs;
    private final OsHost os;
    private final CryptoHost crypto;
    private final BufferText bufferText = new BufferText();
    private final PrintStream stdout;
    private final PrintStream stderr;
    private final List<String> nodeOptions;
    private final java.util.function.Supplier<java.io.Reader> input;
    /** The working folder scripts see; chdir moves it (and the C library's, so native code agrees). */
    private volatile Path cwd = Path.of("").toAbsolutePath();

    public NodeHost(
            Context context,
            ScriptFiles files,
            PrintStream stdout,
            PrintStream stderr,
            List<String> nodeOptions,
            java.util.function.Supplier<java.io.Reader> input) {
        this.context = context;
        this.files = files;
        this.fs = new NodeFs(files, this);
        this.os = new OsHost(files);
        this.crypto = new CryptoHost();
        this.stdout = stdout;
        this.stderr = stderr;
        this.nodeOptions = List.copyOf(nodeOptions);
        this.input = input;
    }

    Path resolve(String name) {
        return cwd.resolve(name).normalize();
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
            throw new IllegalArgumentException(
                    "ENOENT: no such file or directory, chdir " + cwd + " -> '" + directory + "'");
        }
        cwd = target;
        if (files.policy()
                .isUnrestricted()) { // the C library's folder is the whole process's: not for restricted scripts
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
        var nonHeap =
                ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed();
        return new double[] {rss, runtime.totalMemory(), runtime.totalMemory() - runtime.freeMemory(), nonHeap};
    }

    @HostAccess.Export
    public double cpuMicros() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(d -> d.toNanos() / 1000.0)
                .orElse(0.0);
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

    @HostAccess.Export
    public BufferText bufferText() {
        return bufferText;
    }

    @HostAccess.Export
    public OsHost os() {
        return os;
    }

    @HostAccess.Export
    public CryptoHost crypto() {
        return crypto;
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
    private static final java.util.concurrent.atomic.AtomicLong NATIVE_SINCE_COLLECTION =
            new java.util.concurrent.atomic.AtomicLong();

    @HostAccess.Export
    public boolean isDirect(Object buffer) {
        return buffer instanceof java.nio.ByteBuffer byteBuffer && byteBuffer.isDirect();
    }

    /** A view's bytes of a buffer: {@code length} bytes from {@code offset}, the same memory. */
    @HostAccess.Export
    public java.nio.ByteBuffer slice(java.nio.ByteBuffer buffer, double offset, double length) {
        return buffer.slice((int) offset, (int) length);
    }

    /** The C library's isatty, linked on first use: a downcall stub costs start-up time no script should pay. */
    private static final class Terminal {
        static final MethodHandle ISATTY = Linker.nativeLinker()
                .defaultLookup()
                .find("isatty")
                .map(symbol -> Linker.nativeLinker()
                        .downcallHandle(symbol, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)))
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
        var process =
                new ProcessBuilder(List.of(command)).directory(cwd.toFile()).start();
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
            return new Object[] {
                status, new String(out, StandardCharsets.UTF_8), new String(errors.get(), StandardCharsets.UTF_8)
            };
        } catch (java.util.concurrent.ExecutionException e) {
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }

    /** The C library's working folder follows process.chdir, so that native code opening relative paths agrees. */
    private static final class LibCDirectory {
        private static final MethodHandle CHDIR = Linker.nativeLinker()
                .defaultLookup()
                .find("chdir")
                .map(symbol -> Linker.nativeLinker()
                        .downcallHandle(symbol, FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS)))
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
