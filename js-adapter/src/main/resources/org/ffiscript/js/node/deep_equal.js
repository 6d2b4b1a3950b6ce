// Deep equality as Node's assert.deepStrictEqual/deepEqual and util.isDeepStrictEqual define it: prototypes and
// tags (strict), Maps and Sets by content, typed arrays by element, Dates, RegExps, Errors, boxed primitives, cycles.
'use strict';

function isDeepEqual(a, b, strict, seen) {
  if (strict ? Object.is(a, b) : (a == b || (a !== a && b !== b))) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const tag = Object.prototype.toString.call(a);
  if (tag !== Object.prototype.toString.call(b)) return false;
  if (ArrayBuffer.isView(a)) {
    if (a.length !== b.length || a.byteLength !== b.byteLength) return false;
    for (let i = 0; i < a.length; i++) if (strict ? !Object.is(a[i], b[i]) : a[i] != b[i]) return false;
    return true;
  }
  if (a instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof RegExp) return String(a) === String(b) && a.lastIndex === b.lastIndex;
  if (a instanceof Error && (a.message !== b.message || a.name !== b.name)) return false;
  if (isBoxed(a) && !Object.is(a.valueOf(), b.valueOf())) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  seen = seen || new Map();
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  if (a instanceof Set) {
    if (a.size !== b.size) return false;
    outer: for (const item of a) {
      if (b.has(item)) continue;
      if (typeof item !== 'object' || item === null) return false;
      for (const other of b) if (isDeepEqual(item, other, strict, seen)) continue outer;
      return false;
    }
  } else if (a instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [key, value] of a) {
      if (!b.has(key) || !isDeepEqual(value, b.get(key), strict, seen)) return false;
    }
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  for (const key of keysA) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !isDeepEqual(a[key], b[key], strict, seen)) return false;
  }
  if (strict) {
    const symbolsA = Object.getOwnPropertySymbols(a).filter((s) => Object.prototype.propertyIsEnumerable.call(a, s));
    const symbolsB = Object.getOwnPropertySymbols(b).filter((s) => Object.prototype.propertyIsEnumerable.call(b, s));
    if (symbolsA.length !== symbolsB.length) return false;
    for (const s of symbolsA) if (!isDeepEqual(a[s], b[s], strict, seen)) return false;
  }
  return true;
}

function isBoxed(value) {
  return value instanceof Number || value instanceof String || value instanceof Boolean;
}

module.exports = isDeepEqual;
