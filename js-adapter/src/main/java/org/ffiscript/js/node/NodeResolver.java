package org.ffiscript.js.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Node's module resolution: {@code require} as Node's modules documentation gives the algorithm (files with .js,
 * .json, .node, folders with package.json "main" or index.js, node_modules folders walking up, package "exports"
 * and "imports" with conditions, a package requiring itself by name) and {@code import} as its ES modules
 * documentation does (exact files, "exports" with the import condition, legacy "main", package type).
 *
 * <p>Written here because GraalJS's own CommonJS support ({@code js.commonjs-require}) resolves from one fixed
 * folder, refuses packages with "exports", has no {@code module.paths} and reports only "Cannot load module".
 */
public final class NodeResolver {
    static final List<String> REQUIRE_CONDITIONS = List.of("node", "require");
    static final List<String> IMPORT_CONDITIONS = List.of("node", "import");

    /** The kind of file a resolution found. */
    public enum Format {
        BUILTIN,
        COMMONJS,
        MODULE,
        JSON,
        ADDON
    }

    /** A resolved module: its file (or built-in name) and how it loads. */
    public record Resolved(String path, Format format) {}

    /** A request that names no module; {@code code} is Node's error code. */
    public static final class NotFound extends Exception {
        private static final long serialVersionUID = 1L;
        public final String code;
        public final List<String> searched;

        NotFound(String code, String message, List<String> searched) {
            super(message);
            this.code = code;
            this.searched = List.copyOf(searched);
        }
    }

    /** What the resolver reads: files as the script's file system lets it see them. */
    public interface Files {
        boolean isFile(Path path);

        boolean isDirectory(Path path);

        String readString(Path path) throws IOException;

        /** Why scripts may not read {@code path}, or null where they may. */
        String refusal(Path path);
    }

    private final Files files;
    private final Set<String> builtins;
    private final Map<Path, Object> packageJsons = new ConcurrentHashMap<>();
    private static final Object NO_PACKAGE_JSON = new Object();

    public NodeResolver(Files files, Set<String> builtins) {
        this.files = files;
        this.builtins = builtins;
    }

    /** Why a native addon cannot load, and what to do instead. */
    public static String addonMessage(String path) {
        return "Cannot load the native addon " + path
                + ": addons (.node files) are built against Node's C++ API, which "
                + "ffi-script does not have. Call the C library the addon wraps with load or define instead.";
    }

    // ---- require -------------------------------------------------------------------------------------------------

    /** Resolves {@code request} as {@code require} does from a module in {@code directory}. */
    public Resolved require(String request, Path directory) throws NotFound {
        var builtin = builtin(request);
        if (builtin != null) {
            return new Resolved(builtin, Format.BUILTIN);
        }
        if (request.isEmpty()) {
            throw new NotFound(
                    "ERR_INVALID_ARG_VALUE", "The argument 'id' must be a non-empty string. Received ''", List.of());
        }
        var searched = new ArrayList<String>();
        if (isPathRequest(request)) {
            var target = directory.resolve(request).normalize();
            var refusal = files.refusal(target);
            if (refusal != null) { // said, rather than "not found": the script named this path itself
                throw new NotFound("EACCES", refusal, List.of());
            }
            var found = loadAsFile(target);
            if (found == null) {
                found = loadAsDirectory(target);
            }
            if (found != null) {
                return found;
            }
            searched.add(target.toString());
        } else if (request.startsWith("#")) {
            var scope = packageScope(directory);
            if (scope != null) {
                var target = packageImports(request, scope, REQUIRE_CONDITIONS);
                if (target != null) {
                    return commonJsTarget(target, request);
                }
            }
        } else {
            var self = packageSelf(request, directory, REQUIRE_CONDITIONS);
            if (self != null) {
                return commonJsTarget(self, request);
            }
            for (var folder : nodeModulePaths(directory)) {
                var modules = Path.of(folder);
                searched.add(folder);
                if (!files.isDirectory(modules)) {
                    continue;
                }
                var exported = packageExports(request, modules, REQUIRE_CONDITIONS);
                if (exported != null) {
                    return commonJsTarget(exported, request);
                }
                var target = modules.resolve(request).normalize();
                var found = loadAsFile(target);
                if (found == null) {
                    found = loadAsDirectory(target);
                }
                if (found != null) {
                    return found;
                }
            }
        }
        throw new NotFound("MODULE_NOT_FOUND", "Cannot find module '" + request + "'", searched);
    }

