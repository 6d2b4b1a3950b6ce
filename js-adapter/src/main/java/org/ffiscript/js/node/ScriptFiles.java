package org.ffiscript.js.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ffiscript.engine.AccessPolicy;

/**
 * Files as a script sees them: the host's, where the access policy lets it read, and the bundled packages. The
 * module loader, the resolver and the {@code fs} module all read through here, so one policy governs them.
 */
public final class ScriptFiles implements NodeResolver.Files {
    private final AccessPolicy policy;

    public ScriptFiles(AccessPolicy policy) {
        this.policy = policy;
    }

    public AccessPolicy policy() {
        return policy;
    }

    /** The path itself, if the policy lets scripts touch it; otherwise the policy's refusal. */
    public Path permitted(Path path, String what) {
        var absolute = path.toAbsolutePath().normalize();
        if (!BundledPackages.contains(absolute)) {
            policy.checkRead(absolute, what);
        }
        return absolute;
    }

    @Override
    public String refusal(Path path) {
        if (BundledPackages.contains(path)) {
            return null;
        }
        try {
            policy.checkRead(path.toAbsolutePath().normalize(), "require");
            return null;
        } catch (org.ffiscript.engine.FfiException refused) {
            return refused.getMessage();
        }
    }

    @Override
    public boolean isFile(Path path) {
        if (BundledPackages.contains(path)) {
            return BundledPackages.isFile(path);
        }
        return policy.mayRead(path.toAbsolutePath().normalize()) && Files.isRegularFile(path);
    }

    @Override
    public boolean isDirectory(Path path) {
        if (BundledPackages.contains(path)) {
            return BundledPackages.isDirectory(path);
        }
        return policy.mayRead(path.toAbsolutePath().normalize()) && Files.isDirectory(path);
    }

    @Override
    public String readString(Path path) throws IOException {
        return new String(readBytes(path), StandardCharsets.UTF_8);
    }

    public byte[] readBytes(Path path) throws IOException {
        if (BundledPackages.contains(path)) {
            return BundledPackages.read(path);
        }
        return Files.readAllBytes(permitted(path, "read"));
    }
}
