// The ffi-rs API over the engine's bridge: what require('ffi-rs') gives, and the globals of the same names. Loaded
// on first use, like Node's built-ins, so that a script which calls no C does not pay for it at start-up.
'use strict';

// The type codes and the list of functions come from the engine's API table (ApiTable), where Java and Groovy
// read them too.
const { bridge, api } = internals;
const DataType = Object.freeze(api.codes.DataType);
const PointerType = Object.freeze(api.codes.PointerType);
const FFITypeTag = Object.freeze(api.codes.FFITypeTag);

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
    functions[name] = callable(prepared(bridge.prepareDefinition(name, definitions[name])));
  }
  return functions;
}

// A defined function as scripts call it, with its array of values.
function callable(made) {
  if (made.async || made.isVoid) {
    return (paramsValue = []) => given(made, made.call(made.fn, paramsValue));
  }
  // Bound, each defined function runs its own caller's code: a caller per number of values, so that where
  // the script calls it GraalJS inlines that one host call and no other.
  return made.call.bind(undefined, made.fn);
}

// New C names can change what a type name in a description means (a struct first declared without members
// gets them), so the functions prepared for descriptions are compiled again.
function declare(source, description) {
  forgetPrepared();
  return bridge.declare(source, description);
}

// A whole header: declares what it can and reports the rest ({types, constants, functions, globals, skipped}).
function declareHeader(source, options) {
  forgetPrepared();
  return bridge.declareHeader(source, options);
}

// A whole header's functions against one library: the same report, with each function callable as define makes it.
function defineHeader(spec) {
  forgetPrepared();
  const header = bridge.defineHeader(spec);
  const functions = {};
  for (const name of Object.keys(header.functions)) {
    functions[name] = callable(prepared(header.functions[name]));
  }
  header.functions = functions;
  return header;
}

const implementations = {
  open: (spec) => bridge.open(spec),
  close: (library) => bridge.close(library),
  load, define, arrayConstructor, funcConstructor,
  createPointer: (spec) => bridge.createPointer(spec),
  restorePointer: (spec) => bridge.restorePointer(spec),
  unwrapPointer: (pointers) => bridge.unwrapPointer(pointers),
  wrapPointer: (pointers) => bridge.wrapPointer(pointers),
  freePointer: (spec) => bridge.freePointer(spec),
  isNullPointer: (pointer) => bridge.isNullPointer(pointer),
  createExternalBuffer: (pointer, length) => bridge.createExternalBuffer(pointer, length),
  decode: (...args) => bridge.decode(args),
  encode: (...args) => { bridge.encode(args) },
  declare, declareHeader, defineHeader,
  preprocess: (file, options) => bridge.preprocess(file, options),
  global: (library, name) => bridge.global(library, name),
};

// The module: the codes, then the table's functions in its order. A function the table lists and this module
// lacks, or the reverse, fails its first load (ApiTableTest loads it) rather than surprising a script later.
const ffiRs = { DataType, PointerType, FFITypeTag };
for (const name of api.functions) {
  if (implementations[name] === undefined) throw new Error(`the API table lists ${name}, which the ffi-rs module lacks`);
  ffiRs[name] = implementations[name];
}
for (const name of Object.keys(implementations)) {
  if (ffiRs[name] === undefined) throw new Error(`the ffi-rs module has ${name}, which the API table does not list`);
}
Object.freeze(ffiRs);

module.exports = ffiRs;
