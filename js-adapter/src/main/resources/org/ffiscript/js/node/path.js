// node:path for ffi-script: the npm package `path-browserify` (Node's POSIX path module, as a WebJar), with
// process.cwd() for resolve; `posix` and `win32` name it as Node's do (win32 paths are not supported here).
'use strict';

const path = internals.bundled('path-browserify');
path.posix = path;
path.win32 = new Proxy({}, {
  get(target, name) {
    throw new Error(`path.win32.${String(name)} is not supported by ffi-script: it runs on POSIX systems only`);
  },
});
path.toNamespacedPath = (p) => p;
module.exports = path;
