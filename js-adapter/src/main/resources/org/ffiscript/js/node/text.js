// TextEncoder, TextDecoder, atob, btoa and structuredClone: the WHATWG globals Node 20 has and GraalJS has not.
'use strict';

function utf8Encode(text) {
  const bytes = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else {
        cp = 0xfffd;
      }
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      cp = 0xfffd;
    }
    if (cp < 0x80) bytes[n++] = cp;
    else if (cp < 0x800) { bytes[n++] = 0xc0 | (cp >> 6); bytes[n++] = 0x80 | (cp & 63); }
    else if (cp < 0x10000) { bytes[n++] = 0xe0 | (cp >> 12); bytes[n++] = 0x80 | ((cp >> 6) & 63); bytes[n++] = 0x80 | (cp & 63); }
    else {
      bytes[n++] = 0xf0 | (cp >> 18); bytes[n++] = 0x80 | ((cp >> 12) & 63);
      bytes[n++] = 0x80 | ((cp >> 6) & 63); bytes[n++] = 0x80 | (cp & 63);
    }
  }
  return bytes.slice(0, n);
}

class TextEncoder {
  get encoding() {
    return 'utf-8';
  }

  encode(input = '') {
    return utf8Encode(String(input));
  }

  encodeInto(source, destination) {
    const bytes = utf8Encode(String(source));
    let written = bytes.length <= destination.length ? bytes.length : destination.length;
    while (written > 0 && written < bytes.length && (bytes[written] & 0xc0) === 0x80) written--; // whole characters only
    destination.set(bytes.subarray(0, written));
    let read = 0;
    for (let i = 0, n = 0; n < written; i++) {
      const cp = source.codePointAt(i);
      n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      read += cp >= 0x10000 ? 2 : 1;
      if (cp >= 0x10000) i++;
    }
    return { read, written };
  }
}

const LABELS = { 'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8', 'utf-16le': 'utf-16le', 'utf-16': 'utf-16le',
  ucs2: 'utf-16le', 'ucs-2': 'utf-16le', latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', 'windows-1252': 'windows-1252',
  ascii: 'windows-1252', 'us-ascii': 'windows-1252' };

function invalid(fatal) {
  if (fatal) {
    const error = new TypeError('The encoded data was not valid for encoding utf-8');
    error.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
    throw error;
  }
  return 0xfffd;
}

class TextDecoder {
  constructor(label = 'utf-8', options = {}) {
    const encoding = LABELS[String(label).trim().toLowerCase()];
    if (encoding === undefined) {
      const error = new RangeError(`The "${label}" encoding is not supported`);
      error.code = 'ERR_ENCODING_NOT_SUPPORTED';
      throw error;
    }
    this._encoding = encoding;
    this._fatal = Boolean(options.fatal);
    this._ignoreBOM = Boolean(options.ignoreBOM);
  }

  get encoding() {
    return this._encoding;
  }

  get fatal() {
    return this._fatal;
  }

  get ignoreBOM() {
    return this._ignoreBOM;
  }

  decode(input = new Uint8Array(0)) {
    const bytes = input instanceof ArrayBuffer ? new Uint8Array(input)
      : ArrayBuffer.isView(input) ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength) : null;
    if (bytes === null) {
      const error = new TypeError('The "input" argument must be an instance of ArrayBuffer or ArrayBufferView');
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    if (this._encoding === 'utf-16le') {
      let text = '';
      const start = !this._ignoreBOM && bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0;
      for (let i = start; i + 1 < bytes.length; i += 2) text += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      return text;
    }
    if (this._encoding === 'windows-1252') {
      let text = '';
      for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
      return text;
    }
    let i = !this._ignoreBOM && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const parts = [];
    let chunk = [];
    for (; i < bytes.length;) {
      const b = bytes[i];
      let cp;
      let size;
      let need;
      let min;
      if (b < 0x80) { cp = b; size = 1; need = 0; }
      else if (b >= 0xc2 && b <= 0xdf) { cp = b & 31; need = 1; min = 0x80; }
      else if (b >= 0xe0 && b <= 0xef) { cp = b & 15; need = 2; min = 0x800; }
      else if (b >= 0xf0 && b <= 0xf4) { cp = b & 7; need = 3; min = 0x10000; }
      else { cp = invalid(this._fatal); size = 1; need = 0; }
      if (need > 0) {
        size = 1;
        let ok = true;
        for (let k = 1; k <= need; k++) {
          const next = bytes[i + k];
          if (next === undefined || (next & 0xc0) !== 0x80) { ok = false; break; }
          cp = (cp << 6) | (next & 63);
          size++;
        }
        if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
          cp = invalid(this._fatal);
          size = Math.max(1, ok ? size : size);
          if (!ok) size = Math.max(1, size);
        }
      }
      if (cp > 0xffff) {
        cp -= 0x10000;
        chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 1023));
      } else {
        chunk.push(cp);
      }
      if (chunk.length > 8192) {
        parts.push(String.fromCharCode.apply(null, chunk));
        chunk = [];
      }
      i += size;
    }
    parts.push(String.fromCharCode.apply(null, chunk));
    return parts.join('');
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function btoa(input) {
  if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
  const text = String(input);
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    if (a > 255 || b > 255 || c > 255) {
      throw new DOMExceptionLike('Invalid character', 'InvalidCharacterError');
    }
    const n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += BASE64[n >> 18] + BASE64[(n >> 12) & 63] + (i + 1 < text.length ? BASE64[(n >> 6) & 63] : '=')
      + (i + 2 < text.length ? BASE64[n & 63] : '=');
  }
  return out;
}