    private static boolean isPathRequest(String request) {
        return request.startsWith("./")
                || request.startsWith("../")
                || request.startsWith("/")
                || request.equals(".")
                || request.equals("..");
    }

    /** A built-in's name, without "node:", if {@code request} names one. */
    public String builtin(String request) {
        if (request.startsWith("node:")) {
            var name = request.substring(5);
            return builtins.contains(name) ? name : null;
        }
        return builtins.contains(request) ? request : null;
    }

    private Resolved commonJsTarget(Path target, String request) throws NotFound {
        if (!files.isFile(target)) {
            throw new NotFound(
                    "MODULE_NOT_FOUND",
                    "Cannot find module '" + target + "' (the package's \"exports\" for '" + request
                            + "' names it, and it does not exist)",
                    List.of(target.toString()));
        }
        return new Resolved(target.toString(), requireFormatOf(target));
    }

    private Resolved loadAsFile(Path target) {
        if (files.isFile(target)) {
            return new Resolved(target.toString(), requireFormatOf(target));
        }
        for (var extension : new String[] {".js", ".json", ".node"}) {
            var candidate = target.resolveSibling(target.getFileName() + extension);
            if (target.getFileName() != null && files.isFile(candidate)) {
                return new Resolved(candidate.toString(), requireFormatOf(candidate));
            }
        }
        return null;
    }

    private Resolved loadIndex(Path folder) {
        for (var index : new String[] {"index.js", "index.json", "index.node"}) {
            var candidate = folder.resolve(index);
            if (files.isFile(candidate)) {
                return new Resolved(candidate.toString(), requireFormatOf(candidate));
            }
        }
        return null;
    }

    private Resolved loadAsDirectory(Path folder) {
        if (!files.isDirectory(folder)) {
            return null;
        }
        var json = packageJson(folder);
        if (json != null && json.get("main") instanceof String main && !main.isEmpty()) {
            var target = folder.resolve(main).normalize();
            var found = loadAsFile(target);
            if (found == null) {
                found = loadIndex(target);
            }
            if (found == null) {
                found = loadIndex(folder); // deprecated in Node, still done
            }
            return found;
        }
        return loadIndex(folder);
    }

    /** The node_modules folders searched from {@code directory}: Node's {@code module.paths}. */
    public static List<String> nodeModulePaths(Path directory) {
        var paths = new ArrayList<String>();
        for (var folder = directory.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            if (folder.getFileName() != null && folder.getFileName().toString().equals("node_modules")) {
                continue;
            }
            paths.add(folder.resolve("node_modules").toString());
        }
        return paths;
    }

    // ---- import --------------------------------------------------------------------------------------------------

    /** Resolves an ES module specifier (not a URL) imported by a module in {@code directory}. */
    public Resolved importing(String specifier, Path directory) throws NotFound {
        var builtin = builtin(specifier);
        if (builtin != null) {
            return new Resolved(builtin, Format.BUILTIN);
        }
        Path target;
        if (isPathRequest(specifier)) {
            target = directory.resolve(specifier).normalize();
        } else if (specifier.startsWith("#")) {
            var scope = packageScope(directory);
            target = scope == null ? null : packageImports(specifier, scope, IMPORT_CONDITIONS);
        } else {
            target = packageResolve(specifier, directory);
        }
        if (target == null || !files.isFile(target)) {
            var message = target != null && files.isDirectory(target)
                    ? "Directory import '" + target + "' is not supported resolving ES modules"
                    : "Cannot find " + (isPathRequest(specifier) ? "module '" + target : "package '" + specifier) + "'";
            throw new NotFound(
                    target != null && files.isDirectory(target) ? "ERR_UNSUPPORTED_DIR_IMPORT" : "ERR_MODULE_NOT_FOUND",
                    message,
                    isPathRequest(specifier) ? List.of() : nodeModulePaths(directory));
        }
        return new Resolved(target.toString(), esmFormatOf(target));
    }

