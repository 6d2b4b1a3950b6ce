// Node's built-ins and globals as ported programs use them; every line must print as under Node 20
const assert = require('assert');
const util = require('util');
const { Buffer: BufferFromModule } = require('buffer');
const EventEmitter = require('events');
const path = require('path');
const os = require('os');
const fs = require('fs');

// Buffer
const b = Buffer.from('hello world');
console.log(b, b.length, Buffer.byteLength('héllo'), BufferFromModule === Buffer);
const slice = b.slice(0, 5);
slice[0] = 0x48;
console.log(b.toString(), b.subarray(6).toString(), slice.buffer === b.buffer);
console.log(b.indexOf('o'), b.lastIndexOf('o'), b.includes('world'), b.indexOf(Buffer.from('wor')), b.indexOf(0x6c, 5));
console.log(Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.from('x').equals(Buffer.from('x')), b.compare(b));
const w = Buffer.alloc(8);
console.log(w.write('hi', 1), w, w.fill('ab', 4), Buffer.alloc(3, 7));
const c = Buffer.alloc(4);
console.log(Buffer.from('wxyz').copy(c, 1, 0, 2), c);
const n = Buffer.alloc(16);
n.writeUIntLE(0x123456, 0, 3);
n.writeInt32BE(-2, 4);
n.writeDoubleLE(1.5, 8);
console.log(n.readUIntLE(0, 3), n.readInt32BE(4), n.readDoubleLE(8), n.readUInt16LE(0), n.readInt8(4));
n.writeBigUInt64LE(2n ** 63n, 8);
console.log(n.readBigUInt64LE(8), n.readBigInt64LE(8));
for (const encoding of ['utf8', 'utf16le', 'ucs2', 'latin1', 'binary', 'ascii', 'hex', 'base64', 'base64url']) {
  const encoded = Buffer.from('Zürich ✓', 'utf8').toString(encoding);
  console.log(encoding, JSON.stringify(encoded), Buffer.from(encoded, encoding).length, Buffer.isEncoding(encoding));
}
console.log(Buffer.from([1, 2, 3]).toJSON(), Buffer.concat([Buffer.from('a'), Buffer.from('bc')]), Buffer.isBuffer(b));
console.log(Buffer.from(new Uint16Array([1, 2]).buffer), new Uint8Array(b.buffer, b.byteOffset, 2));

// large buffers (converted by the host in bulk): every encoding, both directions, lone surrogates, heap views
const large = Buffer.alloc(1000);
for (let i = 0; i < large.length; i++) large[i] = (i * 37 + 11) & 255;
for (const encoding of ['utf8', 'latin1', 'ascii', 'hex', 'base64', 'base64url', 'utf16le']) {
  const decoded = large.toString(encoding);
  console.log(encoding, decoded.length, Buffer.from(decoded.slice(0, 8)).toString('hex'), large.toString(encoding, 3, 777).length);
}
const longText = 'héllo wörld \ud83d\ude00 lone \ud800 end '.repeat(20);
for (const encoding of ['utf8', 'latin1', 'utf16le']) {
  const encoded = Buffer.from(longText, encoding);
  console.log(encoding, encoded.length, encoded.subarray(0, 24).toString('hex'), encoded.toString(encoding) === longText);
}
console.log(Buffer.from(new Uint8Array(600).map((_, i) => i & 255).buffer).toString('hex', 10, 400).slice(0, 30));

// util.inspect and console.log, as Node prints them
class Point {
  constructor() {
    this.x = 1;
    this.y = { z: [1, 2, { deep: { deeper: true } }] };
  }
}
const circular = { name: 'loop' };
circular.self = circular;
console.log(new Point(), [new Point()], circular);
console.log(new Map([['a', { b: 1 }], [1, [2]]]), new Set(['x', 2]), new WeakMap(), [1, , 3], [undefined, null, NaN, -0]);
console.log(Array.from({ length: 30 }, (_, i) => i * 3), Array.from({ length: 120 }, (_, i) => i).length);
console.log(['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'ggggggg', 'hhhhhhhh'], new Uint8Array([1, 2, 3]), new Float64Array(2));
console.log({ 'needs quotes': 1, valid_id: 2, [Symbol('s')]: 3 }, Symbol('t'), 10n, [function named() {}, () => {}, class A {}]);
console.log({ a: { b: { c: { d: { e: 1 } } } } }, util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }));
console.log(new Date(0), /re/g, new Error('boom').message, Object.create(null), { s: 'it\'s "quoted"' }, 'top level string');
console.log(util.inspect('x'.repeat(5)), util.inspect([[[[1]]]]), util.inspect(new Array(5)), { long: 'y'.repeat(90) });
console.log(util.format('%s %d %i %f %j %o %O %%', 'str', 42.5, 42.5, '1.5', { j: 1 }, 'o', { O: 1 }), util.format('a', 'b', 3));
console.log(util.format('%s', { nested: { deep: 1 } }), util.format('%d', '0x10'), util.format(1, 2), util.format('%c', 'css'));
console.log(util.types.isPromise(Promise.resolve()), util.types.isDate(new Date()), util.types.isTypedArray(b), util.isDeepStrictEqual([1, { a: 2 }], [1, { a: 2 }]));

