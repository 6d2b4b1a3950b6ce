// process.exit inside a callback ends the script with that code, as on Node.js: here from a callback C calls on
// the script's own thread (qsort's comparator). The Java harness expects 7 and no line after the call.
const { load, open, DataType, funcConstructor, createPointer, unwrapPointer, arrayConstructor } = require('ffi-rs')
open({ library: 'libc', path: '' })
const numbers = createPointer({ paramsType: [DataType.I32Array], paramsValue: [[3, 1, 2]] })
const one = arrayConstructor({ type: DataType.I32Array, length: 1 })
console.log('exit-in-callback: ok')
load({
  library: 'libc', funcName: 'qsort', retType: DataType.Void,
  paramsType: [DataType.External, DataType.U64, DataType.U64, funcConstructor({ paramsType: [one, one], retType: DataType.I32 })],
  paramsValue: [unwrapPointer(numbers)[0], 3, 4, () => process.exit(7)],
})
console.log('exit-in-callback: not reached')
