// Callbacks: libc's qsort calls a JavaScript comparator, and its return value reaches C.
const { load, open, DataType, arrayConstructor, funcConstructor, createPointer, restorePointer, unwrapPointer } = require('ffi-rs')
open({ library: 'libc', path: '' })

const numbers = [42, -7, 19, 3, 0, 88, -23]
const data = createPointer({ paramsType: [DataType.I32Array], paramsValue: [numbers] })
const one = arrayConstructor({ type: DataType.I32Array, length: 1 }) // each argument points at one int
let comparisons = 0
load({
  library: 'libc', funcName: 'qsort', retType: DataType.Void,
  paramsType: [DataType.External, DataType.U64, DataType.U64, funcConstructor({ paramsType: [one, one], retType: DataType.I32 })],
  paramsValue: [unwrapPointer(data)[0], numbers.length, 4, ([a], [b]) => { comparisons++; return a - b }],
})
const [sorted] = restorePointer({ retType: [arrayConstructor({ type: DataType.I32Array, length: numbers.length })], paramsValue: data })
console.log(`qsort(${JSON.stringify(numbers)}) = ${JSON.stringify(sorted)} in ${comparisons} comparisons`)