    private Path packageResolve(String specifier, Path directory) throws NotFound {
        var self = packageSelf(specifier, directory, IMPORT_CONDITIONS);
        if (self != null) {
            return self;
        }
        var name = packageName(specifier);
        var subpath = specifier.substring(name.length());
        for (var folder : nodeModulePaths(directory)) {
            var root = Path.of(folder).resolve(name);
            if (!files.isDirectory(root)) {
                continue;
            }
            var json = packageJson(root);
            if (json != null && json.containsKey("exports") && json.get("exports") != null) {
                return exportsResolve(root, "." + subpath, json.get("exports"), IMPORT_CONDITIONS, specifier);
            }
            if (subpath.isEmpty()) {
                return legacyMain(root, json);
            }
            return root.resolve(subpath.substring(1)).normalize();
        }
        return null;
    }

    private Path legacyMain(Path root, Map<String, Object> json) {
        if (json != null && json.get("main") instanceof String main && !main.isEmpty()) {
            var found = loadAsFile(root.resolve(main).normalize());
            if (found == null) {
                found = loadIndex(root.resolve(main).normalize());
            }
            if (found != null) {
                return Path.of(found.path());
            }
        }
        var index = loadIndex(root);
        return index == null ? null : Path.of(index.path());
    }

    // ---- packages ------------------------------------------------------------------------------------------------

    private static String packageName(String request) {
        int slash = request.indexOf('/');
        if (request.startsWith("@") && slash > 0) {
            int second = request.indexOf('/', slash + 1);
            return second < 0 ? request : request.substring(0, second);
        }
        return slash < 0 ? request : request.substring(0, slash);
    }

    /** "exports" of the package {@code request} names under a node_modules folder; null where it has none. */
    private Path packageExports(String request, Path modules, List<String> conditions) throws NotFound {
        var name = packageName(request);
        var root = modules.resolve(name);
        var json = packageJson(root);
        if (json == null || json.get("exports") == null) {
            return null;
        }
        return exportsResolve(root, "." + request.substring(name.length()), json.get("exports"), conditions, request);
    }

    /** A package requiring or importing itself by its own name, through its "exports". */
    private Path packageSelf(String request, Path directory, List<String> conditions) throws NotFound {
        var scope = packageScope(directory);
        if (scope == null) {
            return null;
        }
        var json = packageJson(scope);
        if (json == null || json.get("exports") == null || !(json.get("name") instanceof String name)) {
            return null;
        }
        if (!request.equals(name) && !request.startsWith(name + "/")) {
            return null;
        }
        return exportsResolve(scope, "." + request.substring(name.length()), json.get("exports"), conditions, request);
    }

    /** The folder of the nearest package.json at or above {@code directory}, not looking into node_modules' parent. */
    private Path packageScope(Path directory) {
        for (var folder = directory.toAbsolutePath().normalize(); folder != null; folder = folder.getParent()) {
            if (folder.getFileName() != null && folder.getFileName().toString().equals("node_modules")) {
                return null;
            }
            if (packageJson(folder) != null) {
                return folder;
            }
        }
        return null;
    }

    private Path exportsResolve(Path root, String subpath, Object exports, List<String> conditions, String request)
            throws NotFound {
        Object target = null;
        String match = null;
        boolean found = false;
        if (exports instanceof Map<?, ?> map
                && !map.isEmpty()
                && map.keySet().iterator().next().toString().startsWith(".")) {
            if (map.containsKey(subpath) && !subpath.contains("*")) {
                target = map.get(subpath);
                found = true;
            } else {
                String bestKey = null;
                for (var key : map.keySet()) {
                    var pattern = key.toString();
                    int star = pattern.indexOf('*');
                    if (star < 0 || pattern.indexOf('*', star + 1) >= 0) {
                        continue;
                    }
                    var prefix = pattern.substring(0, star);
                    var suffix = pattern.substring(star + 1);
                    if (subpath.startsWith(prefix)
                            && subpath.length() >= pattern.length() - 1
                            && subpath.endsWith(suffix)
                            && (bestKey == null || patternOrder(pattern, bestKey) < 0)) {
                        bestKey = pattern;
                        match = subpath.substring(prefix.length(), subpath.length() - suffix.length());
                    }
                }
                if (bestKey != null) {
                    target = map.get(bestKey);
                    found = true;
                }
            }
        } else if (subpath.equals(".")) {
            target = exports;
            found = true;
        }
        var resolved = found ? targetResolve(root, target, match, conditions) : null;
        if (resolved == null) {
            throw new NotFound(
                    "ERR_PACKAGE_PATH_NOT_EXPORTED",
                    subpath.equals(".")
                            ? "No \"exports\" main defined in " + root.resolve("package.json")
                            : "Package subpath '" + subpath + "' is not defined by \"exports\" in "
                                    + root.resolve("package.json"),
                    List.of(root.toString()));
        }
        return resolved;
    }

