// node:fs for ffi-script: files and folders through the host, which asks the access policy first. The callback
// and promise forms run the synchronous operation and settle on the event loop, as Node's thread pool would.
'use strict';

const { host } = internals;
const fs = host.fs();
const FAILED = fs.failed();
const { Buffer } = require('buffer');
const EventEmitter = require('events');

function nodeError(fields) {
  const [code, errno, syscall, path, description] = fields;
  const message = code === 'ERR_FS_EISDIR' ? `Path is a directory: ${syscall} returned EISDIR (is a directory) ${path}`
    : `${code}: ${description}, ${syscall}${path === '' ? '' : ` '${path}'`}`;
  const error = new Error(message);
  error.errno = Number(errno);
  error.code = code;
  error.syscall = syscall;
  if (path !== '') error.path = path;
  return error;
}

function check(result) {
  if (result === FAILED) {
    const error = nodeError(fs.error());
    Error.captureStackTrace && Error.captureStackTrace(error, check);
    throw error;
  }
  return result;
}

function pathOf(path, name = 'path') {
  if (typeof path === 'string') {
    if (path.includes('\u0000')) {
      const error = new TypeError(`The argument '${name}' must be a string, Uint8Array, or URL without null bytes. Received ${JSON.stringify(path)}`);
      error.code = 'ERR_INVALID_ARG_VALUE';
      throw error;
    }
    return path;
  }
  if (path instanceof Uint8Array) return Buffer.from(path.buffer, path.byteOffset, path.byteLength).toString();
  if (path !== null && typeof path === 'object' && path.href !== undefined && path.protocol === 'file:') {
    return require('url').fileURLToPath(path);
  }
  const error = new TypeError(`The "${name}" argument must be of type string or an instance of Buffer or URL. Received ${require('util').inspect(path)}`);
  error.code = 'ERR_INVALID_ARG_TYPE';
  throw error;
}

function encodingOf(options, fallback) {
  if (typeof options === 'string') return options;
  return options && options.encoding !== undefined ? options.encoding : fallback;
}

function readFileSync(path, options) {
  const encoding = encodingOf(options, null);
  if (typeof path === 'number') return readFd(path, encoding);
  if (path === '/dev/stdin') return readFd(0, encoding);
  const name = pathOf(path);
  if (encoding === 'utf8' || encoding === 'utf-8') return check(fs.readTextFile(name));
  const buffer = internals.bufferOver(check(fs.readFile(name)));
  return encoding ? buffer.toString(encoding) : buffer;
}

function dataOf(data, options) {
  if (typeof data === 'string') {
    const encoding = encodingOf(options, 'utf8');
    return encoding === 'utf8' || encoding === 'utf-8' ? data : Buffer.from(data, encoding);
  }
  if (ArrayBuffer.isView(data)) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  const error = new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received ' + require('util').inspect(data));
  error.code = 'ERR_INVALID_ARG_TYPE';
  throw error;
}

function writeFileSync(path, data, options) {
  const flag = (options && typeof options === 'object' && options.flag) || 'w';
  if (typeof path === 'number') return writeFd(path, dataOf(data, options));
  check(fs.writeFile(pathOf(path), dataOf(data, options), flag.startsWith('a'), flag.includes('x')));
}

function appendFileSync(path, data, options) {
  if (typeof path === 'number') return writeFd(path, dataOf(data, options));
  check(fs.writeFile(pathOf(path), dataOf(data, options), true, false));
}

function existsSync(path) {
  try {
    return fs.exists(pathOf(path));
  } catch (error) {
    return false;
  }
}

// What Stats and Dirent say about a file's kind (0 file, 1 folder, 2 link, 3 other, as the host gives it).
class FileKind {
  constructor(kind) {
    Object.defineProperty(this, '_kind', { value: kind });
  }

  isFile() { return this._kind === 0; }
  isDirectory() { return this._kind === 1; }
  isSymbolicLink() { return this._kind === 2; }
  isFIFO() { return false; }
  isSocket() { return false; }
  isBlockDevice() { return false; }
  isCharacterDevice() { return this._kind === 3; }
}