// crypto and tty
const crypto = require('crypto');
console.log(crypto.createHash('sha256').update('abc').digest('hex'), crypto.createHash('md5').update(Buffer.from('a')).digest('base64'),
  crypto.createHmac('sha1', 'key').update('data').digest('hex'), crypto.randomBytes(8).length,
  /^[0-9a-f-]{36}$/.test(crypto.randomUUID()), globalThis.crypto.getRandomValues(new Uint32Array(2)).length);
console.log(require('tty').isatty(99), typeof require('tty').WriteStream);

// events, path, os
const emitter = new EventEmitter();
emitter.once('ready', (value) => console.log('ready once', value));
emitter.on('ready', (value) => console.log('ready on', value));
emitter.emit('ready', 1);
emitter.emit('ready', 2);
console.log(emitter.listenerCount('ready'), EventEmitter.EventEmitter === EventEmitter, typeof EventEmitter.once);
console.log(path.join('/a/b', '../c', './d.txt'), path.dirname('/a/b/c.txt'), path.basename('/a/b/c.txt', '.txt'),
  path.extname('x.tar.gz'), path.parse('/home/u/f.txt'), path.relative('/a/b', '/a/c/d'), path.sep, path.isAbsolute('a'),
  path.normalize('/a//b/../c/.'), path.posix === path);
console.log(os.EOL === '\n', os.platform() === process.platform, os.arch() === process.arch, typeof os.totalmem(), os.endianness());

// fs
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ffi-node-'));
fs.mkdirSync(path.join(dir, 'a/b/c'), { recursive: true });
fs.writeFileSync(path.join(dir, 'a/file.txt'), 'line 1\n');
fs.appendFileSync(path.join(dir, 'a/file.txt'), Buffer.from('line 2\n'));
console.log(fs.readFileSync(path.join(dir, 'a/file.txt'), 'utf8'), fs.readdirSync(path.join(dir, 'a')));
console.log(fs.readdirSync(path.join(dir, 'a'), { withFileTypes: true }).map((e) => [e.name, e.isDirectory()]));
const stat = fs.statSync(path.join(dir, 'a/file.txt'));
console.log(stat.isFile(), stat.isDirectory(), stat.size, stat.mtime instanceof Date, fs.existsSync(path.join(dir, 'nope')));
fs.renameSync(path.join(dir, 'a/file.txt'), path.join(dir, 'a/renamed.txt'));
fs.copyFileSync(path.join(dir, 'a/renamed.txt'), path.join(dir, 'copy.txt'));
console.log(fs.readdirSync(dir).sort(), fs.statSync(path.join(dir, 'nope'), { throwIfNoEntry: false }));
for (const attempt of [() => fs.readFileSync(path.join(dir, 'nope')), () => fs.rmdirSync(path.join(dir, 'a')),
  () => fs.mkdirSync(path.join(dir, 'a')), () => fs.unlinkSync(path.join(dir, 'a')), () => fs.readFileSync(dir)]) {
  try {
    attempt();
  } catch (error) {
    console.log(error.code, error.syscall, error.errno, error.message.replace(dir, 'DIR'));
  }
}
fs.unlinkSync(path.join(dir, 'copy.txt'));
fs.rmSync(dir, { recursive: true, force: true });
console.log(fs.existsSync(dir));

// process and globals
console.log(typeof process.pid, process.pid === process.pid, typeof process.hrtime.bigint(), process.hrtime().length,
  process.memoryUsage().rss > 1000000, process.cwd() === path.resolve('.'), typeof process.uptime(), process.argv.length >= 2);
console.log(typeof TextEncoder, new TextDecoder().decode(new TextEncoder().encode('añb ✓')), new TextEncoder().encode('é'));
console.log(new URL('https://user@example.com:8080/p/a?q=1#h').port, new URLSearchParams('a=1&b=2').get('b'), atob(btoa('hi')));
console.log(structuredClone(new Map([[1, { a: [1] }]])), typeof queueMicrotask, typeof setImmediate, global === globalThis);
console.log(typeof performance.now(), typeof AbortController, typeof global.gc, typeof structuredClone);

// timers and microtasks, in Node's order
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => {
  console.log('immediate');
  require('timers/promises').setTimeout(5, 'later').then((v) => console.log('timers/promises', v));
});
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('microtask'));
util.promisify((x, callback) => setTimeout(() => callback(null, x * 2), 1))(21).then((v) => console.log('promisified', v));
assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 2] });
for (const [name, check] of [['legacy equal', () => assert.equal(1, '1')], ['strict equal', () => assert.strict.equal(1, '1')],
  ['assert/strict deepEqual', () => require('assert/strict').deepEqual({ a: 1 }, { a: '1' })]]) {
  try {
    check();
    console.log(name, 'passed');
  } catch (error) {
    console.log(name, 'threw', error.code, error.operator);
  }
}
assert.throws(() => assert.strictEqual(1, 2), { code: 'ERR_ASSERTION' });
process.on('exit', (code) => console.log('exit event', code));
console.log('sync end');
