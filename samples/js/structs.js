// Structs: gettimeofday fills a struct timeval through a pointer the script made with createPointer.
const { load, open, DataType, createPointer, restorePointer, unwrapPointer, freePointer } = require('ffi-rs')
open({ library: 'libc', path: '' })

const timeval = { tv_sec: DataType.I64, tv_usec: DataType.I64 } // struct timeval on 64-bit Linux
const pointer = createPointer({ paramsType: [timeval], paramsValue: [{ tv_sec: 0, tv_usec: 0 }] })
const result = load({
  library: 'libc', funcName: 'gettimeofday', retType: DataType.I32,
  paramsType: [DataType.External, DataType.External], paramsValue: [unwrapPointer(pointer)[0], null],
})
const [now] = restorePointer({ retType: [timeval], paramsValue: pointer })
console.log(`gettimeofday() = ${result}: ${now.tv_sec} s ${now.tv_usec} µs since 1970`)
console.log(`that is ${new Date(now.tv_sec * 1000).toISOString()}`)
freePointer({ paramsType: [timeval], paramsValue: pointer })