class Stats extends FileKind {
  constructor(values, bigint) {
    super(values[0]);
    const [, size, mode, uid, gid, nlink, ino, dev, rdev, blksize, blocks, atime, mtime, ctime, birthtime] = values;
    const number = bigint ? (n) => BigInt(Math.trunc(n)) : (n) => n;
    this.dev = number(dev); this.mode = number(mode); this.nlink = number(nlink); this.uid = number(uid);
    this.gid = number(gid); this.rdev = number(rdev); this.blksize = number(blksize); this.ino = number(ino);
    this.size = number(size); this.blocks = number(blocks);
    this.atimeMs = number(atime); this.mtimeMs = number(mtime); this.ctimeMs = number(ctime); this.birthtimeMs = number(birthtime);
    this.atime = new Date(atime); this.mtime = new Date(mtime); this.ctime = new Date(ctime); this.birthtime = new Date(birthtime);
  }

}

function statWith(followLinks) {
  return (path, options = {}) => {
    const result = fs.stat(pathOf(path), followLinks);
    if (result === FAILED && options.throwIfNoEntry === false && fs.error()[0] === 'ENOENT') return undefined;
    return new Stats(check(result), options.bigint === true);
  };
}
const statSync = statWith(true);
const lstatSync = statWith(false);

class Dirent extends FileKind {
  constructor(name, kind, path) {
    super(kind);
    this.name = name;
    this.path = path;
  }
}

function readdirSync(path, options) {
  const name = pathOf(path);
  const recursive = options && options.recursive;
  const entries = Array.from(check(recursive ? fs.readdirRecursive(name) : fs.readdir(name)));
  const withTypes = options && options.withFileTypes;
  return entries.map((entry) => {
    const [file, kind] = entry.split('\u0000');
    if (!withTypes) return file;
    const slash = file.lastIndexOf('/');
    return new Dirent(slash < 0 ? file : file.slice(slash + 1), Number(kind), slash < 0 ? name : name + '/' + file.slice(0, slash));
  });
}

function mkdirSync(path, options) {
  const recursive = typeof options === 'object' && options !== null && options.recursive === true;
  const made = check(fs.mkdir(pathOf(path), recursive));
  return made === null ? undefined : made;
}

function mkdtempSync(prefix) {
  return check(fs.mkdtemp(pathOf(prefix, 'prefix')));
}

function rmSync(path, options = {}) {
  check(fs.rm(pathOf(path), options.recursive === true, options.force === true, 'rm'));
}

function rmdirSync(path, options = {}) {
  check(fs.rm(pathOf(path), options.recursive === true, false, 'rmdir'));
}

function unlinkSync(path) {
  check(fs.rm(pathOf(path), false, false, 'unlink'));
}

function renameSync(from, to) {
  check(fs.rename(pathOf(from, 'oldPath'), pathOf(to, 'newPath')));
}

function copyFileSync(from, to, mode = 0) {
  check(fs.copyFile(pathOf(from, 'src'), pathOf(to, 'dest'), (mode & 1) !== 0));
}

function accessSync(path, mode = 0) {
  check(fs.access(pathOf(path), mode));
}

function realpathSync(path) {
  return check(fs.realpath(pathOf(path)));
}
realpathSync.native = realpathSync;

function readlinkSync(path) {
  return check(fs.readlink(pathOf(path)));
}

function symlinkSync(target, path) {
  check(fs.symlink(pathOf(target, 'target'), pathOf(path)));
}

function chmodSync(path, mode) {
  check(fs.chmod(pathOf(path), typeof mode === 'string' ? parseInt(mode, 8) : mode));
}

function truncateSync(path, length = 0) {
  check(fs.truncate(pathOf(path), length));
}

function utimesSync(path, atime, mtime) {
  const millis = (t) => (t instanceof Date ? t.getTime() : Number(t) * 1000);
  check(fs.utimes(pathOf(path), millis(atime), millis(mtime)));
}

// File descriptors: whole-file reads and writes kept in the script until close, enough for open/write/close
// sequences ported code uses on small files.
const descriptors = new Map();
let nextFd = 3;

