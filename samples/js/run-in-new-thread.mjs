// runInNewThread: each call runs on its own thread and returns a Promise; three 1-second sleeps take one second.
import { load, open, DataType } from 'ffi-rs'
open({ library: 'libc', path: '' })
const started = Date.now()
const sleeps = [1, 1, 1].map((seconds) => load({
  library: 'libc', funcName: 'sleep', retType: DataType.U32, paramsType: [DataType.U32], paramsValue: [seconds], runInNewThread: true,
}))
console.log(`three sleep(1) calls started; the script keeps running meanwhile`)
const results = await Promise.all(sleeps)
console.log(`all returned ${JSON.stringify(results)} after ${((Date.now() - started) / 1000).toFixed(1)} s`)
