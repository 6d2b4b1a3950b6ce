// errno: captured right after the call, with the message strerror gives.
const { load, open, DataType, isNullPointer } = require('ffi-rs')
open({ library: 'libc', path: '' })
const { value, errnoCode, errnoMessage } = load({
  library: 'libc', funcName: 'fopen', retType: DataType.External,
  paramsType: [DataType.String, DataType.String], paramsValue: ['/no/such/file.txt', 'r'], errno: true,
})
console.log(`fopen("/no/such/file.txt") = ${isNullPointer(value) ? 'NULL' : value}, errno ${errnoCode} (${errnoMessage})`)
