// A short script as people port them: N times the operation of ffi-rs's README benchmark through load.
// Runs unchanged under Node.js + ffi-rs and under ./ffi-script:  load-loop.js LIBRARY N
const { open, load, DataType } = require('ffi-rs')
const [library, n] = [process.argv[2], Number(process.argv[3] || 1)]
open({ library: 'bench', path: library })
open({ library: 'libc', path: '' })
let total = 0
for (let i = 0; i < n; i++) {
  total += load({ library: 'bench', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] })
  total += load({ library: 'bench', funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: ['foo', 'bar'] }).length
  total += load({ library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'] })
}
console.log(total)
