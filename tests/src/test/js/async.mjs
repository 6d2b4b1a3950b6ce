// An ES module: imports from 'ffi-rs' and 'assert', runInNewThread promises, timers, a callback from a detached
// native thread while the script awaits, Buffer and process.
import assert from 'assert'
import { deepStrictEqual, strictEqual, ok } from 'assert'
import { load, open, close, define, declare, DataType, funcConstructor } from 'ffi-rs'
import * as ffiRs from 'ffi-rs'

open({ library: 'libsum', path: process.env.FFI_TESTLIB })

// every export of the CommonJS module is a named export, declare included
strictEqual(typeof declare, 'function')
deepStrictEqual(Object.keys(ffiRs).filter((name) => name !== 'default').sort(), Object.keys(ffiRs.default).sort())

const call = (funcName, retType, paramsType, paramsValue, options = {}) =>
  load(Object.assign({ library: 'libsum', funcName, retType, paramsType, paramsValue }, options))
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const testImports = () => {
  strictEqual(typeof assert, 'function')
  strictEqual(typeof assert.throws, 'function')
  strictEqual(assert.strictEqual, strictEqual)
  strictEqual(DataType.I32, 1)
  strictEqual(DataType.StackStruct, 999)
  strictEqual(typeof load, 'function')
}

const testRunInNewThread = async () => {
  const pending = call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2], { runInNewThread: true })
  ok(pending instanceof Promise, 'a Promise')
  strictEqual(await pending, 3)
  // the call runs on another thread
  const here = call('current_thread_id', DataType.I64, [], [])
  const there = await call('current_thread_id', DataType.I64, [], [], { runInNewThread: true })
  ok(here !== there, `${here} vs ${there}`)
  // ffi-rs's style: then()
  await call('concatenateStrings', DataType.String, [DataType.String, DataType.String], ['foo', 'bar'], { runInNewThread: true })
    .then((res) => strictEqual(res, 'foobar'))
}

// a Void function gives undefined, also through a promise
const testVoidInNewThread = async () => {
  strictEqual(await call('noRet', DataType.Void, [], [], { runInNewThread: true }), undefined)
  const lib = define({ noRet: { library: 'libsum', retType: DataType.Void, paramsType: [], runInNewThread: true } })
  strictEqual(await lib.noRet([]), undefined)
}

const testParallelSleeps = async () => {
  const start = Date.now()
  const results = await Promise.all([0, 1, 2].map(() =>
    call('sleep_ms', DataType.I32, [DataType.I32], [300], { runInNewThread: true })))
  const elapsed = Date.now() - start
  deepStrictEqual(results, [300, 300, 300])
  ok(elapsed >= 290, `took ${elapsed} ms`)
  ok(elapsed < 800, `three parallel 300 ms sleeps took ${elapsed} ms`)
}

// closing a library while a call is running in it lets that call finish, and refuses new ones
const testCloseDuringCall = async () => {
  const sleeping = call('sleep_ms', DataType.I32, [DataType.I32], [300], { runInNewThread: true })
  await sleep(50)
  close('libsum')
  assert.throws(() => call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2]), /library 'libsum' is not open/)
  strictEqual(await sleeping, 300)
  open({ library: 'libsum', path: process.env.FFI_TESTLIB })
  strictEqual(call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2]), 3)
}

const testManyInFlight = async () => {
  const results = await Promise.all(Array.from({ length: 50 }, (_, i) =>
    call('concatenateStrings', DataType.String, [DataType.String, DataType.String], [`left-${i}`, '-right'], { runInNewThread: true })))
  deepStrictEqual(results, Array.from({ length: 50 }, (_, i) => `left-${i}-right`))
}

