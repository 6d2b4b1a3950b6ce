// Callbacks: script functions C calls synchronously, later, and from threads of its own, in the style of ffi-rs's
// testFunction (tests/index.ts); the expected values are those of CallbacksTest in tests/src/test/java.
const { equal, strictEqual, deepStrictEqual, ok, throws, notEqual } = require('assert')
const { inspect } = require('util')
const {
  load, open, DataType, PointerType, arrayConstructor, funcConstructor, createPointer, restorePointer, unwrapPointer,
  freePointer,
} = require('ffi-rs')

open({ library: 'libsum', path: process.env.FFI_TESTLIB })
open({ library: 'libc', path: '' })

const call = (funcName, retType, paramsType, paramsValue, options = {}) =>
  load(Object.assign({ library: 'libsum', funcName, retType, paramsType, paramsValue }, options))
const probeIntact = () => call('probe_intact', DataType.I32, [], [])
const fn = (paramsType, retType, options = {}) => funcConstructor(Object.assign({ paramsType, retType }, options))
const INT_TO_INT = fn([DataType.I32], DataType.I32)
const hex = (pointer) => /^\[External: (0x[0-9a-f]+)\]$/.exec(inspect(pointer))[1]
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const testApply = () => {
  strictEqual(INT_TO_INT.ffiTypeTag, DataType.Function, 'funcConstructor tags its description as a Function')
  strictEqual(call('apply', DataType.I32, [INT_TO_INT, DataType.I32], [(x) => x * 2, 21]), 42)
  // an arrow function, a function expression and a named function all work
  strictEqual(call('apply', DataType.I32, [INT_TO_INT, DataType.I32], [function (x) { return x - 1 }, 0]), -1)
  function negate (x) { return -x }
  strictEqual(call('apply', DataType.I32, [INT_TO_INT, DataType.I32], [negate, 5]), -5)
  // needFree: the C pointer is released when the call returns
  strictEqual(call('apply', DataType.I32, [fn([DataType.I32], DataType.I32, { needFree: true }), DataType.I32], [(x) => x + 1, 1]), 2)
}

const testFold = () => {
  const add = fn([DataType.I32, DataType.I32], DataType.I32)
  const seen = []
  strictEqual(call('fold', DataType.I32, [DataType.I32Array, DataType.I32, add, DataType.I32],
    [[1, 2, 3, 4], 4, (acc, item) => { seen.push([acc, item]); return acc + item }, 100]), 110)
  deepStrictEqual(seen, [[100, 1], [101, 2], [103, 3], [106, 4]])
}

const testReturnKinds = () => {
  strictEqual(call('apply_double', DataType.Double, [fn([DataType.Double], DataType.Double), DataType.Double], [(x) => x / 2, 5]), 2.5)
  strictEqual(call('apply_float', DataType.Float, [fn([DataType.Float], DataType.Float), DataType.Float], [(x) => x + 0.5, 0.25]), 0.75)
  strictEqual(call('apply_i64', DataType.I64, [fn([DataType.I64], DataType.I64), DataType.I64], [(x) => x * 1024, 2 ** 40]), 2 ** 50)
  // beyond 2^53 the callback gets and may return a BigInt
  strictEqual(call('apply_i64', DataType.I64, [fn([DataType.I64], DataType.I64), DataType.I64], [(x) => {
    strictEqual(typeof x, 'bigint')
    return x + 1n
  }, 2n ** 60n]), 2n ** 60n + 1n)
  strictEqual(call('apply_bool', DataType.Boolean, [fn([DataType.Boolean], DataType.Boolean), DataType.Boolean], [(x) => !x, false]), true)
  strictEqual(call('apply_string', DataType.String, [fn([DataType.String], DataType.String), DataType.String],
    [(s) => s.toUpperCase() + '!', 'héllo'], { freeResultMemory: true }), 'HÉLLO!')
  const target = createPointer({ paramsType: [DataType.I32], paramsValue: [7] })[0]
  const given = createPointer({ paramsType: [DataType.I32], paramsValue: [8] })[0]
  let received
  const back = call('apply_pointer', DataType.External, [fn([DataType.External], DataType.External), DataType.External],
    [(p) => { received = p; return target }, given])
  strictEqual(hex(received), hex(given))
  strictEqual(hex(back), hex(target))
  strictEqual(call('read_int', DataType.I32, [DataType.External], [back]), 7)
}

