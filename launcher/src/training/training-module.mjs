// The ES-module part of the JavaScript training run: import from 'ffi-rs'.
import { define, DataType } from 'ffi-rs'

const libc = define({ strlen: { library: 'libc', retType: DataType.U64, paramsType: [DataType.String] } })
export const strlen = (text) => libc.strlen([text])
