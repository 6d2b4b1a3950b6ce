// ffi-script's JavaScript prelude: Node's module system (require, module, built-in modules loaded on first use, the
// ffi-rs module among them: node/ffi-rs.js) and the globals Node gives every script (process, console, timers, Buffer).
// Evaluated once per context; the bridge, the services and the host stay in this closure, out of the scripts' reach.
(function () {
  'use strict';

  function install(bridge, services, modules, host, options) {
    const api = JSON.parse(options.api); // the engine's API table: the ffi-rs module's codes and functions

    // ---- modules ------------------------------------------------------------------------------------------------

    // Shared with the built-in modules written here (node/*.js), passed to them as `internals`; never to scripts.
    const internals = {
      host,
      services,
      bridge,
      api,
      isPointer: (value) => bridge.isPointer(value),
      describePointer: (value) => bridge.describe(value),
      isBuffer: (value) => builtinExports.buffer !== undefined && value instanceof builtinExports.buffer.Buffer,
      isDeepEqual: (a, b, strict) => internal('deep_equal')(a, b, strict),
      emitExit,
      bundled: (name) => bundled(name),
      bufferOver: (byteBuffer) => bufferOver(byteBuffer),
      nativeBuffer: (size) => nativeBuffer(size),
      nativeMemoryOf: (arrayBuffer) => nativeMemory.get(arrayBuffer),
    };

    // Built-ins: written here (node/NAME.js), a bundled npm package (from a WebJar, unchanged), or made in place.
    // Each loads on its first require: a script pays only for what it uses.
    const builtinLoaders = {
      'ffi-rs': () => internal('ffi-rs'),
      assert: () => internal('assert'),
      'assert/strict': () => internal('assert').strict,
      buffer: () => internal('buffer'),
      child_process: () => internal('child_process'),
      console: () => internal('console'),
      crypto: () => internal('crypto'),
      tty: () => internal('tty'),
      events: () => {
        const events = bundled('events');
        events.EventEmitter = events; // Node's module is the class and has it as a member too
        return events;
      },
      fs: () => internal('fs'),
      'fs/promises': () => internal('fs').promises,
      module: () => Module,
      os: () => internal('os'),
      path: () => internal('path'),
      'path/posix': () => internal('path'),
      perf_hooks: () => ({ performance: globalThis.performance }),
      process: () => process,
      punycode: () => bundled('punycode'),
      querystring: () => bundled('querystring-es3'),
      readline: () => internal('readline'),
      'readline/promises': () => internal('readline').promises,
      stream: () => internal('stream'),
      string_decoder: () => bundled('string_decoder'),
      timers: () => internal('timers'),
      'timers/promises': () => internal('timers_promises'),
      url: () => internal('url'),
      util: () => internal('util'),
      'util/types': () => internal('util').types,
    };
    const builtinExports = Object.create(null);

    function builtin(name) {
      let exports = builtinExports[name];
      if (exports === undefined) {
        exports = builtinLoaders[name]();
        builtinExports[name] = exports;
      }
      return exports;
    }

    const internalModules = Object.create(null);

    // A built-in written here: a CommonJS module that also sees `internals`.
    function internal(name) {
      let module = internalModules[name];
      if (module === undefined) {
        module = new Module('node:' + name, null);
        module.filename = 'node:' + name;
        internalModules[name] = module; // before it runs: built-ins that require each other get the partial exports
        let loaded = false;
        try {
          const compiled = modules.compileInternal(name);
          compiled.call(module.exports, module.exports, makeRequire(module), module, module.filename, '.', internals);
          loaded = true;
        } finally {
          // A load that failed (a stack overflow where a script first touched Buffer, say) is tried again next time
          // rather than leaving a half-made module for the rest of the run.
          if (!loaded) delete internalModules[name];
        }
        module.loaded = true;
      }
      return module.exports;
    }

    const bundledParent = { filename: options.bundledRoot + '/.ffi-script', id: '<bundled>', paths: [], children: [] };

    // A bundled package's main module, required as a package (the trailing slash skips the built-in of that name).
    function bundled(name) {
      return requireFrom(bundledParent, name + '/');
    }

    class Module {
      constructor(id = '', parent) {
        this.id = id;
        this.path = id === '' || id.startsWith('node:') ? '.' : modules.directoryOf(id);
        this.exports = {};
        this.filename = null;
        this.loaded = false;
        this.children = [];
        this.paths = [];
        Object.defineProperty(this, 'parent', { value: parent, writable: true, enumerable: false });
        if (parent && parent.children) parent.children.push(this);
      }

      require(request) {
        return requireFrom(this, request);
      }
    }
    Module._cache = Object.create(null);
    Module.builtinModules = Object.keys(builtinLoaders).filter((name) => name !== 'ffi-rs');
    Module.isBuiltin = (name) => modules.isBuiltin(String(name));
    Module.createRequire = (filename) => {
      const path = String(filename).startsWith('file:') ? modules.fileUrlToPath(String(filename)) : String(filename);
      const module = new Module(path, null);
      module.filename = path;
      module.path = modules.directoryOf(path);
      module.paths = modules.modulePaths(modules.directoryOf(path)).split('\u0000');
      return makeRequire(module);
    };
    Module.Module = Module;

    function requireStack(module) {
      const stack = [];
      for (let m = module; m && m.filename; m = m.parent) stack.push(m.filename);
      return stack;
    }

    function notFound(resolution, request, parent) {
      const [, code, message, searched] = resolution.split('\u0000');
      const stack = requireStack(parent).filter((name) => !name.startsWith('node:') && !name.startsWith(options.bundledRoot));
      let text = message;
      if (code === 'MODULE_NOT_FOUND') {
        if (stack.length > 0) text += '\nRequire stack:\n- ' + stack.join('\n- ');
        if (searched) text += '\nLooked in: ' + searched.split('\u0001').join(', ');
      }
      const error = new Error(text);
      error.code = code;
      if (code === 'MODULE_NOT_FOUND') error.requireStack = stack;
      return error;
    }

    function resolveFrom(parent, request) {
      if (typeof request !== 'string') {
        const error = new TypeError('The "id" argument must be of type string. Received ' + internal('util').inspect(request));
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
      }
      const directory = parent.filename ? modules.directoryOf(parent.filename) : host.cwd();
      const resolution = modules.resolve(request, directory);
      if (resolution.charCodeAt(0) === 0) throw notFound(resolution, request, parent);
      return resolution;
    }

    function requireFrom(parent, request) {
      const resolution = resolveFrom(parent, request);
      const colon = resolution.indexOf(':');
      const format = resolution.slice(0, colon);
      const path = resolution.slice(colon + 1);
      if (format === 'BUILTIN') return builtin(path);
      const cached = Module._cache[path];
      if (cached !== undefined) {
        if (parent.children && !parent.children.includes(cached)) parent.children.push(cached);
        return cached.exports;
      }
      if (format === 'ADDON') {
        const error = new Error(modules.addonMessage(path));
        error.code = 'ERR_DLOPEN_FAILED';
        throw error;
      }
      if (format === 'MODULE') {
        // require() of an ES module, as Node 20.19+ does it: evaluated at once, its namespace returned; one with a
        // top-level await cannot finish synchronously and is refused as Node refuses it.
        const namespace = modules.evaluateModule(path);
        if (namespace === undefined) {
          const error = new Error('require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.\n  From ' + (parent.filename || '<eval>') + '\n  Requiring ' + path);
          error.code = 'ERR_REQUIRE_ASYNC_MODULE';
          throw error;
        }
        const module = new Module(path, parent);
        module.filename = path;
        // a module may say what require gives with an export named 'module.exports'; otherwise its namespace
        module.exports = Object.prototype.hasOwnProperty.call(namespace, 'module.exports') ? namespace['module.exports'] : namespace;
        module.loaded = true;
        Module._cache[path] = module;
        return module.exports;
      }
      const module = new Module(path, parent);
      return loadModule(module, path, format, undefined).exports;
    }

    function loadModule(module, path, format, source) {
      module.filename = path;
      module.path = modules.directoryOf(path);
      module.paths = modules.modulePaths(modules.directoryOf(path)).split('\u0000');
      Module._cache[path] = module;
      let threw = true;
      try {
        const text = source !== undefined ? source : modules.readText(path);
        if (format === 'JSON') {
          try {
            module.exports = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
          } catch (error) {
            error.message = path + ': ' + error.message;
            throw error;
          }
        } else {
          const compiled = modules.compile(text, path);
          compiled.call(module.exports, module.exports, makeRequire(module), module, path, modules.directoryOf(path));
        }
        threw = false;
      } finally {
        if (threw) delete Module._cache[path];
      }
      module.loaded = true;
      return module;
    }

    function makeRequire(module) {
      const require = (request) => requireFrom(module, request);
      require.resolve = (request, options) => {
        if (options && Array.isArray(options.paths)) {
          for (const base of options.paths) {
            const resolution = modules.resolve(request, modules.resolvePath(host.cwd(), base));
            if (resolution.charCodeAt(0) !== 0) return resolution.slice(resolution.indexOf(':') + 1);
          }
        }
        const resolution = resolveFrom(module, request);
        return resolution.slice(resolution.indexOf(':') + 1);
      };
      require.resolve.paths = (request) => (modules.isBuiltin(request) ? null
        : modules.modulePaths(module.filename ? modules.directoryOf(module.filename) : host.cwd()).split('\u0000'));
      require.cache = Module._cache;
      require.main = mainModule;
      return require;
    }

    let mainModule;

    // The ES module standing for a built-in or a CommonJS file when imported: its default export is what require
    // gives, and each of its own enumerable properties is a named export as well.
    function esmFacade(id) {
      const name = id.startsWith('builtin:') ? id.slice(8) : undefined;
      const exports = name !== undefined ? builtin(name) : requireFrom(mainModule || bundledParent, id);
      const names = [];
      if ((typeof exports === 'object' && exports !== null) || typeof exports === 'function') {
        for (const key of Object.keys(exports)) {
          if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) && key !== 'default' && !RESERVED.has(key)) names.push(key);
        }
      }
      const source = name !== undefined
        ? `const m = globalThis[Symbol.for('ffi-script.builtin')](${JSON.stringify(name)});\n`
        : `const m = globalThis[Symbol.for('ffi-script.require')](${JSON.stringify(id)});\n`;
      return source + (names.length > 0 ? `export const { ${names.join(', ')} } = m;\n` : '') + 'export default m;\n';
    }
    const RESERVED = new Set(['await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'delete',
      'do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import',
      'in', 'instanceof', 'interface', 'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return',
      'static', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield']);
    Object.defineProperty(globalThis, Symbol.for('ffi-script.builtin'), { value: builtin });
    Object.defineProperty(globalThis, Symbol.for('ffi-script.require'),
      { value: (path) => requireFrom(mainModule || bundledParent, path) });

    // ArrayBuffers whose bytes are native memory, and the host's direct ByteBuffer over it: a Buffer on one passes to
    // C as that memory's address, with nothing copied, and C may keep the address while the script holds the Buffer.
    const nativeMemory = new WeakMap();

    // A Buffer over a host ByteBuffer's memory, without copying: how buffer@6 makes its own, a Uint8Array whose
    // prototype is Buffer's. A direct ByteBuffer becomes a direct ArrayBuffer, which GraalJS indexes as raw memory.
    function bufferOver(byteBuffer) {
      let view;
      if (host.isDirect(byteBuffer)) {
        const memory = new ArrayBuffer(byteBuffer);
        nativeMemory.set(memory, byteBuffer);
        view = new Uint8Array(memory);
      } else {
        view = new Uint8Array(byteBuffer);
      }
      Object.setPrototypeOf(view, builtin('buffer').Buffer.prototype);
      return view;
    }

    // A zero-filled Buffer in native memory, freed once neither the script nor C's side of a call holds it.
    function nativeBuffer(size) {
      return bufferOver(host.nativeMemory(size));
    }

    // ---- process -------------------------------------------------------------------------------------------------

    // process: what Node's gives, read from the system. Its events ('exit', 'beforeExit') use a small emitter of
    // its own, so that scripts which never require 'events' do not load it at start-up.
    const listeners = new Map();
    let exiting = false;
    function emitExit(code) {
      if (exiting) return process.exitCode | 0;
      exiting = true;
      if (code !== undefined) process.exitCode = code;
      process.emit('exit', process.exitCode | 0);
      return process.exitCode | 0;
    }
    // process.env is copied from the system when first read: most scripts never do.
    let environment;
    // No host call at start-up: the first call on the host object costs GraalJS a reflective look at all its
    // methods, which a script that never asks for these facts should not pay. They are read on first use.
    const startMillis = Date.now();
    let startNanos;
    const sinceStartNanos = () => {
      const now = host.nanoTime();
      if (startNanos === undefined) startNanos = now - (Date.now() - startMillis) * 1e6;
      return now - startNanos;
    };
    // A property computed on first read (or replaced by a write), after which it is a plain value: Node's lazy
    // globals and the process facts that cost a host call.
    function lazyProperty(target, name, load, enumerable) {
      const settle = (value) => {
        Object.defineProperty(target, name, { value, writable: true, enumerable, configurable: true });
        return value;
      };
      Object.defineProperty(target, name, { get: () => settle(load()), set: settle, enumerable, configurable: true });
    }
    const process = {
      get env() {
        if (environment === undefined) environment = services.environment();
        return environment;
      },
      set env(value) {
        environment = value;
      },
      argv: services.arguments(),
      argv0: 'ffi-script',
      get execPath() { return host.execPath(); },
      title: 'ffi-script',
      get ppid() { return host.ppid(); },
      version: 'v20.0.0',
      versions: { node: '20.0.0', 'ffi-script': '0.1.0' },
      release: { name: 'node' },
      features: {},
      config: { variables: {} },
      exitCode: undefined,
      exit: (code) => {
        services.exit(emitExit(code === undefined ? undefined : code));
      },
      abort: () => services.exit(134),
      cwd: () => host.cwd(),
      chdir: (directory) => host.chdir(String(directory)),
      umask: () => 0o22,
      uptime: () => sinceStartNanos() / 1e9,
      hrtime: Object.assign((previous) => {
        const now = host.nanoTime();
        let seconds = Math.floor(now / 1e9);
        let nanos = now - seconds * 1e9;
        if (previous) {
          seconds -= previous[0];
          nanos -= previous[1];
          if (nanos < 0) { seconds--; nanos += 1e9; }
        }
        return [seconds, nanos];
      }, { bigint: () => BigInt(host.nanoTime()) }),
      memoryUsage: Object.assign(() => {
        const usage = host.memoryUsage();
        return { rss: usage[0], heapTotal: usage[1], heapUsed: usage[2], external: usage[3], arrayBuffers: 0 };
      }, { rss: () => host.memoryUsage()[0] }),
      cpuUsage: () => ({ user: host.cpuMicros(), system: 0 }),
      nextTick: (fn, ...args) => { queueMicrotask(() => fn(...args)); },
      emitWarning: (warning, type, code) => {
        const name = typeof type === 'string' ? type : (type && type.type) || (warning && warning.name) || 'Warning';
        const text = warning instanceof Error ? warning.message : String(warning);
        services.print(`(ffi-script:${host.pid()}) ${code ? '[' + code + '] ' : ''}${name}: ${text}`, true);
      },
      stdout: { write: (chunk, encoding, callback) => writeTo(false, chunk, encoding, callback), get isTTY() { return host.isatty(1); }, fd: 1 },
      get stdin() {
        const stdin = internal('stdin');
        Object.defineProperty(process, 'stdin', { value: stdin, configurable: true, enumerable: true });
        return stdin;
      },
      stderr: { write: (chunk, encoding, callback) => writeTo(true, chunk, encoding, callback), get isTTY() { return host.isatty(2); }, fd: 2 },
      on(event, listener) {
        if (!listeners.has(event)) listeners.set(event, []);
        listeners.get(event).push(listener);
        return process;
      },
      once(event, listener) {
        const once = (...args) => { process.off(event, once); listener(...args); };
        once.listener = listener;
        return process.on(event, once);
      },
      off(event, listener) {
        const list = listeners.get(event);
        if (list) {
          const index = list.findIndex((item) => item === listener || item.listener === listener);
          if (index >= 0) list.splice(index, 1);
        }
        return process;
      },
      emit(event, ...args) {
        const list = listeners.get(event);
        if (!list || list.length === 0) return false;
        for (const listener of list.slice()) listener.apply(process, args);
        return true;
      },
      listeners: (event) => (listeners.get(event) || []).map((item) => item.listener || item),
      listenerCount: (event) => (listeners.get(event) || []).length,
      removeAllListeners(event) {
        if (event === undefined) listeners.clear(); else listeners.delete(event);
        return process;
      },
    };
    lazyProperty(process, 'execArgv', () => Array.from(host.execArgv()), true);
    lazyProperty(process, 'platform', () => host.platform(), true);
    lazyProperty(process, 'arch', () => host.arch(), true);
    lazyProperty(process, 'pid', () => host.pid(), true);
    lazyProperty(process.versions, 'graaljs', () => host.graalVersion(), true);
    process.addListener = process.on;
    process.removeListener = process.off;
    process.prependListener = process.on;

    function writeTo(toStandardError, chunk, encoding, callback) {
      const text = typeof chunk === 'string' ? chunk : internals.isBuffer(chunk) || chunk instanceof Uint8Array
        ? builtin('buffer').Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString(typeof encoding === 'string' ? encoding : 'utf8')
        : String(chunk);
      host.write(text, toStandardError);
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(done);
      return true;
    }

    // ---- globals -------------------------------------------------------------------------------------------------

    // Globals that need a module load happen on first read, as Node's own lazy globals do.
    function lazyGlobal(name, load) {
      lazyProperty(globalThis, name, load, false);
    }

    lazyGlobal('Buffer', () => builtin('buffer').Buffer);
    lazyGlobal('TextEncoder', () => internal('text').TextEncoder);
    lazyGlobal('TextDecoder', () => internal('text').TextDecoder);
    lazyGlobal('URL', () => internal('url').URL);
    lazyGlobal('URLSearchParams', () => internal('url').URLSearchParams);
    lazyGlobal('atob', () => internal('text').atob);
    lazyGlobal('btoa', () => internal('text').btoa);
    lazyGlobal('structuredClone', () => internal('text').structuredClone);
    lazyGlobal('AbortController', () => bundled('abort-controller').AbortController);
    lazyGlobal('AbortSignal', () => bundled('abort-controller').AbortSignal);
    lazyGlobal('EventTarget', () => bundled('event-target-shim').EventTarget);
    lazyGlobal('Event', () => bundled('event-target-shim').Event);
    lazyGlobal('crypto', () => internal('crypto').webcrypto);
    lazyGlobal('performance', () => ({
      timeOrigin: startMillis,
      now: () => sinceStartNanos() / 1e6,
      mark: () => undefined,
      measure: () => undefined,
      toJSON() { return { timeOrigin: this.timeOrigin }; },
    }));

    globalThis.queueMicrotask = (fn) => {
      if (typeof fn !== 'function') {
        const error = new TypeError('The "callback" argument must be of type function. Received ' + typeof fn);
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
      }
      Promise.resolve().then(fn);
    };
    // Timers and the console load on first use, as Node's own lazy globals do.
    for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']) {
      lazyProperty(globalThis, name, () => internal('timers')[name], true);
    }
    lazyProperty(globalThis, 'console', () => internal('console'), true);
    globalThis.process = process;
    Object.defineProperty(globalThis, 'global', { value: globalThis, writable: true, configurable: true });
    if (options.exposeGc) globalThis.gc = () => host.gc();
    // ffi-rs's codes and functions are globals too, loading the module on first read, except `global` (an extern
    // variable's pointer), which would hide Node's `global`: scripts take it from the module.
    for (const name of Object.keys(api.codes).concat(api.functions)) {
      if (name !== 'global') lazyProperty(globalThis, name, () => internal('ffi-rs')[name], true);
    }
    const topRequire = makeRequire(new Module('', null));
    globalThis.require = topRequire;
    globalThis.module = undefined;

    return {
      runMain(path, source) {
        const module = new Module('.', null);
        mainModule = module;
        process.mainModule = module;
        const ended = loadModule(module, path, 'COMMONJS', source);
        return ended.exports;
      },
      esmFacade,
      emitExit,
      // The host ByteBuffer over a view's native memory (a slice for the view's bytes), or null for heap memory.
      nativeBacking(view) {
        const memory = nativeMemory.get(ArrayBuffer.isView(view) ? view.buffer : view);
        if (memory === undefined) return null;
        return ArrayBuffer.isView(view) ? host.slice(memory, view.byteOffset, view.byteLength) : memory;
      },
      allocBuffer: (size) => builtin('buffer').Buffer.alloc(size),
      bufferOver,
    };
  }

  return { install };
})()
