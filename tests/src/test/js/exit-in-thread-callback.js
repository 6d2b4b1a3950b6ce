// process.exit inside a callback that C calls from threads of its own ends the script with that code, as on
// Node.js. The Java harness expects 5 and no line after the call.
const { load, open, DataType, funcConstructor } = require('ffi-rs')
open({ library: 'libsum', path: process.env.FFI_TESTLIB })
console.log('exit-in-thread-callback: ok')
load({
  library: 'libsum', funcName: 'call_from_threads', retType: DataType.I64,
  paramsType: [funcConstructor({ paramsType: [DataType.I32], retType: DataType.I32 }), DataType.I32, DataType.I32],
  paramsValue: [(x) => process.exit(5), 2, 3],
})
console.log('exit-in-thread-callback: not reached')