const testErrnoInNewThread = async () => {
  deepStrictEqual(await call('sleep_then_fail', DataType.I32, [DataType.I32, DataType.I32], [20, 13], { errno: true, runInNewThread: true }),
    { value: -1, errnoCode: 13, errnoMessage: 'Permission denied' })
  const lib = define({
    sleep_then_fail: { library: 'libsum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], errno: true, runInNewThread: true },
  })
  deepStrictEqual(await lib.sleep_then_fail([5, 2]), { value: -1, errnoCode: 2, errnoMessage: 'No such file or directory' })
}

const testRejections = async () => {
  // bad values are refused before the call starts
  assert.throws(() => call('sleep_ms', DataType.I32, [DataType.I32], ['soon'], { runInNewThread: true }),
    /^libsum\.sleep_ms: paramsValue\[0\]: expected I32/)
  await assert.rejects(Promise.reject(new Error('nope')), /nope/)
  await assert.rejects(async () => { throw new TypeError('async nope') }, TypeError)
  // a callback that throws during a runInNewThread call rejects its promise
  const intToInt = funcConstructor({ paramsType: [DataType.I32], retType: DataType.I32 })
  await assert.rejects(call('upcall_loop', DataType.I32, [intToInt, DataType.I32], [() => { throw new Error('boom') }, 2], { runInNewThread: true }),
    /a callback failed/)
  // and a callback that works returns its values to C from the worker thread
  strictEqual(await call('upcall_loop', DataType.I32, [intToInt, DataType.I32], [(x) => x * 2, 10], { runInNewThread: true }), 90)
}

const testTimers = async () => {
  const order = []
  // (a timer is due its delay after it was set; the gaps leave room for a slow start)
  setTimeout(() => order.push('150'), 150)
  setTimeout(() => order.push('30'), 30)
  setTimeout(() => order.push('90'), 90)
  setTimeout(() => order.push('0a'), 0)
  setTimeout(() => order.push('0b'), 0)
  setTimeout((a, b) => order.push(`args ${a} ${b}`), 5, 'x', 'y')
  setImmediate(() => order.push('immediate'))
  Promise.resolve().then(() => order.push('microtask'))
  const cancelled = setTimeout(() => order.push('cancelled'), 15)
  clearTimeout(cancelled)
  clearTimeout(undefined)
  order.push('sync')
  await sleep(200)
  deepStrictEqual(order.slice(0, 2), ['sync', 'microtask'])
  ok(order.indexOf('0a') < order.indexOf('0b'), order.join())
  deepStrictEqual(order.filter((item) => /^\d+$/.test(item)), ['30', '90', '150'])
  ok(order.includes('immediate'), order.join())
  ok(order.includes('args x y'), order.join())
  ok(!order.includes('cancelled'), order.join())
  ok(order.indexOf('args x y') < order.indexOf('30'), order.join())
  ok(order.indexOf('0b') < order.indexOf('30'), order.join())

  let ticks = 0
  await new Promise((resolve) => {
    const interval = setInterval(() => {
      ticks++
      if (ticks === 3) {
        clearInterval(interval)
        resolve()
      }
    }, 10)
  })
  await sleep(40)
  strictEqual(ticks, 3, 'no tick after clearInterval')
}

const testDetachedCallbackWhileAwaiting = async () => {
  const intToInt = funcConstructor({ paramsType: [DataType.I32], retType: DataType.I32 })
  let received
  const arrived = new Promise((resolve) => {
    call('call_later_detached', DataType.Void, [intToInt, DataType.I32, DataType.I32], [(x) => {
      received = x
      resolve(x)
      return x * 3
    }, 14, 100])
  })
  strictEqual(received, undefined, 'not called yet')
  // a guard, so that a callback that never comes fails the test instead of hanging it; it also keeps the
  // event loop alive while we wait (see the report: awaiting only the callback's promise ends the script)
  let guard
  const timeout = new Promise((resolve, reject) => {
    guard = setTimeout(() => reject(new Error('the detached thread never called back')), 5000)
  })
  strictEqual(await Promise.race([arrived, timeout]), 14)
  clearTimeout(guard)
  for (let i = 0; i < 200 && call('detached_result_value', DataType.I32, [], []) === -1; i++) await sleep(5)
  strictEqual(call('detached_result_value', DataType.I32, [], []), 42)
}

const testBuffer = () => {
  const b = Buffer.from('héllo 🎉')
  ok(Buffer.isBuffer(b))
  ok(b instanceof Uint8Array)
  ok(!Buffer.isBuffer(new Uint8Array(2)))
  strictEqual(b.length, 11)
  strictEqual(b.toString(), 'héllo 🎉')
  strictEqual(b.toString('utf8'), 'héllo 🎉')
  strictEqual(Buffer.from('hello').toString('hex'), '68656c6c6f')
  strictEqual(Buffer.from('68656c6c6f', 'hex').toString(), 'hello')
  strictEqual(Buffer.from('hello').toString('base64'), 'aGVsbG8=')
  strictEqual(Buffer.from('aGVsbG8=', 'base64').toString(), 'hello')
  strictEqual(Buffer.from('hi!').toString('base64'), 'aGkh')
  deepStrictEqual(Buffer.alloc(3), Buffer.from([0, 0, 0]))
  deepStrictEqual(Buffer.alloc(2, 7), Buffer.from([7, 7]))
  deepStrictEqual(Buffer.concat([Buffer.from([1]), Buffer.from([2, 3])]), Buffer.from([1, 2, 3]))
  ok(Buffer.from([1, 2]).equals(Buffer.from([1, 2])))
  strictEqual(Buffer.from('abc').toString('utf8', 1, 2), 'b')
  // a Buffer filled by C
  const out = Buffer.alloc(16)
  strictEqual(call('modifyData', DataType.I32, [DataType.U8Array], [out]), 12)
  strictEqual(out.toString('utf8', 0, 12), 'hello from C')
}

const testProcess = () => {
  strictEqual(process.platform, 'linux')
  strictEqual(typeof process.env.FFI_TESTLIB, 'string')
  strictEqual(process.env.FFI_TESTLIB, process.env['FFI_TESTLIB'])
  ok(Array.isArray(process.argv), 'argv is an array')
  ok(process.argv.length >= 1 && process.argv.every((arg) => typeof arg === 'string'), String(process.argv))
  if (process.argv[0] === 'ffi-script') {
    // run by the launcher, as Node does: [program, absolute script path, ...arguments]
    ok(process.argv[1].endsWith('/async.mjs'), process.argv[1])
    ok(process.argv[1].startsWith('/'), 'an absolute path: ' + process.argv[1])
    strictEqual(process.argv.length, 2, 'no arguments were given')
  }
  strictEqual(typeof process.exit, 'function')
}

// Runs every test, reports each failure with its stack, and fails the script if any did.
const run = async (name, tests) => {
  const failures = []
  for (const test of tests) {
    try {
      await test()
    } catch (error) {
      failures.push(test.name)
      const text = error instanceof Error && error.message ? error.stack : `${String(error)} (${typeof error})\n${error && error.stack}`
      console.error(`${name}: ${test.name} FAILED: ${text}`)
    }
  }
  if (failures.length > 0) throw new Error(`${name}: ${failures.length} failed: ${failures.join(', ')}`)
  console.log(`${name}: ok`)
}

// top-level await, as ES modules allow
try {
  await run('async', [
    testImports,
    testRunInNewThread,
    testVoidInNewThread,
    testParallelSleeps,
    testManyInFlight,
    testCloseDuringCall,
    testErrnoInNewThread,
    testRejections,
    testTimers,
    testDetachedCallbackWhileAwaiting,
    testBuffer,
    testProcess,
  ])
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
