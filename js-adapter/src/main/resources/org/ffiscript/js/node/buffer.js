// node:buffer for ffi-script: the npm package `buffer` (a WebJar, unchanged) with what it lacks against Node 20:
// the base64url encoding (Node 15+), constants, atob/btoa and isUtf8/isAscii.
'use strict';

const base = internals.bundled('buffer');
const { Buffer } = base;

// Buffers live in native memory (internals.nativeBuffer): C gets their address and writes into them directly, as
// ffi-rs on Node passes a Buffer's own memory. buffer@6 makes its buffers in one private function, so its public
// makers are wrapped: alloc and allocUnsafe allocate natively; from copies into native memory, except from an
// ArrayBuffer, whose memory it shares as Node does.
const nativeBuffer = internals.nativeBuffer;
const heapAlloc = Buffer.alloc;
const heapFrom = Buffer.from;

// Large conversions between text and bytes are done by the host (BufferText) in one bulk operation: the package
// converts byte by byte in JavaScript, seconds per megabyte before GraalJS has compiled it.
const BULK = 256;
const text = internals.host.bufferText();
const ENCODINGS = { utf8: 'utf8', 'utf-8': 'utf8', latin1: 'latin1', binary: 'latin1', ascii: 'ascii', hex: 'hex',
  base64: 'base64', base64url: 'base64url', ucs2: 'utf16le', 'ucs-2': 'utf16le', utf16le: 'utf16le', 'utf-16le': 'utf16le' };
const hostEncoding = (encoding) => ENCODINGS[encoding === undefined ? 'utf8' : String(encoding).toLowerCase()];

function checkedSize(size) {
  if (typeof size !== 'number' || !(size >= 0) || size > base.kMaxLength) heapAlloc.call(Buffer, size); // throws Node's error
  return size;
}

Buffer.alloc = function alloc(size, fill, encoding) {
  const buffer = nativeBuffer(checkedSize(size));
  if (fill !== undefined && fill !== 0 && size > 0) buffer.fill(fill, encoding);
  return buffer;
};
Buffer.allocUnsafe = function allocUnsafe(size) {
  return nativeBuffer(checkedSize(size));
};
Buffer.allocUnsafeSlow = Buffer.allocUnsafe;

Buffer.from = function from(value, encodingOrOffset, length) {
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)) {
    return heapFrom.call(Buffer, value, encodingOrOffset, length);
  }
  if (typeof value === 'string' && value.length >= BULK) {
    const known = hostEncoding(encodingOrOffset);
    if (known === 'utf8' || known === 'latin1' || known === 'utf16le') {
      const bytes = text.encode(value, known);
      const buffer = nativeBuffer(text.size(bytes));
      text.copyInto(bytes, internals.nativeMemoryOf(buffer.buffer), buffer.byteOffset);
      return buffer;
    }
  }
  const made = heapFrom.call(Buffer, value, encodingOrOffset, length);
  const buffer = nativeBuffer(made.length);
  buffer.set(made);
  return buffer;
};

const isBase64Url = (encoding) => typeof encoding === 'string' && encoding.toLowerCase() === 'base64url';
const toBase64 = (text) => String(text).replace(/-/g, '+').replace(/_/g, '/');
const toBase64Url = (text) => text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const nativeFrom = Buffer.from;
Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string' && isBase64Url(encodingOrOffset)) return nativeFrom.call(Buffer, toBase64(value), 'base64');
  return nativeFrom.call(Buffer, value, encodingOrOffset, length);
};

const toString = Buffer.prototype.toString;
Buffer.prototype.toString = function (encoding, start, end) {
  const from = start === undefined ? 0 : start;
  const to = end === undefined ? this.length : end;
  const known = hostEncoding(encoding);
  if (known !== undefined && Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= this.length
      && to - from >= BULK) {
    const memory = internals.nativeMemoryOf(this.buffer);
    return memory !== undefined ? text.decode(memory, this.byteOffset + from, to - from, known)
      : text.decode(this, from, to - from, known);
  }
  if (isBase64Url(encoding)) return toBase64Url(toString.call(this, 'base64', start, end));
  return toString.call(this, encoding, start, end);
};
Buffer.prototype.toLocaleString = Buffer.prototype.toString;
const byteLength = Buffer.byteLength;
Buffer.byteLength = function (value, encoding) {
  if (typeof value === 'string' && isBase64Url(encoding)) return byteLength.call(Buffer, toBase64(value), 'base64');
  return byteLength.call(Buffer, value, encoding);
};
const isEncoding = Buffer.isEncoding;
Buffer.isEncoding = (encoding) => isBase64Url(encoding) || isEncoding(encoding);
const write = Buffer.prototype.write;
Buffer.prototype.write = function (text, offset, length, encoding) {
  const args = Array.from(arguments);
  const last = args.length - 1;
  if (last > 0 && isBase64Url(args[last])) {
    args[0] = toBase64(text);
    args[last] = 'base64';
  }
  return write.apply(this, args);
};
const fill = Buffer.prototype.fill;
Buffer.prototype.fill = function (value, offset, end, encoding) {
  const args = Array.from(arguments);
  const last = args.length - 1;
  if (typeof value === 'string' && last > 0 && isBase64Url(args[last])) {
    args[0] = toBase64(value);
    args[last] = 'base64';
  }
  return fill.apply(this, args);
};

function isUtf8(input) {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  try {
    new globalThis.TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch (error) {
    return false;
  }
}

function isAscii(input) {
  const bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 127) return false;
  return true;
}

module.exports = Object.assign({}, base, {
  Buffer,
  constants: { MAX_LENGTH: base.kMaxLength, MAX_STRING_LENGTH: 0x1fffffe8 },
  kStringMaxLength: 0x1fffffe8,
  atob: (text) => globalThis.atob(text),
  btoa: (text) => globalThis.btoa(text),
  isUtf8,
  isAscii,
});
