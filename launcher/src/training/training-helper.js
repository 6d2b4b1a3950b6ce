// The CommonJS part of the JavaScript training run: a module the script requires by a relative path.
const { DataType } = require('ffi-rs')

module.exports = { describeAtoi: (text) => ({ library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: [text] }) }
