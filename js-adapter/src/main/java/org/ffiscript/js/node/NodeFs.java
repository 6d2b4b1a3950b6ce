package org.ffiscript.js.node;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ffiscript.engine.FfiException;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.Value;

/**
 * The host side of {@code node:fs}: whole-file and folder operations on the host's files, each checked against the
 * access policy first. A failure is returned as {@link #FAILED} with Node's error fields kept for {@link #error()}
 * (code, errno, syscall, path), so the script throws an Error exactly like Node's rather than a Java exception.
 */
public final class NodeFs {
    private final ScriptFiles files;
    private final NodeHost host;
    private String[] lastError;

    NodeFs(ScriptFiles files, NodeHost host) {
        this.files = files;
        this.host = host;
    }

    /** What a failed operation returns. */
    public static final Object FAILED = new Object();

    @HostAccess.Export
    public Object failed() {
        return FAILED;
    }

    /** The last failure's code, errno, syscall, path and description, as Node's fs errors carry them. */
    @HostAccess.Export
    public String[] error() {
        return lastError;
    }

    private Path path(String name, String syscall) {
        return files.permitted(host.resolve(name), syscall);
    }

    private Object attempt(String syscall, String name, IoAction action) {
        try {
            return action.run();
        } catch (FfiException refused) {
            return fail("EACCES", -13, syscall, name, "permission denied (" + refused.getMessage() + ")");
        } catch (NoSuchFileException e) {
            return fail("ENOENT", -2, syscall, name, "no such file or directory");
        } catch (FileAlreadyExistsException e) {
            return fail("EEXIST", -17, syscall, name, "file already exists");
        } catch (DirectoryNotEmptyException e) {
            return fail("ENOTEMPTY", -39, syscall, name, "directory not empty");
        } catch (NotDirectoryException e) {
            return fail("ENOTDIR", -20, syscall, name, "not a directory");
        } catch (AccessDeniedException e) {
            return fail("EACCES", -13, syscall, name, "permission denied");
        } catch (NotLinkException e) {
            return fail("EINVAL", -22, syscall, name, "invalid argument");
        } catch (FileSystemException e) {
            var reason = String.valueOf(e.getReason());
            if (reason.contains("Is a directory")) {
                return fail("EISDIR", -21, syscall, name, "illegal operation on a directory");
            }
            if (reason.contains("Not a directory")) {
                return fail("ENOTDIR", -20, syscall, name, "not a directory");
            }
            return fail("EIO", -5, syscall, name, e.getMessage());
        } catch (IOException e) {
            return fail("EIO", -5, syscall, name, String.valueOf(e.getMessage()));
        }
    }

    private Object fail(String code, int errno, String syscall, String name, String description) {
        lastError = new String[] {code, Integer.toString(errno), syscall, name, description};
        return FAILED;
    }

    private interface IoAction {
        Object run() throws IOException;
    }

    @HostAccess.Export
    public Object readFile(String name) {
        return attempt("open", name, () -> {
            var file = path(name, "open");
            if (Files.isDirectory(file)) {
                return fail("EISDIR", -21, "read", "", "illegal operation on a directory");
            }
            return ByteBuffer.wrap(Files.readAllBytes(file));
        });
    }