const testQsort = () => {
  // libc's qsort with a script comparator: it gets pointers to two ints, read as one-element arrays
  const data = createPointer({ paramsType: [DataType.I32Array], paramsValue: [[5, -3, 9, 1, 0]] })
  const one = arrayConstructor({ type: DataType.I32Array, length: 1 })
  let comparisons = 0
  const compare = (a, b) => {
    comparisons++
    return a[0] - b[0]
  }
  const result = load({
    library: 'libc',
    funcName: 'qsort',
    retType: DataType.Void,
    paramsType: [DataType.External, DataType.U64, DataType.U64, fn([one, one], DataType.I32)],
    paramsValue: [unwrapPointer(data)[0], 5, 4, compare],
  })
  strictEqual(result, undefined)
  ok(comparisons > 0)
  deepStrictEqual(restorePointer({ retType: [arrayConstructor({ type: DataType.I32Array, length: 5 })], paramsValue: data }),
    [[-3, 0, 1, 5, 9]])
  freePointer({ paramsType: [DataType.I32Array], paramsValue: data, pointerType: PointerType.RsPointer })

  // a C loop sorting pseudo-random ints with a comparator that reads through External pointers
  const readInt = (p) => restorePointer({ retType: [DataType.I32], paramsValue: [p] })[0]
  strictEqual(call('sort_random', DataType.I32, [DataType.I32, DataType.U32, fn([DataType.External, DataType.External], DataType.I32)],
    [64, 7, (a, b) => { const x = readInt(a); const y = readInt(b); return x < y ? -1 : x > y ? 1 : 0 }]), 1)
}

const testCallRich = () => {
  // ffi-rs's callFunction: every kind of argument in one callback
  const pair = { x: DataType.I32, y: DataType.I32 }
  const pairByValue = { x: DataType.I32, y: DataType.I32, ffiTypeTag: DataType.StackStruct }
  const rich = fn([DataType.I32, DataType.String, DataType.Double, DataType.Boolean,
    arrayConstructor({ type: DataType.I32Array, length: 3 }), arrayConstructor({ type: DataType.StringArray, length: 2 }),
    pair, pairByValue, DataType.Float, DataType.I64], DataType.Void)
  let called = 0
  const func = (a, b, c, d, e, f, g, h, i, j) => {
    called++
    equal(a, 100)
    equal(b, 'Hello, World!')
    equal(c, 100.11)
    equal(d, false)
    deepStrictEqual(e, [101, 202, 303])
    deepStrictEqual(f, ['Hello', 'world'])
    deepStrictEqual(g, { x: 1, y: 2 })
    deepStrictEqual(h, { x: 3, y: 4 })
    strictEqual(i, 1.5)
    strictEqual(j, 2 ** 40)
  }
  strictEqual(call('call_rich', DataType.Void, [rich], [func]), undefined)
  strictEqual(called, 1)
}

const testStoredCallback = () => {
  call('register_callback', DataType.Void, [INT_TO_INT], [(x) => x + 1000])
  strictEqual(call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2]), 3)
  strictEqual(call('fire_stored', DataType.I32, [DataType.I32], [5]), 1005)
  strictEqual(call('fire_stored', DataType.I32, [DataType.I32], [-1000]), 0)
}

const testCreatePointerCallback = () => {
  const funcExternal = createPointer({ paramsType: [INT_TO_INT], paramsValue: [(x) => -x] })
  const functionPointer = unwrapPointer(funcExternal)[0]
  strictEqual(call('apply', DataType.I32, [DataType.External, DataType.I32], [functionPointer, 7]), -7)
  strictEqual(call('apply', DataType.I32, [INT_TO_INT, DataType.I32], [functionPointer, 8]), -8)
  freePointer({ paramsType: [INT_TO_INT], paramsValue: funcExternal, pointerType: PointerType.RsPointer })
  throws(() => freePointer({ paramsType: [INT_TO_INT], paramsValue: funcExternal }), /freed already/)
}

const testOnePointerPerFunction = () => {
  const identity = (x) => x
  const first = call('function_address', DataType.External, [INT_TO_INT], [identity])
  const second = call('function_address', DataType.External, [INT_TO_INT], [identity])
  strictEqual(hex(first), hex(second))
  notEqual(hex(first), hex(call('function_address', DataType.External, [INT_TO_INT], [(x) => x])))
}

const testThreads = () => {
  // eight native threads call one callback at once; the calls are delivered to the script thread
  let calls = 0
  const perThread = 250
  let expected = 0
  for (let i = 0; i < 8 * perThread; i++) expected += i % 1000
  strictEqual(call('call_from_threads', DataType.I64, [INT_TO_INT, DataType.I32, DataType.I32],
    [(x) => { calls++; return x % 1000 }, 8, perThread]), expected)
  strictEqual(calls, 8 * perThread)
}

const testDetached = async () => {
  // a detached native thread calls after the call that passed the function has returned
  let calledWith
  strictEqual(call('call_later_detached', DataType.Void, [INT_TO_INT, DataType.I32, DataType.I32],
    [(x) => { calledWith = x; return x * 3 }, 14, 100]), undefined)
  strictEqual(calledWith, undefined, 'not yet')
  for (let i = 0; i < 500 && call('detached_result_value', DataType.I32, [], []) === -1; i++) await sleep(10)
  strictEqual(calledWith, 14)
  strictEqual(call('detached_result_value', DataType.I32, [], []), 42)
}

