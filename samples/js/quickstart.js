// ffi-script in a minute: call libc through the running program, exactly as with ffi-rs on Node.js.
const { load, open, define, DataType } = require('ffi-rs')

// path '' opens the running program: libc and libm functions resolve through it.
open({ library: 'libc', path: '' })

// load: one call, described by an object literal.
const number = load({ library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'] })
console.log(`atoi("1000") = ${number}`)

// define: describe once, call many times.
const libc = define({
  strlen: { library: 'libc', retType: DataType.U64, paramsType: [DataType.String] },
  getpid: { library: 'libc', retType: DataType.I32, paramsType: [] },
  sqrt: { library: 'libc', retType: DataType.Double, paramsType: [DataType.Double] },
})
console.log(`strlen("héllo 🎉") = ${libc.strlen(['héllo 🎉'])} bytes`)
console.log(`getpid() = ${libc.getpid([])}`)
console.log(`sqrt(2) = ${libc.sqrt([2])}`)
