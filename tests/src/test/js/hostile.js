// Values a hostile or careless script builds: cyclic and very deep objects and descriptions, detached buffers,
// buffers where pointers belong. Each must end in an Error naming where and what, never a raw Java exception,
// and the engine must answer right afterwards. The expected messages are those of HostileValuesTest.
const { strictEqual, throws } = require('assert')
const {
  load, open, DataType, createPointer, restorePointer, unwrapPointer, wrapPointer, isNullPointer, createExternalBuffer,
} = require('ffi-rs')

open({ library: 'libsum', path: process.env.FFI_TESTLIB })

const call = (funcName, retType, paramsType, paramsValue) =>
  load({ library: 'libsum', funcName, retType, paramsType, paramsValue })
const sane = () => strictEqual(call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2]), 3)
const nodeType = { value: DataType.I32 }
nodeType.next = nodeType
const tooDeep = /nests more than 256 levels deep/

const testCyclicAndDeepValues = () => {
  const node = { value: 1 }
  node.next = node
  throws(() => call('list_sum', DataType.I32, [nodeType], [node]),
    /^libsum\.list_sum: paramsValue\[0\](\.next){8}\.\.\.\(240 more\)\.\.\.(\.next){8}: the value nests more than 256 levels deep \(a value that contains itself, or a longer chain of struct pointers; the system property ffiscript\.maxNesting raises the limit, with a larger thread stack\)$/)
  let list = null
  for (let i = 100000; i >= 1; i--) list = { value: i, next: list }
  throws(() => call('list_sum', DataType.I32, [nodeType], [list]), tooDeep)
  let short = null
  for (let i = 256; i >= 1; i--) short = { value: i, next: short }
  strictEqual(call('list_sum', DataType.I32, [nodeType], [short]), 256 * 257 / 2)
  let nested = []
  for (let i = 0; i < 100000; i++) nested = [nested]
  throws(() => call('sum', DataType.I32, [DataType.I32, DataType.I32], [nested, 1]), /^libsum\.sum: paramsValue\[0\]: expected I32/)
  sane()
}

const testDeepDescriptions = () => {
  let description = { leaf: DataType.I32 }
  for (let i = 0; i < 20000; i++) description = { inner: description }
  throws(() => call('list_sum', DataType.I32, [description], [{}]), /^libsum\.list_sum: paramsType\[0\](\.inner){8}\.\.\..*the description nests more than 256 levels deep/)
  throws(() => createPointer({ paramsType: ['int ' + '*'.repeat(100000) + ''], paramsValue: [null] }), tooDeep)
  sane()
}

const testDetachedBuffers = () => {
  for (const make of [(buffer) => buffer, (buffer) => new Uint8Array(buffer, 2, 4)]) {
    const buffer = new ArrayBuffer(8)
    const value = make(buffer)
    buffer.transfer()
    throws(() => call('fill_bytes', DataType.I32, [DataType.U8Array, DataType.I32, DataType.I32], [value, 4, 7]),
      /^libsum\.fill_bytes: paramsValue\[0\]: expected U8Array \(a byte array, a ByteBuffer or a list of numbers\), got a detached ArrayBuffer$/)
  }
  strictEqual(call('fill_bytes', DataType.I32, [DataType.U8Array, DataType.I32, DataType.I32], [new Uint8Array(0), 0, 7]), 0)
  throws(() => call('sum', DataType.I32, [DataType.I32, DataType.I32], [Symbol('s'), 1]), /got Symbol\(s\)$/)
  sane()
}

const testBuffersWherePointersBelong = () => {
  for (const buffer of [Buffer.from([1, 2]), new ArrayBuffer(4), new Uint8Array(2)]) {
    throws(() => isNullPointer(buffer), /^isNullPointer: expected a pointer, got a byte array of \d bytes$/)
    throws(() => unwrapPointer([buffer]), /^unwrapPointer: \[0\]: expected a pointer, got a byte array/)
    throws(() => wrapPointer([buffer]), /^wrapPointer: \[0\]: expected a pointer, got a byte array/)
    throws(() => createExternalBuffer(buffer, 2), /^createExternalBuffer: pointer: expected a pointer, got a byte array/)
    throws(() => unwrapPointer(buffer), /^unwrapPointer: expected an array of pointers/)
  }
  throws(() => restorePointer({ retType: [DataType.I32], paramsValue: [Buffer.from([1, 2, 3, 4])] }),
    /^restorePointer: paramsValue\[0\]: expected a pointer, got a byte array of 4 bytes$/)
  sane()
}

const run = require('./lib/run-tests.js')

run('hostile', [
  testCyclicAndDeepValues,
  testDeepDescriptions,
  testDetachedBuffers,
  testBuffersWherePointersBelong,
]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
