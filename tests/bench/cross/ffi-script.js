// ffi-script's JavaScript paths on GraalJS: load with object literals, and define.
const { measure, check } = require('./measure.js')
const { open, load, define, DataType } = require('ffi-rs')
const library = process.argv[2]
const results = []
open({ library: 'bench', path: library })
open({ library: 'libc', path: '' })

const viaLoad = () => {
  const sum = load({ library: 'bench', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] })
  const text = load({ library: 'bench', funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: ['foo', 'bar'], freeResultMemory: true })
  const number = load({ library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'] })
  return sum + number + text.length
}
check('ffi-script js load', viaLoad)
results.push(measure('ffi-script js load', viaLoad))

const defined = define({
  sum: { library: 'bench', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32] },
  concatenateStrings: { library: 'bench', retType: DataType.String, paramsType: [DataType.String, DataType.String], freeResultMemory: true },
})
const libc = define({ atoi: { library: 'libc', retType: DataType.I32, paramsType: [DataType.String] } })
const viaDefine = () => defined.sum([1, 2]) + libc.atoi(['1000']) + defined.concatenateStrings(['foo', 'bar']).length
check('ffi-script js define', viaDefine)
results.push(measure('ffi-script js define', viaDefine))

console.log(JSON.stringify(results))