const testException = () => {
  let calls = 0
  throws(() => call('upcall_loop', DataType.I32, [INT_TO_INT, DataType.I32], [() => {
    calls++
    throw new Error('boom')
  }, 3]), /a callback failed/)
  strictEqual(calls, 3, 'C carried on with zeros and called again')
  try {
    call('apply', DataType.I32, [INT_TO_INT, DataType.I32], [() => { throw new TypeError('bad input') }, 1])
    ok(false, 'should have thrown')
  } catch (error) {
    ok(error instanceof Error, String(error))
    ok(/a callback failed/.test(error.message), error.message)
    ok(/bad input/.test(error.message), error.message)
  }
  // a return value C cannot take fails the call too
  throws(() => call('apply', DataType.I32, [INT_TO_INT, DataType.I32], [() => 'not a number', 1]),
    /a callback failed: the callback returned a value C cannot take: retType: expected I32 \(a whole number from -2147483648 to 2147483647\), got "not a number"$/)
  strictEqual(call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2]), 3)
}

// the message of a failed call starts with library.function, as every other engine error does
const testCallbackErrorMessage = () => {
  throws(() => call('upcall_loop', DataType.I32, [INT_TO_INT, DataType.I32], [() => { throw new Error('boom') }, 3]),
    /^libsum\.upcall_loop: a callback failed: (Error: )?boom$/)
  throws(() => call('apply', DataType.I32, [INT_TO_INT, DataType.I32], [() => 'not a number', 1]),
    /^libsum\.apply: a callback failed: the callback returned a value C cannot take: retType: expected I32 \(a whole number from -2147483648 to 2147483647\), got "not a number"$/)
  // a bad value next to a function is reported like any bad value
  throws(() => call('apply', DataType.I32, [INT_TO_INT, DataType.I32], [(x) => x, 'one']),
    /^libsum\.apply: paramsValue\[1\]: expected I32 \(a whole number from -2147483648 to 2147483647\), got "one"$/)
}

const testNestedCalls = () => {
  // a callback may call into C again
  const nested = (i) => call('sum', DataType.I32, [DataType.I32, DataType.I32], [i, 100])
  strictEqual(call('upcall_loop', DataType.I32, [INT_TO_INT, DataType.I32], [nested, 100]), 4950 + 100 * 100)
}

const intactAfterCallbacks = (freeCFuncParamsMemory) => {
  const takeString = funcConstructor({ paramsType: [DataType.String], retType: DataType.Void, freeCFuncParamsMemory })
  const seen = []
  call('call_with_fresh_strings', DataType.Void, [takeString, DataType.I32, DataType.I32], [(s) => { seen.push(s) }, 5, 100])
  deepStrictEqual(seen, ['a', 'b', 'c', 'd', 'e'].map((letter) => letter.repeat(100)))
  return probeIntact()
}

const testFreeCFuncParamsMemory = () => {
  strictEqual(intactAfterCallbacks(true), 0, 'freeCFuncParamsMemory frees what C passed')
  strictEqual(intactAfterCallbacks(false), 5, 'by default what C passed stays with C')
}

const testBadDescriptions = () => {
  throws(() => call('apply', DataType.I32, [fn([DataType.I32Array], DataType.I32), DataType.I32], [(x) => 1, 1]),
    /I32Array needs a length to be read back: describe it with arrayConstructor\(\{type, length\}\)/)
  throws(() => call('apply', DataType.I32, [fn([], { x: DataType.I32, ffiTypeTag: DataType.StackStruct }), DataType.I32], [() => 1, 1]),
    /a callback returns scalars, strings and pointers, not struct \{x\}/)
  throws(() => call('apply', DataType.I32, [INT_TO_INT, DataType.I32], [5, 1]),
    /^libsum\.apply: paramsValue\[0\]: expected Function\(I32\) -> I32 \(a function or a function pointer\), got 5$/)
  strictEqual(call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2]), 3)
}

const testNullFunctionIsRefused = () => {
  // qsort declared correctly would jump to address 0 if null or undefined reached C as the comparator
  const data = createPointer({ paramsType: [DataType.I32Array], paramsValue: [[3, 1, 2]] })
  for (const missing of [null, undefined]) {
    throws(() => load({ library: 'libc', funcName: 'qsort', retType: DataType.Void,
      paramsType: [DataType.External, DataType.U64, DataType.U64, fn([DataType.External, DataType.External], DataType.I32)],
      paramsValue: [unwrapPointer(data)[0], 3, 4, missing] }),
    /^libc\.qsort: paramsValue\[3\]: expected Function\(External, External\) -> I32 \(a function or a function pointer\), got null$/)
  }
  freePointer({ paramsType: [DataType.I32Array], paramsValue: data, pointerType: PointerType.RsPointer })
}

const run = require('./lib/run-tests.js')

run('callbacks', [
  testApply,
  testFold,
  testReturnKinds,
  testQsort,
  testCallRich,
  testStoredCallback,
  testCreatePointerCallback,
  testOnePointerPerFunction,
  testThreads,
  testDetached,
  testException,
  testCallbackErrorMessage,
  testNestedCalls,
  testFreeCFuncParamsMemory,
  testBadDescriptions,
  testNullFunctionIsRefused,
]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