function atob(input) {
  if (arguments.length === 0) throw new TypeError('The "data" argument must be specified');
  let text = String(input).replace(/[\t\n\f\r ]/g, '');
  if (text.length % 4 === 0) text = text.replace(/==?$/, '');
  if (text.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(text)) {
    throw new DOMExceptionLike('The string to be decoded is not correctly encoded.', 'InvalidCharacterError');
  }
  let out = '';
  let bits = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    value = (value << 6) | BASE64.indexOf(text[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 255);
    }
  }
  return out;
}

class DOMExceptionLike extends Error {
  constructor(message, name) {
    super(message);
    this.name = name;
  }
}

// The structured clone algorithm for what scripts pass around: primitives, plain objects, arrays, Date, RegExp,
// Map, Set, ArrayBuffer and views, errors; cycles and shared references kept. Functions and symbols are refused.
function structuredClone(value, options) {
  const copies = new Map();
  const clone = (item) => {
    if (typeof item !== 'object' || item === null) {
      if (typeof item === 'function' || typeof item === 'symbol') {
        throw new DOMExceptionLike(`${typeof item === 'function' ? String(item) : item.toString()} could not be cloned.`, 'DataCloneError');
      }
      return item;
    }
    if (copies.has(item)) return copies.get(item);
    let copy;
    if (Array.isArray(item)) {
      copy = new Array(item.length);
      copies.set(item, copy);
      for (let i = 0; i < item.length; i++) if (i in item) copy[i] = clone(item[i]);
      return copy;
    }
    if (item instanceof Date) copy = new Date(item.getTime());
    else if (item instanceof RegExp) copy = new RegExp(item.source, item.flags);
    else if (item instanceof ArrayBuffer) copy = item.slice(0);
    else if (ArrayBuffer.isView(item)) {
      const buffer = clone(item.buffer);
      const Kind = item instanceof DataView ? DataView : Object.getPrototypeOf(Object.getPrototypeOf(item)) === Uint8Array.prototype
        ? Uint8Array : item.constructor;
      copy = item instanceof DataView ? new DataView(buffer, item.byteOffset, item.byteLength)
        : new Kind(buffer, item.byteOffset, item.length);
    } else if (item instanceof Map) {
      copy = new Map();
      copies.set(item, copy);
      for (const [k, v] of item) copy.set(clone(k), clone(v));
      return copy;
    } else if (item instanceof Set) {
      copy = new Set();
      copies.set(item, copy);
      for (const v of item) copy.add(clone(v));
      return copy;
    } else if (item instanceof Error) {
      const Kind = [EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError].find((k) => item instanceof k) || Error;
      copy = new Kind(item.message);
      copies.set(item, copy);
      if (item.stack !== undefined) copy.stack = item.stack;
      if ('cause' in item) copy.cause = clone(item.cause);
      return copy;
    } else if (item instanceof Number || item instanceof String || item instanceof Boolean) {
      copy = Object(item.valueOf());
    } else if (internals.isPointer(item)) {
      throw new DOMExceptionLike('an External pointer could not be cloned.', 'DataCloneError');
    } else {
      copy = {};
      copies.set(item, copy);
      for (const key of Object.keys(item)) copy[key] = clone(item[key]);
      return copy;
    }
    copies.set(item, copy);
    return copy;
  };
  if (arguments.length === 0) throw new TypeError('The "value" argument must be specified');
  return clone(value);
}

module.exports = { TextEncoder, TextDecoder, atob, btoa, structuredClone };