function openSync(path, flags = 'r') {
  const name = pathOf(path);
  const flag = String(flags);
  if (flag.startsWith('r')) statSync(name);
  if (flag.startsWith('w')) writeFileSync(name, '', { flag: flag.includes('x') ? 'wx' : 'w' });
  if (flag.startsWith('a') && !existsSync(name)) writeFileSync(name, '');
  const fd = nextFd++;
  descriptors.set(fd, { name, position: flag.startsWith('a') ? statSync(name).size : 0, flag });
  return fd;
}

function descriptor(fd) {
  const entry = descriptors.get(fd);
  if (entry === undefined) {
    const error = new Error(`EBADF: bad file descriptor, fd ${fd}`);
    error.code = 'EBADF';
    error.errno = -9;
    throw error;
  }
  return entry;
}

function closeSync(fd) {
  descriptor(fd);
  descriptors.delete(fd);
}

function readFd(fd, encoding) {
  if (fd === 0) {
    const text = host.readInput();
    return encoding === 'utf8' || encoding === 'utf-8' ? text : encoding ? Buffer.from(text).toString(encoding) : Buffer.from(text);
  }
  const entry = descriptor(fd);
  const buffer = readFileSync(entry.name).subarray(entry.position);
  entry.position += buffer.length;
  return encoding ? buffer.toString(encoding) : buffer;
}

function writeFd(fd, data) {
  if (fd === 1 || fd === 2) {
    (fd === 1 ? process.stdout : process.stderr).write(typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  }
  const entry = descriptor(fd);
  const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const current = readFileSync(entry.name);
  const end = Math.max(current.length, entry.position + bytes.length);
  const next = Buffer.alloc(end);
  current.copy(next);
  bytes.copy(next, entry.position);
  writeFileSync(entry.name, next);
  entry.position += bytes.length;
  return bytes.length;
}

function writeSync(fd, data, offsetOrPosition, length) {
  if (typeof data === 'string') return writeFd(fd, data);
  const offset = typeof offsetOrPosition === 'number' ? offsetOrPosition : 0;
  const count = typeof length === 'number' ? length : data.byteLength - offset;
  return writeFd(fd, new Uint8Array(data.buffer, data.byteOffset + offset, count));
}

function readSync(fd, buffer, offset = 0, length = buffer.byteLength - offset, position = null) {
  if (typeof offset === 'object' && offset !== null) ({ offset = 0, length = buffer.byteLength - offset, position = null } = offset);
  const entry = descriptor(fd);
  const content = readFileSync(entry.name);
  const start = typeof position === 'number' ? position : entry.position;
  const count = Math.max(0, Math.min(length, content.length - start));
  content.copy(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength), offset, start, start + count);
  if (typeof position !== 'number') entry.position += count;
  return count;
}

function fstatSync(fd, options) {
  return statSync(descriptor(fd).name, options);
}

// ---- callbacks and promises ---------------------------------------------------------------------------------

const syncs = { readFile: readFileSync, writeFile: writeFileSync, appendFile: appendFileSync, stat: statSync,
  lstat: lstatSync, readdir: readdirSync, mkdir: mkdirSync, mkdtemp: mkdtempSync, rm: rmSync, rmdir: rmdirSync,
  unlink: unlinkSync, rename: renameSync, copyFile: copyFileSync, access: accessSync, realpath: realpathSync,
  readlink: readlinkSync, symlink: symlinkSync, chmod: chmodSync, truncate: truncateSync, utimes: utimesSync,
  open: openSync, close: closeSync, fstat: fstatSync };

function withCallback(sync, name) {
  return function (...args) {
    const callback = args.pop();
    if (typeof callback !== 'function') {
      const error = new TypeError(`The "cb" argument must be of type function. Received ${typeof callback}`);
      error.code = 'ERR_INVALID_ARG_TYPE';
      throw error;
    }
    let result;
    let failure = null;
    try {
      result = sync(...args);
    } catch (error) {
      failure = error;
    }
    setImmediate(() => (failure ? callback(failure) : callback(null, result)));
  };
}

const promises = {};
const callbacks = {};
for (const name of Object.keys(syncs)) {
  callbacks[name] = withCallback(syncs[name], name);
  promises[name] = (...args) => new Promise((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(syncs[name](...args));
      } catch (error) {
        reject(error);
      }
    });
  });
}
callbacks.exists = (path, callback) => setImmediate(() => callback(existsSync(path)));
callbacks.read = withCallback((...args) => readSync(...args), 'read');
callbacks.write = withCallback((...args) => writeSync(...args), 'write');
delete promises.open;
delete promises.close;
delete promises.fstat;
promises.constants = undefined;

