// node:crypto for ffi-script: random bytes and UUIDs, hashes and HMACs, by the JDK's own providers
// (SecureRandom, MessageDigest, Mac). Ciphers, keys and the subtle API are not here: they throw saying so.
'use strict';

const host = internals.host.crypto();
const { Buffer } = require('buffer');

const HASHES = { md5: 'MD5', sha1: 'SHA-1', sha224: 'SHA-224', sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512',
  'sha512-256': 'SHA-512/256', 'sha3-256': 'SHA3-256', 'sha3-512': 'SHA3-512' };

function algorithm(name) {
  const java = HASHES[String(name).toLowerCase()];
  if (java === undefined) {
    const error = new Error('Digest method not supported');
    error.code = 'ERR_CRYPTO_INVALID_DIGEST';
    throw error;
  }
  return java;
}

function bytesOf(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  const error = new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView.');
  error.code = 'ERR_INVALID_ARG_TYPE';
  throw error;
}

function digestResult(bytes, encoding) {
  const buffer = internals.bufferOver(bytes);
  return encoding === undefined || encoding === 'buffer' ? buffer : buffer.toString(encoding);
}

class Hash {
  constructor(name, key) {
    this._state = key === undefined ? host.hash(algorithm(name)) : host.hmac(algorithm(name), bytesOf(key));
    this._done = false;
  }

  update(data, encoding) {
    if (this._done) {
      const error = new Error('Digest already called');
      error.code = 'ERR_CRYPTO_HASH_FINALIZED';
      throw error;
    }
    host.hashUpdate(this._state, bytesOf(data, encoding));
    return this;
  }

  digest(encoding) {
    this._done = true;
    return digestResult(host.hashDigest(this._state), encoding);
  }

  copy() {
    const copy = Object.create(Hash.prototype);
    copy._state = host.hashCopy(this._state);
    copy._done = false;
    return copy;
  }
}

function randomBytes(size, callback) {
  const buffer = Buffer.alloc(size);
  randomFill(buffer);
  if (typeof callback === 'function') {
    setImmediate(() => callback(null, buffer));
    return undefined;
  }
  return buffer;
}

function randomFill(view) {
  const bytes = new Uint8Array(view.buffer || view, view.byteOffset || 0, view.byteLength);
  const random = host.randomBytes(bytes.length);
  for (let i = 0; i < bytes.length; i++) bytes[i] = random[i] & 255;
  return view;
}

function getRandomValues(view) {
  if (!ArrayBuffer.isView(view) || view instanceof Float32Array || view instanceof Float64Array || view instanceof DataView) {
    const error = new TypeError('The data argument must be an integer-type TypedArray');
    error.name = 'TypeMismatchError';
    throw error;
  }
  if (view.byteLength > 65536) {
    const error = new RangeError(`The ArrayBufferView's byte length (${view.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`);
    error.name = 'QuotaExceededError';
    throw error;
  }
  return randomFill(view);
}

function randomUUID() {
  return host.randomUUID();
}

function randomInt(min, max, callback) {
  if (max === undefined || typeof max === 'function') {
    callback = max;
    max = min;
    min = 0;
  }
  const value = min + host.randomBelow(max - min);
  if (typeof callback === 'function') {
    setImmediate(() => callback(null, value));
    return undefined;
  }
  return value;
}

function unsupported(name) {
  return () => {
    const error = new Error(`crypto.${name} is not supported by ffi-script; hashes, HMACs and random values are`);
    error.code = 'ERR_NOT_SUPPORTED';
    throw error;
  };
}

const webcrypto = { getRandomValues, randomUUID, subtle: new Proxy({}, { get: (t, name) => unsupported('subtle.' + String(name)) }) };

module.exports = {
  createHash: (name) => new Hash(name),
  createHmac: (name, key) => new Hash(name, key),
  getHashes: () => Object.keys(HASHES),
  hash: (name, data, encoding = 'hex') => new Hash(name).update(data).digest(encoding),
  randomBytes, randomFillSync: randomFill, getRandomValues, randomUUID, randomInt, webcrypto,
  timingSafeEqual: (a, b) => {
    if (a.byteLength !== b.byteLength) {
      const error = new RangeError('Input buffers must have the same byte length');
      error.code = 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH';
      throw error;
    }
    let difference = 0;
    for (let i = 0; i < a.byteLength; i++) difference |= a[i] ^ b[i];
    return difference === 0;
  },
  createCipheriv: unsupported('createCipheriv'), createDecipheriv: unsupported('createDecipheriv'),
  createSign: unsupported('createSign'), createVerify: unsupported('createVerify'), pbkdf2Sync: unsupported('pbkdf2Sync'),
  scryptSync: unsupported('scryptSync'), generateKeyPairSync: unsupported('generateKeyPairSync'),
};
