// The JavaScript training run: the build runs it once with -XX:AOTCacheOutput, and the JDK keeps the classes it
// loaded and the methods' profiles for every later ./ffi-script run. It does what scripts do, with libc only:
// the module system, load, define, strings, buffers, structs, callbacks, C declarations, runInNewThread, ESM.
const { open, load, define, declare, DataType, arrayConstructor, funcConstructor, createPointer, restorePointer,
  unwrapPointer, freePointer } = require('ffi-rs')
const assert = require('assert')
const { describeAtoi } = require('./training-helper.js')
const rounds = Number(process.argv[2])
open({ library: 'libc', path: '' })

let total = 0
for (let i = 0; i < rounds; i++) {
  total += load({ library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'] })
  total += load({ library: 'libc', funcName: 'abs', retType: DataType.I32, paramsType: [DataType.I32], paramsValue: [-i] })
  total += load({ library: 'libc', funcName: 'labs', retType: DataType.I64, paramsType: [DataType.I64], paramsValue: [-2] })
  total += load({ library: 'libc', funcName: 'sqrt', retType: DataType.Double, paramsType: [DataType.Double], paramsValue: [4] })
  total += load({ library: 'libc', funcName: 'getpriority', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [0, 0] })
  total += load({ library: 'libc', funcName: 'strstr', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: ['foobar', 'bar'] }).length
}
const libc = define({
  strlen: { library: 'libc', retType: DataType.U64, paramsType: [DataType.String] },
  memset: { library: 'libc', retType: DataType.External, paramsType: [DataType.U8Array, DataType.I32, DataType.U64] },
  getpid: { library: 'libc', retType: DataType.I32, paramsType: [] },
})
const buffer = Buffer.alloc(16)
for (let i = 0; i < rounds; i++) {
  total += libc.strlen(['héllo']) + libc.getpid([]) * 0
  libc.memset([buffer, 42, 4])
}
assert.strictEqual(buffer.toString('utf8', 0, 4), '****')
assert.strictEqual(load(describeAtoi('12')), 12)

const timeval = { tv_sec: DataType.I64, tv_usec: DataType.I64 }
const pointer = createPointer({ paramsType: [timeval], paramsValue: [{ tv_sec: 0, tv_usec: 0 }] })
load({ library: 'libc', funcName: 'gettimeofday', retType: DataType.I32, paramsType: [DataType.External, DataType.External],
  paramsValue: [unwrapPointer(pointer)[0], null] })
assert.ok(restorePointer({ retType: [timeval], paramsValue: pointer })[0].tv_sec > 0)
freePointer({ paramsType: [timeval], paramsValue: pointer })

const numbers = [42, -7, 19, 3, 0, 88, -23]
const data = createPointer({ paramsType: [DataType.I32Array], paramsValue: [numbers] })
const one = arrayConstructor({ type: DataType.I32Array, length: 1 })
load({ library: 'libc', funcName: 'qsort', retType: DataType.Void,
  paramsType: [DataType.External, DataType.U64, DataType.U64, funcConstructor({ paramsType: [one, one], retType: DataType.I32 })],
  paramsValue: [unwrapPointer(data)[0], numbers.length, 4, ([a], [b]) => a - b] })
const [sorted] = restorePointer({ retType: [arrayConstructor({ type: DataType.I32Array, length: numbers.length })], paramsValue: data })
assert.deepStrictEqual(sorted, [-23, -7, 0, 3, 19, 42, 88])

declare('struct tm { int tm_sec; int tm_min; int tm_hour; int tm_mday; int tm_mon; int tm_year; int tm_wday; int tm_yday; int tm_isdst; long tm_gmtoff; const char *tm_zone; };')
const declared = define({
  gmtime: 'struct tm *gmtime(const time_t *timer)',
  snprintf: 'int snprintf(char *buffer, size_t size, const char *format, ...)',
})
assert.strictEqual(declared.gmtime([[0]]).tm_year, 70)
const line = Buffer.alloc(32)
const written = declared.snprintf([line, line.length, '%s %d', 'const char *', 'step', 'int', 1])
assert.strictEqual(line.toString('utf8', 0, written), 'step 1')

// Node's surface: built-ins written here and bundled ones, the file system, inspect's formatting
const fs = require('fs')
const path = require('path')
const util = require('util')
assert.ok(fs.readFileSync(__filename, 'utf8').includes('training run'))
assert.ok(fs.existsSync(path.join(__dirname, 'training-helper.js')) && fs.statSync(__filename).isFile())
assert.ok(util.inspect({ list: [1, 2, 3], nested: { map: new Map([['k', 1]]) } }).includes('Map(1)'))
assert.strictEqual(Buffer.from('aGk=', 'base64').toString(), 'hi')
console.log('training:', process.platform, typeof process.pid, [1, 2], { a: 1 })

const later = load({ library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['7'], runInNewThread: true })
Promise.all([later, import('./training-module.mjs')]).then(([seven, module]) => {
  assert.strictEqual(seven, 7)
  assert.strictEqual(module.strlen('four'), 4)
  setTimeout(() => console.log(`training done: ${total}`), 1)
})
