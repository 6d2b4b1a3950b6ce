// node:buffer for ffi-script: the npm package `buffer` (a WebJar, unchanged) with what it lacks against Node 20:
// the base64url encoding (Node 15+), constants, atob/btoa and isUtf8/isAscii.
'use strict';

const base = internals.bundled('buffer');
const { Buffer } = base;

const isBase64Url = (encoding) => typeof encoding === 'string' && encoding.toLowerCase() === 'base64url';
const toBase64 = (text) => String(text).replace(/-/g, '+').replace(/_/g, '/');
const toBase64Url = (text) => text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const from = Buffer.from;
Buffer.from = function (value, encodingOrOffset, length) {
  if (typeof value === 'string' && isBase64Url(encodingOrOffset)) return from.call(Buffer, toBase64(value), 'base64');
  return from.call(Buffer, value, encodingOrOffset, length);
};
const toString = Buffer.prototype.toString;
Buffer.prototype.toString = function (encoding, start, end) {
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
