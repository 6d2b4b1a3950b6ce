package org.ffiscript.js;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.ffiscript.js.node.BundledPackages;
import org.ffiscript.js.node.NodeResolver;
import org.ffiscript.js.node.ScriptFiles;
import org.graalvm.polyglot.io.FileSystem;

/**
 * The file system GraalJS's ES module loader reads through, made to load modules as Node does.
 *
 * <p>GraalJS offers no hook to resolve a module request; it joins a bare specifier to the importing module's folder
 * ({@code js.esm-bare-specifier-relative-lookup}) and asks this file system about the path. A path that names no
 * file, has no "." or ".." in it and lies under a folder a module was loaded from is such a join: it is resolved
 * here by {@link NodeResolver} (node_modules, "exports" with the import condition, "main"). Built-ins and CommonJS
 * files are given as small generated ES modules re-exporting what {@code require} returns, under
 * {@code /ffi-script:builtin} and {@code /ffi-script:commonjs}. Every host path passes the access policy first.
 */
final class ModuleFiles implements FileSystem {
    private static final Path BUILTIN_ROOT = Path.of("/ffi-script:builtin");
    private static final Path COMMONJS_ROOT = Path.of("/ffi-script:commonjs");

    private final FileSystem host = FileSystem.newDefaultFileSystem();
    private final ScriptFiles files;
    private final NodeResolver resolver;
    /** Makes the ES module facade of a built-in ("builtin:name") or a CommonJS file (its path); set once running. */
    private volatile Function<String, String> facades;

    private final Set<Path> moduleFolders = ConcurrentHashMap.newKeySet();
    private final Map<Path, byte[]> generated = new ConcurrentHashMap<>();

    ModuleFiles(ScriptFiles files, NodeResolver resolver) {
        this.files = files;
        this.resolver = resolver;
    }

    void useFacades(Function<String, String> facades) {
        this.facades = facades;
    }

    /** Lets bare specifiers of modules in this folder resolve (the main module's folder, before it is imported). */
    void addModuleFolder(Path folder) {
        moduleFolders.add(folder.toAbsolutePath().normalize());
    }

    /** Whether Node would run this file as an ES module: .mjs, or .js in a package of "type": "module". */
    boolean isModule(Path file) {
        var name = file.getFileName().toString();
        return name.endsWith(".mjs")
                || (name.endsWith(".js") && resolver.esmFormatOf(file) == NodeResolver.Format.MODULE);
    }

    private static boolean isVirtual(Path path) {
        return path.startsWith(BUILTIN_ROOT) || path.startsWith(COMMONJS_ROOT);
    }

    /** What GraalJS should load for {@code path}: the path itself, or what a bare specifier in it resolves to. */
    private Path target(Path path) throws IOException {
        if (!path.isAbsolute() || isVirtual(path)) {
            return path;
        }
        var normal = path.normalize();
        if (files.isFile(normal)) {
            return asModule(normal);
        }
        var request = bareRequest(path);
        if (request == null) {
            files.permitted(normal, "import");
            return normal;
        }
        try {
            var resolved = resolver.importing(request.specifier, request.folder);
            return switch (resolved.format()) {
                case BUILTIN -> BUILTIN_ROOT.resolve(resolved.path() + ".mjs");
                case COMMONJS -> commonJsFacade(Path.of(resolved.path()));
                case ADDON ->
                    throw new NoSuchFileException(resolved.path(), null, NodeResolver.addonMessage(resolved.path()));
                default -> Path.of(resolved.path());
            };
        } catch (NodeResolver.NotFound e) {
            throw new NoSuchFileException(
                    request.specifier,
                    null,
                    e.getMessage()
                            + (e.searched.isEmpty() ? "" : " (looked in " + String.join(", ", e.searched) + ")"));
        }
    }

    /** A file GraalJS would parse as an ES module, unless Node would load it as CommonJS (.cjs, .js outside "type": "module"). */
    private Path asModule(Path file) {
        var name = file.getFileName().toString();
        if ((name.endsWith(".js") || name.endsWith(".cjs"))
                && resolver.esmFormatOf(file) == NodeResolver.Format.COMMONJS) {
            return commonJsFacade(file);
        }
        moduleFolders.add(file.getParent());
        return file;
    }

    private static Path commonJsFacade(Path file) {
        return Path.of(COMMONJS_ROOT + file.toString() + ".mjs");
    }

    private record BareRequest(String specifier, Path folder) {}