    @HostAccess.Export
    public Object readTextFile(String name) {
        return attempt("open", name, () -> {
            var file = path(name, "open");
            if (Files.isDirectory(file)) {
                return fail("EISDIR", -21, "read", "", "illegal operation on a directory");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        });
    }

    /** Writes (or with {@code append}, appends) a string as UTF-8 or the bytes of a buffer or typed array. */
    @HostAccess.Export
    public Object writeFile(String name, Value data, boolean append, boolean exclusive) {
        return attempt("open", name, () -> {
            var file = path(name, "open");
            var options = EnumSet.of(StandardOpenOption.WRITE);
            options.add(exclusive ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            options.add(append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            if (Files.isDirectory(file)) {
                throw new FileSystemException(name, null, "Is a directory");
            }
            Files.write(file, bytes(data), options.toArray(new StandardOpenOption[0]));
            return null;
        });
    }

    static byte[] bytes(Value data) {
        if (data.isString()) {
            return data.asString().getBytes(StandardCharsets.UTF_8);
        }
        if (data.hasBufferElements()) {
            var bytes = new byte[(int) data.getBufferSize()];
            data.readBuffer(0, bytes, 0, bytes.length);
            return bytes;
        }
        var backing = data.getMember("buffer");
        var bytes = new byte[data.getMember("byteLength").asInt()];
        backing.readBuffer(data.getMember("byteOffset").asLong(), bytes, 0, bytes.length);
        return bytes;
    }

    @HostAccess.Export
    public boolean exists(String name) {
        try {
            var file = host.resolve(name);
            return files.policy().mayRead(file) && Files.exists(file);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * A file's attributes, in the order the script's Stats takes them: kind (0 file, 1 folder, 2 link, 3 other),
     * size, mode, uid, gid, nlink, ino, dev, rdev, blksize, blocks, then atime, mtime, ctime, birthtime in ms.
     */
    @HostAccess.Export
    public Object stat(String name, boolean followLinks) {
        return attempt(followLinks ? "stat" : "lstat", name, () -> {
            var file = path(name, "stat");
            var options = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
            Map<String, Object> unix;
            try {
                unix = Files.readAttributes(file, "unix:*", options);
            } catch (UnsupportedOperationException e) {
                unix = Map.of();
            }
            var basic = Files.readAttributes(file, BasicFileAttributes.class, options);
            double kind = basic.isRegularFile() ? 0 : basic.isDirectory() ? 1 : basic.isSymbolicLink() ? 2 : 3;
            return new double[] {
                kind,
                basic.size(),
                number(unix.get("mode")),
                number(unix.get("uid")),
                number(unix.get("gid")),
                number(unix.get("nlink")),
                number(unix.get("ino")),
                number(unix.get("dev")),
                number(unix.get("rdev")),
                4096,
                Math.ceil(basic.size() / 512.0),
                millis(basic.lastAccessTime()),
                millis(basic.lastModifiedTime()),
                unix.get("ctime") instanceof FileTime ctime ? millis(ctime) : millis(basic.lastModifiedTime()),
                millis(basic.creationTime())
            };
        });
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    private static double millis(FileTime time) {
        return time.to(java.util.concurrent.TimeUnit.MICROSECONDS) / 1000.0;
    }

    /** The names in a folder, with their kinds (0 file, 1 folder, 2 link, 3 other) after a NUL each. */
    @HostAccess.Export
    public Object readdir(String name) {
        return attempt("scandir", name, () -> {
            var folder = path(name, "scandir");
            var entries = new ArrayList<String>();
            try (var stream = Files.newDirectoryStream(folder)) {
                for (var entry : stream) {
                    var attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    int kind = attributes.isRegularFile()
                            ? 0
                            : attributes.isDirectory() ? 1 : attributes.isSymbolicLink() ? 2 : 3;
                    entries.add(entry.getFileName() + "\u0000" + kind);
                }
            }
            entries.sort(null);
            return entries.toArray(new String[0]);
        });
    }

    /** Makes a folder; recursively, returns the first folder it made (or undefined where all existed), as Node does. */
    @HostAccess.Export
    public Object mkdir(String name, boolean recursive) {
        return attempt("mkdir", name, () -> {
            var folder = path(name, "mkdir");
            if (!recursive) {
                Files.createDirectory(folder);
                return null;
            }
            Path first = null;
            for (var ancestor = folder; ancestor != null && !Files.exists(ancestor); ancestor = ancestor.getParent()) {
                first = ancestor;
            }
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new FileAlreadyExistsException(name);
            }
            Files.createDirectories(folder);
            return first == null ? null : first.toString();
        });
    }

    @HostAccess.Export
    public Object mkdtemp(String prefix) {
        return attempt("mkdtemp", prefix + "XXXXXX", () -> {
            var base = host.resolve(prefix + "x");
            var parent = files.permitted(base.getParent(), "mkdtemp");
            var random = new java.security.SecureRandom();
            var letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            for (int attempt = 0; attempt < 100; attempt++) {
                var suffix = new StringBuilder();
                for (int i = 0; i < 6; i++) {
                    suffix.append(letters.charAt(random.nextInt(letters.length())));
                }
                var candidate = parent.resolve(
                        Path.of(prefix + "x").getFileName().toString().replaceAll("x$", "") + suffix);
                try {
                    Files.createDirectory(candidate);
                    return candidate.toString();
                } catch (FileAlreadyExistsException taken) {
                    // another name
                }
            }
            throw new FileAlreadyExistsException(prefix);
        });
    }

    /** Removes a file, or a folder when {@code recursive}; {@code force} ignores a missing path. */
    @HostAccess.Export
    public Object rm(String name, boolean recursive, boolean force, String syscall) {
        return attempt(syscall, name, () -> {
            var target = path(name, syscall);
            if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (force) {
                    return null;
                }
                throw new NoSuchFileException(name);
            }
            boolean folder = Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS);
            if (syscall.equals("unlink") && folder) {
                throw new FileSystemException(name, null, "Is a directory");
            }
            if (syscall.equals("rmdir") && !folder) {
                throw new NotDirectoryException(name);
            }
            if (folder && syscall.equals("rm") && !recursive) {
                return fail("ERR_FS_EISDIR", -21, "rm", name, "Path is a directory");
            }
            if (folder && recursive) {
                Files.walkFileTree(target, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                        if (failure != null) {
                            throw failure;
                        }
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                Files.delete(target);
            }
            return null;
        });
    }

    @HostAccess.Export
    public Object rename(String from, String to) {
        return attempt("rename", from, () -> {
            Files.move(
                    path(from, "rename"),
                    path(to, "rename"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return null;
        });
    }

    @HostAccess.Export
    public Object copyFile(String from, String to, boolean exclusive) {
        return attempt("copyfile", from, () -> {
            if (exclusive) {
                Files.copy(path(from, "copyfile"), path(to, "copyfile"));
            } else {
                Files.copy(path(from, "copyfile"), path(to, "copyfile"), StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        });
    }

    /** Checks access as {@code access(2)} does: mode bits 4 read, 2 write, 1 execute (0: exists). */
    @HostAccess.Export
    public Object access(String name, int mode) {
        return attempt("access", name, () -> {
            var file = path(name, "access");
            if (!Files.exists(file)) {
                throw new NoSuchFileException(name);
            }
            if (((mode & 4) != 0 && !Files.isReadable(file))
                    || ((mode & 2) != 0 && !Files.isWritable(file))
                    || ((mode & 1) != 0 && !Files.isExecutable(file))) {
                throw new AccessDeniedException(name);
            }
            return null;
        });
    }

    @HostAccess.Export
    public Object realpath(String name) {
        return attempt(
                "realpath", name, () -> path(name, "realpath").toRealPath().toString());
    }

    @HostAccess.Export
    public Object readlink(String name) {
        return attempt(
                "readlink",
                name,
                () -> Files.readSymbolicLink(path(name, "readlink")).toString());
    }

    @HostAccess.Export
    public Object symlink(String target, String name) {
        return attempt("symlink", name, () -> {
            Files.createSymbolicLink(path(name, "symlink"), Path.of(target));
            return null;
        });
    }

    @HostAccess.Export
    public Object chmod(String name, int mode) {
        return attempt("chmod", name, () -> {
            Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
            var all = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, highest bit first
            for (int i = 0; i < all.length; i++) {
                if ((mode & (1 << (8 - i))) != 0) {
                    permissions.add(all[i]);
                }
            }
            Files.setPosixFilePermissions(path(name, "chmod"), permissions);
            return null;
        });
    }

    @HostAccess.Export
    public Object truncate(String name, double length) {
        return attempt("open", name, () -> {
            try (var channel = java.nio.channels.FileChannel.open(path(name, "open"), StandardOpenOption.WRITE)) {
                long size = channel.size();
                if ((long) length < size) {
                    channel.truncate((long) length);
                } else if ((long) length > size) {
                    channel.write(ByteBuffer.allocate((int) ((long) length - size)), size);
                }
            }
            return null;
        });
    }

    @HostAccess.Export
    public Object utimes(String name, double accessMillis, double modifiedMillis) {
        return attempt("utime", name, () -> {
            var view = Files.getFileAttributeView(
                    path(name, "utime"), java.nio.file.attribute.BasicFileAttributeView.class);
            view.setTimes(FileTime.fromMillis((long) modifiedMillis), FileTime.fromMillis((long) accessMillis), null);
            return null;
        });
    }

    /** Lists a folder tree's files for recursive readdir: paths relative to the folder, with kinds. */
    @HostAccess.Export
    public Object readdirRecursive(String name) {
        return attempt("scandir", name, () -> {
            var folder = path(name, "scandir");
            List<String> entries = new ArrayList<>();
            try (var walk = Files.walk(folder)) {
                walk.filter(entry -> !entry.equals(folder)).forEach(entry -> {
                    int kind = Files.isSymbolicLink(entry)
                            ? 2
                            : Files.isDirectory(entry) ? 1 : Files.isRegularFile(entry) ? 0 : 3;
                    entries.add(folder.relativize(entry) + "\u0000" + kind);
                });
            }
            return entries.toArray(new String[0]);
        });
    }
}