    /** Node's PATTERN_KEY_COMPARE: the longer prefix before the star wins, then the longer key. */
    private static int patternOrder(String a, String b) {
        int prefixA = a.indexOf('*');
        int prefixB = b.indexOf('*');
        if (prefixA != prefixB) {
            return prefixA > prefixB ? -1 : 1;
        }
        return Integer.compare(b.length(), a.length());
    }

    private Path packageImports(String request, Path scope, List<String> conditions) throws NotFound {
        var json = packageJson(scope);
        if (json != null && json.get("imports") instanceof Map<?, ?> imports) {
            if (imports.containsKey(request)) {
                var resolved = targetResolve(scope, imports.get(request), null, conditions);
                if (resolved != null) {
                    return resolved;
                }
            }
        }
        throw new NotFound(
                "ERR_PACKAGE_IMPORT_NOT_DEFINED",
                "Package import specifier \"" + request + "\" is not defined in " + scope.resolve("package.json"),
                List.of(scope.toString()));
    }

    private Path targetResolve(Path root, Object target, String match, List<String> conditions) throws NotFound {
        if (target instanceof String text) {
            if (!text.startsWith("./")) {
                throw new NotFound(
                        "ERR_INVALID_PACKAGE_TARGET",
                        "Invalid \"exports\" target \"" + text + "\" in " + root.resolve("package.json"),
                        List.of());
            }
            var path = match == null ? text : text.replace("*", match);
            return root.resolve(path.substring(2)).normalize();
        }
        if (target instanceof List<?> list) {
            NotFound last = null;
            for (var item : list) {
                try {
                    var resolved = targetResolve(root, item, match, conditions);
                    if (resolved != null) {
                        return resolved;
                    }
                } catch (NotFound e) {
                    last = e;
                }
            }
            if (last != null) {
                throw last;
            }
            return null;
        }
        if (target instanceof Map<?, ?> map) {
            for (var entry : map.entrySet()) {
                var key = entry.getKey().toString();
                if (key.equals("default") || conditions.contains(key)) {
                    var resolved = targetResolve(root, entry.getValue(), match, conditions);
                    if (resolved != null) {
                        return resolved;
                    }
                }
            }
            return null;
        }
        return null;
    }

    /** A folder's package.json, parsed once; null where there is none. A malformed one is an error naming it. */
    @SuppressWarnings("unchecked")
    Map<String, Object> packageJson(Path folder) {
        var json = packageJsons.computeIfAbsent(folder, key -> {
            var file = key.resolve("package.json");
            if (!files.isFile(file)) {
                return NO_PACKAGE_JSON;
            }
            try {
                return Json.parse(files.readString(file)) instanceof Map<?, ?> map ? map : NO_PACKAGE_JSON;
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid package config " + file + ": " + e.getMessage(), e);
            }
        });
        return json == NO_PACKAGE_JSON ? null : (Map<String, Object>) json;
    }

    /** A file's format where its extension decides it (.mjs, .cjs, .json, .node); null where its package does. */
    private static Format byExtension(Path file) {
        var name = file.getFileName().toString();
        if (name.endsWith(".mjs")) {
            return Format.MODULE;
        }
        if (name.endsWith(".cjs")) {
            return Format.COMMONJS;
        }
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        return name.endsWith(".node") ? Format.ADDON : null;
    }

    /** The nearest package.json's "type": an ES module for "module", CommonJS otherwise. */
    private Format packageType(Path file) {
        var scope = packageScope(file.getParent());
        var json = scope == null ? null : packageJson(scope);
        return json != null && "module".equals(json.get("type")) ? Format.MODULE : Format.COMMONJS;
    }

    /** How {@code import} loads a file: by extension, otherwise by its package's "type". */
    public Format esmFormatOf(Path file) {
        var format = byExtension(file);
        return format != null ? format : packageType(file);
    }

    /**
     * How {@code require} loads a file: by extension; a .js file by its package's "type" (the bundled packages are
     * all CommonJS); any other file as CommonJS.
     */
    public Format requireFormatOf(Path file) {
        var format = byExtension(file);
        if (format != null) {
            return format;
        }
        return file.getFileName().toString().endsWith(".js") && !BundledPackages.contains(file)
                ? packageType(file)
                : Format.COMMONJS;
    }
}
