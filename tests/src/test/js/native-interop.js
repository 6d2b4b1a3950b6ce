// Native interop as real C libraries need it: long lists, struct pointers, out-parameters, decode/encode.
const { strictEqual, deepStrictEqual, ok, throws } = require('assert')
const ffi = require('ffi-rs')
const { load, open, define, declare, DataType, createPointer, restorePointer, freePointer, decode, encode } = ffi

open({ library: 'libsum', path: process.env.FFI_TESTLIB })
const call = (funcName, retType, paramsType, paramsValue, options = {}) =>
  load(Object.assign({ library: 'libsum', funcName, retType, paramsType, paramsValue }, options))

const node = { value: DataType.I32, next: null }
node.next = node

const testAMillionNodeListDecodes = () => {
  const list = call('make_list', node, [DataType.I32], [1000000], { freeResultMemory: true })
  let expected = 1
  for (let at = list; at !== null; at = at.next) {
    if (at.value !== expected) throw new Error(`node ${expected} holds ${at.value}`)
    expected++
  }
  strictEqual(expected, 1000001)
  const cycle = call('make_cycle', node, [], [])
  strictEqual(cycle.next.value, 2)
  strictEqual(cycle.next.next, cycle)
}

declare('typedef struct { int32_t x; int32_t y; } Spot;')
const fn = (prototype) => define({ f: { library: 'libsum', prototype } }).f

const testTypedArraysAreOutParameters = () => {
  const cases = [
    ['void twice_i16(int16_t *values, int n)', new Int16Array([-300, 7]), [-600, 14]],
    ['void twice_u16(uint16_t *values, int n)', new Uint16Array([40000, 1]), [14464, 2]],
    ['void twice_i32(int32_t *values, int n)', new Int32Array([-5, 1 << 20]), [-10, 1 << 21]],
    ['void twice_u32(uint32_t *values, int n)', new Uint32Array([1500000000, 5]), [3000000000, 10]],
    ['void twice_i64(int64_t *values, int n)', new BigInt64Array([-(2n ** 40n), 3n]), [-(2n ** 41n), 6n]],
    ['void twice_u64(uint64_t *values, int n)', new BigUint64Array([2n ** 62n, 3n]), [2n ** 63n, 6n]],
    ['void twice_float(float *values, int n)', new Float32Array([1.25, -2]), [2.5, -4]],
    ['void twice_double(double *values, int n)', new Float64Array([0.75, 1e300]), [1.5, 2e300]],
    ['void twice_i8(int8_t *values, int n)', new Int8Array([-3, 4]), [-6, 8]],
    ['void twice_u8(uint8_t *values, int n)', new Uint8Array([100, 1]), [200, 2]],
  ]
  for (const [prototype, values, expected] of cases) {
    fn(prototype)([values, 2])
    deepStrictEqual(Array.from(values), expected, prototype)
  }
  const untouched = new Int32Array([1, 2])
  fn('void twice_i32(const int32_t *values, int n)')([untouched, 2]) // const: C only reads, nothing comes back
  deepStrictEqual(Array.from(untouched), [1, 2])
}

const testAnInOutLength = () => {
  const dest = Buffer.alloc(16)
  const destLen = new BigUint64Array([16n])
  const reverse = fn('int reverse_into(uint8_t *dest, unsigned long *destLen, const uint8_t *src, unsigned long srcLen)')
  strictEqual(reverse([dest, destLen, Buffer.from('hello'), 5]), 0)
  strictEqual(destLen[0], 5n)
  strictEqual(dest.toString('utf8', 0, 5), 'olleh')
  const length = new BigUint64Array([16n]) // load with C type names: the same out-parameter
  strictEqual(call('reverse_into', DataType.I32, [DataType.U8Array, 'unsigned long *', DataType.U8Array, 'unsigned long'],
    [dest, length, Buffer.from('ab'), 2]), 0)
  strictEqual(dest.toString('utf8', 0, 2), 'ba')
  strictEqual(length[0], 2n)
}

const testStructPointers = () => {
  const move = fn('int spot_move(Spot *spot, int dx, int dy)')
  const spot = { x: 1, y: 2 }
  strictEqual(move([spot, 10, 20]), 0)
  deepStrictEqual(spot, { x: 11, y: 22 })
  strictEqual(move([null, 1, 1]), -1)
  const [pointer] = createPointer({ paramsType: ['Spot'], paramsValue: [{ x: 5, y: 5 }] })
  strictEqual(move([pointer, 1, 2]), 0)
  deepStrictEqual(decode(pointer, 'Spot'), { x: 6, y: 7 })
  freePointer({ paramsType: [DataType.External], paramsValue: [pointer] })
  const frozen = Object.freeze({ x: 1, y: 2 }) // cannot change: passed, and keeps its fields
  strictEqual(move([frozen, 1, 1]), 0)
  deepStrictEqual(frozen, { x: 1, y: 2 })
  const readOnly = { x: 1, y: 2 }
  fn('int spot_move(const Spot *spot, int dx, int dy)')([readOnly, 5, 5])
  deepStrictEqual(readOnly, { x: 1, y: 2 })
  throws(() => move(['abc', 1, 1]),
    /^libsum\.spot_move: paramsValue\[0\]: expected struct\* \{x, y\} \(an object with the fields x, y, a pointer to such a struct, or null\), got "abc"$/)
}

const testDecodeAndEncode = () => {
  const text = call('interop_text', DataType.External, [], [])
  strictEqual(decode(text, 'char', -1), 'hello')
  strictEqual(decode({ pointer: text, offset: 6, type: 'char', length: -1 }), 'world')
  deepStrictEqual(decode(text, 'unsigned char', 5), Buffer.from('hello'))
  const spots = call('interop_spots', DataType.External, [], [])
  deepStrictEqual(decode(spots, 'Spot', 3), [{ x: 1, y: 2 }, { x: 3, y: 4 }, { x: 5, y: 6 }])
  const [memory] = createPointer({ paramsType: ['Spot'], paramsValue: [{ x: 0, y: 0 }] })
  encode(memory, 'Spot', { x: 8, y: 9 })
  encode({ pointer: memory, offset: 4, type: 'int', value: 10 })
  deepStrictEqual(restorePointer({ retType: ['Spot'], paramsValue: [memory] }), [{ x: 8, y: 10 }])
  throws(() => encode(memory, 'int', 'abc'), /^encode: value: expected I32/)
  freePointer({ paramsType: [DataType.External], paramsValue: [memory] })
}

require('./lib/run-tests')('native-interop', [
  testAMillionNodeListDecodes,
  testTypedArraysAreOutParameters,
  testAnInOutLength,
  testStructPointers,
  testDecodeAndEncode,
]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