    /** The bare specifier and importing folder a joined path came from, or null if it is not such a join. */
    private BareRequest bareRequest(Path path) {
        for (var name : path) {
            if (name.toString().equals(".") || name.toString().equals("..")) {
                return null;
            }
        }
        for (var folder = path.getParent(); folder != null; folder = folder.getParent()) {
            if (moduleFolders.contains(folder)) {
                return new BareRequest(folder.relativize(path).toString(), folder);
            }
        }
        return null;
    }

    private byte[] facade(Path virtual) throws IOException {
        var made = generated.get(virtual);
        if (made != null) {
            return made;
        }
        var making = facades;
        if (making == null) {
            throw new NoSuchFileException(virtual.toString());
        }
        String id;
        if (virtual.startsWith(BUILTIN_ROOT)) {
            var name = virtual.getFileName().toString();
            id = "builtin:" + name.substring(0, name.length() - ".mjs".length());
        } else {
            var text = virtual.toString().substring(COMMONJS_ROOT.toString().length());
            id = text.substring(0, text.length() - ".mjs".length());
        }
        var bytes = making.apply(id).getBytes(StandardCharsets.UTF_8);
        generated.put(virtual, bytes);
        return bytes;
    }

    @Override
    public Path parsePath(URI uri) {
        if ("node".equals(uri.getScheme())) {
            return BUILTIN_ROOT.resolve(uri.getSchemeSpecificPart() + ".mjs");
        }
        return host.parsePath(uri);
    }

    @Override
    public Path parsePath(String path) {
        var builtin = resolver.builtin(path);
        return builtin != null ? BUILTIN_ROOT.resolve(builtin + ".mjs") : host.parsePath(path);
    }

    @Override
    public void checkAccess(Path path, Set<? extends AccessMode> modes, LinkOption... options) throws IOException {
        var target = target(path);
        if (isVirtual(target) || BundledPackages.contains(target)) {
            if (modes.contains(AccessMode.WRITE)) {
                throw new java.nio.file.AccessDeniedException(path.toString());
            }
            if (BundledPackages.contains(target)
                    && !BundledPackages.isFile(target)
                    && !BundledPackages.isDirectory(target)) {
                throw new NoSuchFileException(path.toString());
            }
            return;
        }
        host.checkAccess(target, modes, options);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        var target = target(path);
        if (isVirtual(target) || BundledPackages.contains(target)) {
            if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
                throw new java.nio.file.AccessDeniedException(path.toString());
            }
            return new ReadOnlyChannel(isVirtual(target) ? facade(target) : BundledPackages.read(target));
        }
        return host.newByteChannel(target, options, attrs);
    }

    @Override
    public Path toRealPath(Path path, LinkOption... options) throws IOException {
        var target = target(path);
        return isVirtual(target) || BundledPackages.contains(target) ? target : host.toRealPath(target, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        var target = target(path);
        if (isVirtual(target) || BundledPackages.contains(target)) {
            boolean directory = BundledPackages.contains(target) && BundledPackages.isDirectory(target);
            var made = new HashMap<String, Object>();
            made.put("isRegularFile", !directory);
            made.put("isDirectory", directory);
            made.put("isSymbolicLink", false);
            made.put("isOther", false);
            made.put("size", 0L);
            made.put("lastModifiedTime", FileTime.fromMillis(0));
            made.put("lastAccessTime", FileTime.fromMillis(0));
            made.put("creationTime", FileTime.fromMillis(0));
            return made;
        }
        return host.readAttributes(target, attributes, options);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        host.createDirectory(files.permitted(dir, "import"), attrs);
    }

    @Override
    public void delete(Path path) throws IOException {
        host.delete(files.permitted(path, "import"));
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        return host.newDirectoryStream(files.permitted(dir, "import"), filter);
    }

    @Override
    public Path toAbsolutePath(Path path) {
        return path.isAbsolute() ? path : host.toAbsolutePath(path);
    }

    /** The bytes of a generated or bundled module, read-only. */
    private static final class ReadOnlyChannel implements SeekableByteChannel {
        private final byte[] bytes;
        private int position;
        private boolean open = true;

        ReadOnlyChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (position >= bytes.length) {
                return -1;
            }
            int count = Math.min(dst.remaining(), bytes.length - position);
            dst.put(bytes, position, count);
            position += count;
            return count;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = (int) Math.min(newPosition, bytes.length);
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new NonWritableChannelException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
