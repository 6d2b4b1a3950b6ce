// ffi-rs (load with object literals, define) and koffi (declared functions) under Node.js.
const path = require('path')
const { measure, check } = require('./measure.js')
const library = process.argv[2]
const results = []

// concatenateStrings returns memory it malloc'd. The other runtimes free it after decoding, as a correct program
// does; at millions of calls a second the leak would otherwise measure the kernel's page faults. ffi-rs 1.3.7 leaves
// it: its freeResultMemory aborts the process ("double free or corruption") on a String result, and at its rate
// the leak is a few MB/s, too little to matter.
const ffiRs = require('ffi-rs')
const { DataType } = ffiRs
ffiRs.open({ library: 'bench', path: library })
ffiRs.open({ library: 'libc', path: '' })
const ffiRsLoad = () => {
  const sum = ffiRs.load({ library: 'bench', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] })
  const text = ffiRs.load({ library: 'bench', funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: ['foo', 'bar'] })
  const number = ffiRs.load({ library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'] })
  return sum + number + text.length
}
check('ffi-rs load', ffiRsLoad)
results.push(measure('ffi-rs load', ffiRsLoad))

const defined = ffiRs.define({
  sum: { library: 'bench', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32] },
  concatenateStrings: { library: 'bench', retType: DataType.String, paramsType: [DataType.String, DataType.String] },
})
const libc = ffiRs.define({ atoi: { library: 'libc', retType: DataType.I32, paramsType: [DataType.String] } })
const ffiRsDefine = () => defined.sum([1, 2]) + libc.atoi(['1000']) + defined.concatenateStrings(['foo', 'bar']).length
check('ffi-rs define', ffiRsDefine)
results.push(measure('ffi-rs define', ffiRsDefine))

const koffi = require('koffi')
const lib = koffi.load(library)
const koffiLibc = koffi.load('libc.so.6')
const ksum = lib.func('int sum(int, int)')
const HeapString = koffi.disposable('HeapString', 'const char *') // decoded, then freed
const kconcat = lib.func('HeapString concatenateStrings(const char *, const char *)')
const katoi = koffiLibc.func('int atoi(const char *)')
const koffiCall = () => ksum(1, 2) + katoi('1000') + kconcat('foo', 'bar').length
check('koffi', koffiCall)
results.push(measure('koffi', koffiCall))

console.log(JSON.stringify(results))