// ---- streams: whole-file, enough for piping a file's content or collecting what is written -------------------

class ReadStream extends EventEmitter {
  constructor(path, options = {}) {
    super();
    this.path = pathOf(path);
    this.bytesRead = 0;
    this.readable = true;
    this._encoding = encodingOf(options, null);
    this._start = options.start || 0;
    this._end = options.end;
    this._highWaterMark = options.highWaterMark || 64 * 1024;
    setImmediate(() => this._flow());
  }

  setEncoding(encoding) {
    this._encoding = encoding;
    return this;
  }

  _flow() {
    let content;
    try {
      content = readFileSync(this.path);
    } catch (error) {
      this.emit('error', error);
      this.emit('close');
      return;
    }
    this.emit('open', 0);
    this.emit('ready');
    content = content.subarray(this._start, this._end === undefined ? content.length : this._end + 1);
    for (let at = 0; at < content.length; at += this._highWaterMark) {
      const chunk = content.subarray(at, at + this._highWaterMark);
      this.bytesRead += chunk.length;
      this.emit('data', this._encoding ? chunk.toString(this._encoding) : chunk);
    }
    this.readable = false;
    this.emit('end');
    this.emit('close');
  }

  pipe(destination) {
    this.on('data', (chunk) => destination.write(chunk));
    this.on('end', () => { if (destination !== process.stdout && destination !== process.stderr) destination.end(); });
    return destination;
  }

  async *[Symbol.asyncIterator]() {
    const chunks = [];
    let done = false;
    let failure;
    let wake;
    this.on('data', (chunk) => { chunks.push(chunk); if (wake) wake(); });
    this.on('end', () => { done = true; if (wake) wake(); });
    this.on('error', (error) => { failure = error; if (wake) wake(); });
    while (true) {
      if (failure) throw failure;
      if (chunks.length > 0) { yield chunks.shift(); continue; }
      if (done) return;
      await new Promise((resolve) => { wake = resolve; });
      wake = undefined;
    }
  }
}

class WriteStream extends EventEmitter {
  constructor(path, options = {}) {
    super();
    this.path = pathOf(path);
    this.bytesWritten = 0;
    this.writable = true;
    const flag = (options && options.flags) || 'w';
    try {
      if (!flag.startsWith('a')) writeFileSync(this.path, '');
      else appendFileSync(this.path, '');
      setImmediate(() => { this.emit('open', 0); this.emit('ready'); });
    } catch (error) {
      this.writable = false;
      setImmediate(() => this.emit('error', error));
    }
  }

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') { callback = encoding; encoding = undefined; }
    const data = typeof chunk === 'string' ? Buffer.from(chunk, encoding || 'utf8') : chunk;
    appendFileSync(this.path, data);
    this.bytesWritten += data.length;
    if (callback) setImmediate(callback);
    return true;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') { callback = chunk; chunk = undefined; }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    this.writable = false;
    setImmediate(() => {
      this.emit('finish');
      this.emit('close');
      if (typeof callback === 'function') callback();
    });
    return this;
  }

  close(callback) {
    return this.end(callback);
  }
}

const constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, COPYFILE_EXCL: 1, COPYFILE_FICLONE: 2, O_RDONLY: 0, O_WRONLY: 1,
  O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024, S_IFMT: 61440, S_IFREG: 32768, S_IFDIR: 16384 };
promises.constants = constants;

module.exports = Object.assign(callbacks, {
  readFileSync, writeFileSync, appendFileSync, existsSync, statSync, lstatSync, readdirSync, mkdirSync, mkdtempSync,
  rmSync, rmdirSync, unlinkSync, renameSync, copyFileSync, accessSync, realpathSync, readlinkSync, symlinkSync,
  chmodSync, truncateSync, utimesSync, openSync, closeSync, readSync, writeSync, fstatSync,
  createReadStream: (path, options) => new ReadStream(path, options),
  createWriteStream: (path, options) => new WriteStream(path, options),
  ReadStream, WriteStream, Stats, Dirent, promises, constants,
  F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1,
});
