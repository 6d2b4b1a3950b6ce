// ffi-script's JavaScript prelude: the ffi-rs API over the engine's bridge, and the small part of Node.js that
// code written for ffi-rs relies on (require, module.exports, process, Buffer, console, timers, assert).
// Evaluated once per context; the bridge stays in this closure, out of the scripts' reach.
(function () {
  'use strict';

  // ---- Buffer: Node's Buffer as a Uint8Array subclass -------------------------------------------------------

  function utf8Encode(text) {
    const bytes = [];
    for (const character of text) {
      const cp = character.codePointAt(0);
      if (cp < 0x80) bytes.push(cp);
      else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
      else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
      else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    }
    return bytes;
  }

  function utf8Decode(bytes, start, end) {
    let text = '';
    for (let i = start; i < end;) {
      const b = bytes[i];
      let cp, size;
      if (b < 0x80) { cp = b; size = 1; }
      else if (b >= 0xf0 && i + 3 < end) { cp = ((b & 7) << 18) | ((bytes[i + 1] & 63) << 12) | ((bytes[i + 2] & 63) << 6) | (bytes[i + 3] & 63); size = 4; }
      else if (b >= 0xe0 && i + 2 < end) { cp = ((b & 15) << 12) | ((bytes[i + 1] & 63) << 6) | (bytes[i + 2] & 63); size = 3; }
      else if (b >= 0xc0 && i + 1 < end) { cp = ((b & 31) << 6) | (bytes[i + 1] & 63); size = 2; }
      else { cp = 0xfffd; size = 1; }
      text += String.fromCodePoint(cp);
      i += size;
    }
    return text;
  }

  const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

  class Buffer extends Uint8Array {
    static alloc(size, fill) {
      const buffer = new Buffer(size);
      if (fill !== undefined) buffer.fill(typeof fill === 'string' ? fill.charCodeAt(0) : fill);
      return buffer;
    }

    static allocUnsafe(size) {
      return new Buffer(size);
    }

    static from(value, encodingOrOffset, length) {
      if (typeof value === 'string') return Buffer.fromString(value, encodingOrOffset || 'utf8');
      if (value instanceof ArrayBuffer) {
        const offset = encodingOrOffset || 0;
        return new Buffer(value, offset, length === undefined ? value.byteLength - offset : length);
      }
      if (value !== null && typeof value === 'object' && typeof value.length === 'number') {
        const buffer = new Buffer(value.length);
        for (let i = 0; i < value.length; i++) buffer[i] = value[i];
        return buffer;
      }
      throw new TypeError('Buffer.from: expected a string, an array, a buffer or an ArrayBuffer');
    }

    static fromString(text, encoding) {
      switch (String(encoding).toLowerCase()) {
        case 'utf8': case 'utf-8': return Buffer.from(utf8Encode(text));
        case 'ascii': case 'latin1': case 'binary': return Buffer.from(Array.from(text, (c) => c.charCodeAt(0) & 255));
        case 'hex': {
          const buffer = new Buffer(text.length >> 1);
          for (let i = 0; i < buffer.length; i++) buffer[i] = parseInt(text.substr(i * 2, 2), 16);
          return buffer;
        }
        case 'base64': {
          const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
          const bytes = [];
          for (let i = 0; i < clean.length; i += 4) {
            const n = (BASE64.indexOf(clean[i]) << 18) | (BASE64.indexOf(clean[i + 1]) << 12)
              | ((BASE64.indexOf(clean[i + 2]) & 63) << 6) | (BASE64.indexOf(clean[i + 3]) & 63);
            bytes.push((n >> 16) & 255);
            if (clean[i + 2] !== undefined) bytes.push((n >> 8) & 255);
            if (clean[i + 3] !== undefined) bytes.push(n & 255);
          }
          return Buffer.from(bytes);
        }
        default: throw new TypeError('Unknown encoding: ' + encoding);
      }
    }

    static isBuffer(value) {
      return value instanceof Buffer;
    }

    static concat(list) {
      const buffer = new Buffer(list.reduce((total, item) => total + item.length, 0));
      let offset = 0;
      for (const item of list) { buffer.set(item, offset); offset += item.length; }
      return buffer;
    }

    toString(encoding, start, end) {
      start = start === undefined ? 0 : start;
      end = end === undefined ? this.length : Math.min(end, this.length);
      switch (String(encoding || 'utf8').toLowerCase()) {
        case 'utf8': case 'utf-8': return utf8Decode(this, start, end);
        case 'ascii': case 'latin1': case 'binary': {
          let text = '';
          for (let i = start; i < end; i++) text += String.fromCharCode(this[i]);
          return text;
        }
        case 'hex': {
          let text = '';
          for (let i = start; i < end; i++) text += (this[i] < 16 ? '0' : '') + this[i].toString(16);
          return text;
        }
        case 'base64': {
          let text = '';
          for (let i = start; i < end; i += 3) {
            const n = (this[i] << 16) | ((i + 1 < end ? this[i + 1] : 0) << 8) | (i + 2 < end ? this[i + 2] : 0);
            text += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63]
              + (i + 1 < end ? BASE64[(n >> 6) & 63] : '=') + (i + 2 < end ? BASE64[n & 63] : '=');
          }
          return text;
        }
        default: throw new TypeError('Unknown encoding: ' + encoding);
      }
    }

    equals(other) {
      if (this.length !== other.length) return false;
      for (let i = 0; i < this.length; i++) if (this[i] !== other[i]) return false;
      return true;
    }

    toJSON() {
      return { type: 'Buffer', data: Array.from(this) };
    }
  }

  // Node's numeric accessors (readInt32LE, writeDoubleBE, readBigUInt64LE, ...), for reading what C wrote.
  // Indexed loops: for...of and destructuring here would call GraalJS's array iterator often enough at start-up to
  // send it to the compiler, which then starts up beside every script.
  const accessors = [['Int8', 1, 'getInt8', 'setInt8'], ['UInt8', 1, 'getUint8', 'setUint8'],
    ['Int16', 2, 'getInt16', 'setInt16'], ['UInt16', 2, 'getUint16', 'setUint16'], ['Int32', 4, 'getInt32', 'setInt32'],
    ['UInt32', 4, 'getUint32', 'setUint32'], ['Float', 4, 'getFloat32', 'setFloat32'], ['Double', 8, 'getFloat64', 'setFloat64'],
    ['BigInt64', 8, 'getBigInt64', 'setBigInt64'], ['BigUInt64', 8, 'getBigUint64', 'setBigUint64']];
  for (let i = 0; i < accessors.length; i++) {
    const name = accessors[i][0], size = accessors[i][1], get = accessors[i][2], set = accessors[i][3];
    const checked = (buffer, offset) => {
      if (!Number.isInteger(offset) || offset < 0 || offset + size > buffer.length) {
        throw new RangeError(`The value of "offset" is out of range. It must be >= 0 and <= ${buffer.length - size}. Received ${offset}`);
      }
      return new DataView(buffer.buffer, buffer.byteOffset, buffer.length);
    };
    const endings = size === 1 ? [['', false]] : [['LE', true], ['BE', false]];
    for (let j = 0; j < endings.length; j++) {
      const suffix = endings[j][0], littleEndian = endings[j][1];
      Buffer.prototype['read' + name + suffix] = function (offset = 0) {
        return checked(this, offset)[get](offset, littleEndian);
      };
      Buffer.prototype['write' + name + suffix] = function (value, offset = 0) {
        checked(this, offset)[set](offset, value, littleEndian);
        return offset + size;
      };
    }
  }

  // ---- inspect and format, for console and assert ----------------------------------------------------------

  function install(bridge) {
    function inspect(value, depth, seen) {
      depth = depth === undefined ? 0 : depth;
      seen = seen || new Set();
      switch (typeof value) {
        case 'string': return depth === 0 ? value : "'" + value.replace(/'/g, "\\'") + "'";
        case 'bigint': return value + 'n';
        case 'function': return '[Function: ' + (value.name || 'anonymous') + ']';
        case 'undefined': return 'undefined';
        case 'object': break;
        default: return Object.is(value, -0) ? '-0' : String(value);
      }
      if (value === null) return 'null';
      if (bridge.isPointer(value)) return '[External: ' + bridge.describe(value) + ']';
      if (seen.has(value)) return '[Circular]';
      if (value instanceof Error) return value.stack || String(value);
      if (value instanceof Uint8Array) {
        const name = value instanceof Buffer ? 'Buffer' : 'Uint8Array';
        return '<' + name + Array.from(value.subarray(0, 50), (b) => ' ' + (b < 16 ? '0' : '') + b.toString(16)).join('')
          + (value.length > 50 ? ' ... ' + (value.length - 50) + ' more bytes' : '') + '>';
      }
      seen.add(value);
      try {
        if (Array.isArray(value)) {
          return value.length === 0 ? '[]' : '[ ' + value.map((item) => inspect(item, depth + 1, seen)).join(', ') + ' ]';
        }
        const keys = Object.keys(value);
        if (keys.length === 0) return '{}';
        return '{ ' + keys.map((key) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : "'" + key + "'") + ': '
          + inspect(value[key], depth + 1, seen)).join(', ') + ' }';
      } finally {
        seen.delete(value);
      }
    }

    function format(args) {
      if (args.length === 0) return '';
      let first = args[0];
      let rest = 1;
      if (typeof first === 'string' && first.includes('%')) {
        first = first.replace(/%[sdifjoO%]/g, (spec) => {
          if (spec === '%%') return '%';
          if (rest >= args.length) return spec;
          const value = args[rest++];
          switch (spec) {
            case '%s': return typeof value === 'string' ? value : inspect(value, 1);
            case '%d': case '%i': return typeof value === 'bigint' ? value + 'n' : String(spec === '%i' ? parseInt(value) : Number(value));
            case '%f': return String(parseFloat(value));
            case '%j': return JSON.stringify(value);
            default: return inspect(value, 1);
          }
        });
      } else {
        first = inspect(first);
      }
      const parts = [first];
      for (let i = rest; i < args.length; i++) parts.push(inspect(args[i]));
      return parts.join(' ');
    }

    // ---- the ffi-rs API ------------------------------------------------------------------------------------

    const DataType = Object.freeze({
      String: 0, I32: 1, Double: 2, I32Array: 3, StringArray: 4, DoubleArray: 5, Boolean: 6, Void: 7, I64: 8, U8: 9,
      U8Array: 10, External: 11, U64: 12, FloatArray: 13, Float: 14, WString: 15, BigInt: 16, I16: 17, StructArray: 18,
      I16Array: 19, U32: 20, StackArray: 996, Array: 997, Function: 998, StackStruct: 999,
    });
    const PointerType = Object.freeze({ RsPointer: 0, CPointer: 1 });
    const FFITypeTag = Object.freeze({ StackStruct: 999, StackArray: 996 });

    function arrayConstructor(options) {
      return Object.assign({}, options, { ffiTypeTag: options && options.ffiTypeTag !== undefined ? options.ffiTypeTag : DataType.Array });
    }

    function funcConstructor(options) {
      return Object.assign({ ffiTypeTag: DataType.Function, needFree: false, freeCFuncParamsMemory: false }, options);
    }

    function promiseOf(pending, isVoid) {
      return new Promise((resolve, reject) => bridge.settle(pending, resolve, reject, isVoid));
    }

    function typeKey(type) {
      return typeof type === 'number' ? String(type) : JSON.stringify(type);
    }

    // A description literal is new on every call. The function compiled for it the first time is found again
    // here, where it is cheap: descriptions whose types are all DataType codes (the common case) are matched
    // field by field without allocating; others by a key built from their JSON.
    // A dictionary object rather than a Map: GraalJS compiles a property read with the same name at the same place
    // to a shape check, where Map.get hashes the name on every call.
    let byFunction = Object.create(null);
    const byKey = new Map();
    let preparedCount = 0;

    function flagsOf(spec) {
      return (spec.errno ? 1 : 0) | (spec.runInNewThread ? 2 : 0) | (spec.freeResultMemory ? 4 : 0);
    }

    function codesOnly(spec) {
      if (typeof spec.retType !== 'number') return false;
      const types = spec.paramsType;
      for (let i = 0; i < types.length; i++) if (typeof types[i] !== 'number') return false;
      return true;
    }

    function sameCodes(a, b) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      return true;
    }

    function keyOf(spec) {
      const types = spec.paramsType;
      let key = spec.library + '\u0001' + spec.funcName + '\u0001' + typeKey(spec.retType) + '\u0001';
      for (let i = 0; i < types.length; i++) key += typeKey(types[i]) + ',';
      return key + flagsOf(spec);
    }

    function forgetPrepared() {
      byFunction = Object.create(null);
      byKey.clear();
      preparedCount = 0;
    }

    // The engine's function, how the prelude calls it (directly where its results need no conversion), and what
    // its calls give: undefined where it returns void, promises where it runs in a new thread.
    function prepared(fn) {
      const arity = bridge.directArity(fn);
      const call = arity >= 0 ? directCalls[arity] : invoke;
      return { fn, call, isVoid: bridge.returnsVoid(fn), async: bridge.runsInNewThread(fn) };
    }

    function counted(made) {
      if (++preparedCount > 4096) {
        forgetPrepared();
        preparedCount = 1;
      }
      return made;
    }

    function preparedFor(spec) {
      if (codesOnly(spec)) {
        const flags = flagsOf(spec);
        const entries = byFunction[spec.funcName];
        if (entries !== undefined) {
          for (let i = 0; i < entries.length; i++) {
            const entry = entries[i];
            if (entry.library === spec.library && entry.retType === spec.retType && entry.flags === flags
                && sameCodes(entry.paramsType, spec.paramsType)) return entry.prepared;
          }
        }
        return rememberCodes(spec, flags);
      }
      return rememberByKey(spec);
    }

    // Kept out of preparedFor so that the compiled lookup stays small enough to be inlined where load is called.
    function rememberCodes(spec, flags) {
      let entries = byFunction[spec.funcName];
      if (entries === undefined) {
        entries = [];
        byFunction[spec.funcName] = entries;
      }
      const made = counted(prepared(bridge.prepare(spec)));
      entries.push({ library: spec.library, retType: spec.retType, flags, paramsType: spec.paramsType.slice(), prepared: made });
      return made;
    }

    function rememberByKey(spec) {
      let key;
      try {
        key = keyOf(spec);
      } catch (error) {
        // JSON.stringify of a cyclic (TypeError) or very deep (RangeError) description: no key; the engine names what is wrong
        if (error instanceof TypeError || error instanceof RangeError) return undefined;
        throw error;
      }
      let made = byKey.get(key);
      if (made === undefined) {
        made = counted(prepared(bridge.prepare(spec)));
        byKey.set(key, made);
      }
      return made;
    }

    function isPlain(value) {
      const type = typeof value;
      return type === 'number' || type === 'string' || type === 'boolean' || value === null || value === undefined;
    }

    // Numbers, strings and booleans cross into Java as they are, one argument each; anything else (objects,
    // buffers, functions, BigInts, pointers) takes the general conversion.
    function invoke(fn, values = []) {
      switch (values.length) {
        case 0: return bridge.call0(fn);
        case 1: if (isPlain(values[0])) return bridge.call1(fn, values[0]); break;
        case 2: if (isPlain(values[0]) && isPlain(values[1])) return bridge.call2(fn, values[0], values[1]); break;
        case 3: if (isPlain(values[0]) && isPlain(values[1]) && isPlain(values[2])) {
          return bridge.call3(fn, values[0], values[1], values[2]);
        }
          break;
        case 4: if (isPlain(values[0]) && isPlain(values[1]) && isPlain(values[2]) && isPlain(values[3])) {
          return bridge.call4(fn, values[0], values[1], values[2], values[3]);
        }
          break;
      }
      return bridge.invoke(fn, values);
    }

    // For functions whose results cross as they are, one caller per number of values: plain values go to the
    // engine's function itself, in one host call with nothing converted on the way back. One host call in each
    // keeps the code GraalJS inlines where load or a defined function is called small.
    const directCalls = [
      (fn, values = []) => (values.length === 0 ? fn.call() : bridge.invoke(fn, values)),
      (fn, values = []) => (values.length === 1 && isPlain(values[0]) ? fn.call(values[0]) : bridge.invoke(fn, values)),
      (fn, values = []) => (values.length === 2 && isPlain(values[0]) && isPlain(values[1])
        ? fn.call(values[0], values[1]) : bridge.invoke(fn, values)),
      (fn, values = []) => (values.length === 3 && isPlain(values[0]) && isPlain(values[1]) && isPlain(values[2])
        ? fn.call(values[0], values[1], values[2]) : bridge.invoke(fn, values)),
      (fn, values = []) => (values.length === 4 && isPlain(values[0]) && isPlain(values[1]) && isPlain(values[2])
        && isPlain(values[3]) ? fn.call(values[0], values[1], values[2], values[3]) : bridge.invoke(fn, values)),
    ];

    function isFlag(value) {
      return value === undefined || value === true || value === false;
    }

    // True when the description has exactly the keys load takes, with a name, arrays and boolean options; anything
    // else goes the general way, where the engine checks every key and names what is wrong.
    function wellFormed(spec) {
      return spec !== null && typeof spec === 'object' && typeof spec.library === 'string'
        && typeof spec.funcName === 'string' && Array.isArray(spec.paramsType) && Array.isArray(spec.paramsValue)
        && isFlag(spec.errno) && isFlag(spec.runInNewThread) && isFlag(spec.freeResultMemory)
        && Object.keys(spec).length
          === 5 + (spec.errno !== undefined) + (spec.runInNewThread !== undefined) + (spec.freeResultMemory !== undefined);
    }

    // What a call of a prepared function gives the script: a promise where it runs in a new thread, undefined
    // where it returns void (with errno, a void function still gives its fields).
    function given(made, result) {
      if (made.async) return promiseOf(result, made.isVoid);
      return made.isVoid && result === null ? undefined : result;
    }

    function load(spec) {
      const made = wellFormed(spec) ? preparedFor(spec) : undefined;
      if (made === undefined) return loadDescribed(spec);
      return given(made, made.call(made.fn, spec.paramsValue));
    }

    // Descriptions the prelude does not keep a function for: the engine compiles (or finds) and checks them.
    function loadDescribed(spec) {
      const result = bridge.load(spec);
      const isVoid = spec.retType === DataType.Void || (typeof spec.retType === 'string' && /^\s*void\s*$/.test(spec.retType));
      if (spec.runInNewThread) return promiseOf(result, isVoid);
      return result === null && isVoid ? undefined : result;
    }

    // Each entry is an ffi-rs description or a C prototype ('int atoi(const char *s)' or {library, prototype}).
    function define(definitions) {
      const functions = {};
      for (const name of Object.keys(definitions)) {
        const made = prepared(bridge.prepareDefinition(name, definitions[name]));
        if (made.async || made.isVoid) {
          functions[name] = (paramsValue = []) => given(made, made.call(made.fn, paramsValue));
        } else {
          // Bound, each defined function runs its own caller's code: a caller per number of values, so that where
          // the script calls it GraalJS inlines that one host call and no other.
          functions[name] = made.call.bind(undefined, made.fn);
        }
      }
      return functions;
    }

    // New C names can change what a type name in a description means (a struct first declared without members
    // gets them), so the functions prepared for descriptions are compiled again.
    function declare(source, description) {
      forgetPrepared();
      return bridge.declare(source, description);
    }

    const ffiRs = Object.freeze({
      DataType, PointerType, FFITypeTag, arrayConstructor, funcConstructor, load, define,
      declare,
      open: (spec) => bridge.open(spec),
      close: (library) => bridge.close(library),
      createPointer: (spec) => bridge.createPointer(spec),
      restorePointer: (spec) => bridge.restorePointer(spec),
      unwrapPointer: (pointers) => bridge.unwrapPointer(pointers),
      wrapPointer: (pointers) => bridge.wrapPointer(pointers),
      freePointer: (spec) => bridge.freePointer(spec),
      isNullPointer: (pointer) => bridge.isNullPointer(pointer),
      createExternalBuffer: (pointer, length) => bridge.createExternalBuffer(pointer, length),
      decode: (...args) => bridge.decode(args),
      encode: (...args) => { bridge.encode(args) },
    });

    // ---- assert ----------------------------------------------------------------------------------------------

    class AssertionError extends Error {
      constructor(message, actual, expected, operator) {
        super(message);
        this.name = 'AssertionError';
        this.code = 'ERR_ASSERTION';
        this.actual = actual;
        this.expected = expected;
        this.operator = operator;
      }
    }

    function fail(message, actual, expected, operator, fallback) {
      if (message instanceof Error) throw message;
      throw new AssertionError(message !== undefined ? String(message) : fallback, actual, expected, operator);
    }

    function isDeepEqual(a, b, strict, seen) {
      if (strict ? Object.is(a, b) : (a == b || (a !== a && b !== b))) return true;
      if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
      if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
      if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
        if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b) || a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
        return true;
      }
      if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
      if (Array.isArray(a) !== Array.isArray(b)) return false;
      seen = seen || new Map();
      if (seen.get(a) === b) return true;
      seen.set(a, b);
      const keysA = Object.keys(a);
      const keysB = Object.keys(b);
      if (keysA.length !== keysB.length) return false;
      for (const key of keysA) {
        if (!Object.prototype.hasOwnProperty.call(b, key) || !isDeepEqual(a[key], b[key], strict, seen)) return false;
      }
      return true;
    }

    function matches(error, expected) {
      if (expected === undefined) return true;
      if (expected instanceof RegExp) return expected.test(error && error.message !== undefined ? error.message : String(error));
      if (typeof expected === 'function') {
        if (expected.prototype !== undefined && error instanceof expected) return true;
        if (Error.isPrototypeOf(expected) || expected === Error) return false;
        return expected.call({}, error) === true;
      }
      if (typeof expected === 'object' && expected !== null) {
        return Object.keys(expected).every((key) => expected[key] instanceof RegExp
          ? expected[key].test(error[key]) : isDeepEqual(error[key], expected[key], true));
      }
      return false;
    }

    const assert = (value, message) => assert.ok(value, message);
    Object.assign(assert, {
      AssertionError,
      ok(value, message) {
        if (!value) fail(message, value, true, '==', 'The expression evaluated to a falsy value: ' + inspect(value, 1));
      },
      equal(actual, expected, message) {
        if (!(actual == expected || (actual !== actual && expected !== expected))) {
          fail(message, actual, expected, '==', inspect(actual, 1) + ' == ' + inspect(expected, 1));
        }
      },
      notEqual(actual, expected, message) {
        if (actual == expected) fail(message, actual, expected, '!=', inspect(actual, 1) + ' != ' + inspect(expected, 1));
      },
      strictEqual(actual, expected, message) {
        if (!Object.is(actual, expected)) {
          fail(message, actual, expected, 'strictEqual', 'Expected values to be strictly equal:\n\n' + inspect(actual, 1)
            + ' !== ' + inspect(expected, 1));
        }
      },
      notStrictEqual(actual, expected, message) {
        if (Object.is(actual, expected)) fail(message, actual, expected, 'notStrictEqual', 'Expected "actual" to be strictly unequal to: ' + inspect(expected, 1));
      },
      deepStrictEqual(actual, expected, message) {
        if (!isDeepEqual(actual, expected, true)) {
          fail(message, actual, expected, 'deepStrictEqual', 'Expected values to be strictly deep-equal:\n' + inspect(actual, 1)
            + '\n  !==\n' + inspect(expected, 1));
        }
      },
      deepEqual(actual, expected, message) {
        if (!isDeepEqual(actual, expected, false)) {
          fail(message, actual, expected, 'deepEqual', 'Expected values to be loosely deep-equal:\n' + inspect(actual, 1)
            + '\n  !=\n' + inspect(expected, 1));
        }
      },
      throws(block, expected, message) {
        if (typeof expected === 'string') { message = expected; expected = undefined; }
        try {
          block();
        } catch (error) {
          if (!matches(error, expected)) {
            fail(message, error, expected, 'throws', 'The error thrown does not match: ' + inspect(error, 1));
          }
          return;
        }
        fail(message, undefined, expected, 'throws', 'Missing expected exception.');
      },
      async rejects(promiseOrBlock, expected, message) {
        try {
          await (typeof promiseOrBlock === 'function' ? promiseOrBlock() : promiseOrBlock);
        } catch (error) {
          if (!matches(error, expected)) fail(message, error, expected, 'rejects', 'The rejection does not match: ' + inspect(error, 1));
          return;
        }
        fail(message, undefined, expected, 'rejects', 'Missing expected rejection.');
      },
      fail(message) {
        fail(message, undefined, undefined, 'fail', 'Failed');
      },
    });
    assert.strict = assert;

    // ---- process, console, timers -----------------------------------------------------------------------------

    const timers = {
      setTimeout: (fn, delay, ...args) => bridge.setTimer(fn, Number(delay) || 0, false, args),
      setInterval: (fn, delay, ...args) => bridge.setTimer(fn, Number(delay) || 0, true, args),
      setImmediate: (fn, ...args) => bridge.setTimer(fn, 0, false, args),
      clearTimeout: (id) => { if (id !== undefined && id !== null) bridge.clearTimer(id); },
      clearInterval: (id) => { if (id !== undefined && id !== null) bridge.clearTimer(id); },
      clearImmediate: (id) => { if (id !== undefined && id !== null) bridge.clearTimer(id); },
    };

    const console = {
      log: (...args) => bridge.print(format(args), false),
      info: (...args) => bridge.print(format(args), false),
      debug: (...args) => bridge.print(format(args), false),
      warn: (...args) => bridge.print(format(args), true),
      error: (...args) => bridge.print(format(args), true),
    };

    // process.env is copied from the system when first read: most scripts never do, and copying it entry by entry
    // at start-up costs enough host calls to send one to the compiler.
    let environment;
    const process = {
      platform: 'linux',
      arch: 'x64',
      get env() {
        if (environment === undefined) environment = bridge.environment();
        return environment;
      },
      set env(value) {
        environment = value;
      },
      argv: bridge.arguments(),
      version: 'v20.0.0',
      versions: { node: '20.0.0', 'ffi-script': '0.1.0' },
      exitCode: undefined,
      exit: (code) => bridge.exit(code === undefined ? (process.exitCode || 0) : code),
      cwd: () => bridge.resolvePath('.', '.'),
      nextTick: (fn, ...args) => { Promise.resolve().then(() => fn(...args)); },
    };

    // ---- require ----------------------------------------------------------------------------------------------

    const builtins = {
      'ffi-rs': ffiRs, assert, 'node:assert': assert, 'assert/strict': assert, 'node:assert/strict': assert,
      buffer: { Buffer }, 'node:buffer': { Buffer }, process, 'node:process': process, timers, 'node:timers': timers,
      util: { format: (...args) => format(args), inspect: (value) => inspect(value, 1) },
    };
    const cache = new Map();

    function makeRequire(directory) {
      const require = (request) => {
        if (Object.prototype.hasOwnProperty.call(builtins, request)) return builtins[request];
        if (!/^(\.{1,2}\/|\/)/.test(request)) throw new Error("Cannot find module '" + request + "'");
        const base = bridge.resolvePath(directory, request);
        const path = [base, base + '.js', base + '.json', base + '/index.js'].find((candidate) => bridge.isFile(candidate));
        if (path === undefined) throw new Error("Cannot find module '" + request + "' from " + directory);
        return loadModule(path).exports;
      };
      require.cache = cache;
      return require;
    }

    function loadModule(path, source) {
      const cached = cache.get(path);
      if (cached && source === undefined) return cached;
      const module = { id: path, filename: path, exports: {}, loaded: false };
      cache.set(path, module);
      if (path.endsWith('.json')) {
        module.exports = JSON.parse(source !== undefined ? source : bridge.readFile(path));
      } else {
        const directory = bridge.directoryOf(path);
        const compiled = bridge.compileCommonJs(source !== undefined ? source : bridge.readFile(path), path);
        compiled.call(module.exports, module.exports, makeRequire(directory), module, path, directory);
      }
      module.loaded = true;
      return module;
    }

    Object.assign(globalThis, timers, { console, process, Buffer, require: makeRequire(bridge.resolvePath('.', '.')) });
    Object.assign(globalThis, ffiRs);
    globalThis.queueMicrotask = (fn) => { Promise.resolve().then(fn); };
    globalThis.global = globalThis;

    return {
      modules: { 'ffi-rs': ffiRs, assert },
      runMain: (path, source) => loadModule(path, source).exports,
      bufferOver: (byteBuffer) => new Buffer(byteBuffer),
    };
  }

  return { Buffer, install };
})()
