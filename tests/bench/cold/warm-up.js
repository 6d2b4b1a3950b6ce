// The warm-up curve: the README operation through load, counted per 250 ms window from the start of the loop.
// Runs unchanged under Node.js + ffi-rs and under ./ffi-script:  warm-up.js LIBRARY SECONDS
const { open, load, DataType } = require('ffi-rs')
const [library, seconds] = [process.argv[2], Number(process.argv[3] || 8)]
open({ library: 'bench', path: library })
open({ library: 'libc', path: '' })
const windows = new Array(Math.round(seconds * 4)).fill(0)
const start = Date.now()
for (;;) {
  const window = Math.floor((Date.now() - start) / 250)
  if (window >= windows.length) break
  load({ library: 'bench', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] })
  load({ library: 'bench', funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: ['foo', 'bar'] })
  load({ library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'] })
  windows[window]++
}
console.log(JSON.stringify(windows))
