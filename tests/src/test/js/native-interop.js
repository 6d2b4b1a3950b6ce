// Native interop as real C libraries need it: long lists, struct pointers, out-parameters, decode/encode.
const { strictEqual, deepStrictEqual, ok, throws } = require('assert')
const ffi = require('ffi-rs')
const { load, open, define, DataType } = ffi

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

require('./lib/run-tests')('native-interop', [
  testAMillionNodeListDecodes,
]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
