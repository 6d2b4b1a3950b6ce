// Buffers are shared with C: what C writes into a Buffer is there after the call.
const { load, open, DataType } = require('ffi-rs')
open({ library: 'libc', path: '' })
const call = (funcName, retType, paramsType, paramsValue) => load({ library: 'libc', funcName, retType, paramsType, paramsValue })

const buffer = Buffer.alloc(32)
call('memset', DataType.External, [DataType.U8Array, DataType.I32, DataType.U64], [buffer, '*'.charCodeAt(0), 5])
console.log(`after memset: "${buffer.toString('utf8', 0, 5)}"`)

const source = Buffer.from('copied by memcpy\0')
call('memcpy', DataType.External, [DataType.U8Array, DataType.U8Array, DataType.U64], [buffer, source, source.length])
console.log(`after memcpy: "${buffer.toString('utf8', 0, buffer.indexOf(0))}"`)

const name = Buffer.alloc(8)
call('strncpy', DataType.External, [DataType.U8Array, DataType.String, DataType.U64], [name, 'ffi-script!', 7])
console.log(`after strncpy: "${name.toString('utf8', 0, 7)}" (${name.toString('hex')})`)

console.log(`strcmp("abc", "abd") = ${call('strcmp', DataType.I32, [DataType.String, DataType.String], ['abc', 'abd'])}`)
