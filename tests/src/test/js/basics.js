// Scalars, strings, define, errno, freeResultMemory, the main program and error messages, in the style of
// ffi-rs's tests/index.ts. Run: FFI_TESTLIB=.../libffitest.so ./ffi-script tests/src/test/js/basics.js
const { equal, strictEqual, deepStrictEqual, ok, throws } = require('assert')
const { inspect } = require('util')
const { load, open, close, define, DataType, PointerType, FFITypeTag, createPointer, unwrapPointer, isNullPointer } = require('ffi-rs')

const testLib = process.env.FFI_TESTLIB
ok(testLib, 'set FFI_TESTLIB to the path of libffitest.so')

open({ library: 'libsum', path: testLib })
open({ library: 'libnative', path: '' })

const call = (funcName, retType, paramsType, paramsValue, options = {}) =>
  load(Object.assign({ library: 'libsum', funcName, retType, paramsType, paramsValue }, options))
const echo = (funcName, type, value) => call(funcName, type, [type], [value])
const probeIntact = () => call('probe_intact', DataType.I32, [], [])

// the numbers are part of the contract: code written for ffi-rs may use them directly
const testConstants = () => {
  deepStrictEqual(Object.assign({}, DataType), {
    String: 0, I32: 1, Double: 2, I32Array: 3, StringArray: 4, DoubleArray: 5, Boolean: 6, Void: 7, I64: 8, U8: 9,
    U8Array: 10, External: 11, U64: 12, FloatArray: 13, Float: 14, WString: 15, BigInt: 16, I16: 17, StructArray: 18,
    I16Array: 19, U32: 20, StackArray: 996, Array: 997, Function: 998, StackStruct: 999,
  })
  deepStrictEqual(Object.assign({}, PointerType), { RsPointer: 0, CPointer: 1 })
  deepStrictEqual(Object.assign({}, FFITypeTag), { StackStruct: 999, StackArray: 996 })
  // plain numbers work where the names do
  strictEqual(load({ library: 'libsum', funcName: 'sum', retType: 1, paramsType: [1, 1], paramsValue: [2, 3] }), 5)
}

const testOpenClose = () => {
  equal(call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 100]), 101)
  close('libsum')
  throws(() => call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2]),
    /^libsum\.sum: library 'libsum' is not open; call open\(\{library: 'libsum', path: \.\.\.\}\) first$/)
  open({ library: 'libsum', path: testLib })
  equal(call('sum', DataType.I32, [DataType.I32, DataType.I32], [3, 4]), 7)
  // closing a key that was never opened does nothing
  close('never-opened')
  // opening the same key again replaces it
  open({ library: 'libsum', path: testLib })
  equal(call('sum', DataType.I32, [DataType.I32, DataType.I32], [5, 6]), 11)
  const sumVia = (library) => load({ library, funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] })
  open({ library: 'lib', path: testLib })
  strictEqual(sumVia('lib'), 3)
  open({ library: 'lib', path: '' })
  throws(() => sumVia('lib'), /^lib\.sum: function 'sum' not found in library 'lib' \(the main program\)/)
  strictEqual(load({ library: 'lib', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['12'] }), 12)
  close('lib')
  // a defined function follows its key
  const { sum } = define({ sum: { library: 'libsum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32] } })
  close('libsum')
  throws(() => sum([1, 2]), /^libsum\.sum: library 'libsum' is not open/)
  open({ library: 'libsum', path: testLib })
  strictEqual(sum([1, 2]), 3)
}

const testNumber = () => {
  equal(call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 100]), 101)
  for (const v of [-2147483648, -1, 0, 1, 2147483647]) strictEqual(echo('echo_i32', DataType.I32, v), v)
  strictEqual(echo('echo_i16', DataType.I16, -32768), -32768)
  strictEqual(echo('echo_i16', DataType.I16, 32767), 32767)
  strictEqual(echo('echo_u8', DataType.U8, 0), 0)
  strictEqual(echo('echo_u8', DataType.U8, 255), 255)
  strictEqual(echo('echo_u32', DataType.U32, 2147483648), 2147483648)
  strictEqual(echo('echo_u32', DataType.U32, 4294967295), 4294967295)

  // I64: a number while it is exact, a BigInt beyond 2^53
  strictEqual(echo('echo_i64', DataType.I64, 42), 42)
  strictEqual(echo('echo_i64', DataType.I64, -(2 ** 53 - 1)), -(2 ** 53 - 1))
  strictEqual(echo('echo_i64', DataType.I64, 9007199254740993n), 9007199254740993n)
  strictEqual(echo('echo_i64', DataType.I64, -9007199254740993n), -9007199254740993n)
  strictEqual(echo('echo_i64', DataType.I64, 2 ** 53), 9007199254740992n)
  strictEqual(echo('echo_i64', DataType.I64, 9223372036854775807n), 9223372036854775807n)

  // U64 from 2^63 on is a BigInt
  strictEqual(echo('echo_u64', DataType.U64, 2n ** 63n), 9223372036854775808n)
  strictEqual(echo('echo_u64', DataType.U64, 2n ** 64n - 1n), 18446744073709551615n)
  strictEqual(echo('echo_u64', DataType.U64, 0), 0)
  strictEqual(echo('echo_u64', DataType.U64, 1234567), 1234567)

  // BigInt: always a bigint, even when small (ffi-rs's testbigint)
  const foo = echo('echo_i64', DataType.BigInt, 36028797018963968n)
  equal(typeof foo, 'bigint')
  equal(foo.toString(), '36028797018963968')
  strictEqual(echo('echo_i64', DataType.BigInt, -5), -5n)
  strictEqual(echo('echo_i64', DataType.BigInt, -9223372036854775808n), -9223372036854775808n)

  // Double: -0.0, NaN, infinities, the smallest subnormal
  equal(1.1 + 2.2, call('doubleSum', DataType.Double, [DataType.Double, DataType.Double], [1.1, 2.2]))
  ok(Object.is(echo('echo_double', DataType.Double, -0.0), -0), '-0.0 keeps its sign')
  strictEqual(call('is_negative_zero', DataType.I32, [DataType.Double], [-0.0]), 1)
  strictEqual(call('is_negative_zero', DataType.I32, [DataType.Double], [0.0]), 0)
  ok(Number.isNaN(echo('echo_double', DataType.Double, NaN)))
  strictEqual(echo('echo_double', DataType.Double, Infinity), Infinity)
  strictEqual(echo('echo_double', DataType.Double, -Infinity), -Infinity)
  strictEqual(echo('echo_double', DataType.Double, Number.MIN_VALUE), Number.MIN_VALUE)
  strictEqual(echo('echo_double', DataType.Double, 3), 3)

  // Float: passed as float, returned as a number
  strictEqual(call('float_half', DataType.Float, [DataType.Float], [1.5]), 0.75)
  strictEqual(echo('echo_float', DataType.Float, 1.1), Math.fround(1.1))
  ok(Number.isNaN(echo('echo_float', DataType.Float, NaN)))
  strictEqual(echo('echo_float', DataType.Float, -Infinity), -Infinity)

  // every scalar kind in one signature arrives in order
  const types = [DataType.I16, DataType.I32, DataType.I64, DataType.U8, DataType.U32, DataType.U64, DataType.Float,
    DataType.Double, DataType.Boolean]
  strictEqual(call('mix_scalars', DataType.Double, types, [1, 20, 300, 4, 50000, 600000, 0.5, 0.25, true]),
    1 + 20 + 300 + 4 + 50000 + 600000 + 0.5 + 0.25 + 1000)
}

// the most negative int64 is beyond 2^53 too, so it comes back as a BigInt like every other such value
const testI64Min = () => {
  strictEqual(echo('echo_i64', DataType.I64, -9223372036854775808n), -9223372036854775808n)
}

const testString = () => {
  const c = 'foo'.repeat(100)
  const d = 'bar'
  equal(c + d, call('concatenateStrings', DataType.String, [DataType.String, DataType.String], [c, d]))
  strictEqual(call('string_length', DataType.U64, [DataType.String], ['']), 0)
  strictEqual(echo('echo_string', DataType.String, ''), '')
  const nonAscii = 'héllo, 世界 🎉 ∑'
  strictEqual(call('string_length', DataType.U64, [DataType.String], [nonAscii]), Buffer.from(nonAscii).length)
  strictEqual(call('string_length', DataType.U64, [DataType.String], [nonAscii]), 23)
  strictEqual(echo('echo_string', DataType.String, nonAscii), nonAscii)
  const big = 'abcdefghij'.repeat(10240)
  strictEqual(call('string_length', DataType.U64, [DataType.String], [big]), 102400)
  strictEqual(call('concatenateStrings', DataType.String, [DataType.String, DataType.String], [big, big]), big + big)
  strictEqual(call('null_string', DataType.String, [], []), null)
}

const testWString = () => {
  const text = 'a🎉b世'
  strictEqual(call('wide_length', DataType.U64, [DataType.WString], [text]), 4)
  strictEqual(echo('echo_wide', DataType.WString, text), text)
  strictEqual(call('wide_concat', DataType.WString, [DataType.WString, DataType.WString], ['😀x', 'héllo 🎉']), '😀xhéllo 🎉')
  strictEqual(call('wide_length', DataType.U64, [DataType.WString], ['']), 0)
  strictEqual(call('null_wide', DataType.WString, [], []), null)
}

const testBool = () => {
  const boolVal = true
  equal(!boolVal, call('return_opposite', DataType.Boolean, [DataType.Boolean], [boolVal]))
  strictEqual(echo('echo_bool', DataType.Boolean, true), true)
  strictEqual(echo('echo_bool', DataType.Boolean, false), false)
}

const testVoid = () => {
  strictEqual(call('noRet', DataType.Void, [], []), undefined)
}

const testExternal = () => {
  const pointer = unwrapPointer(createPointer({ paramsType: [DataType.String], paramsValue: ['pass me through'] }))[0]
  const back = echo('echo_pointer', DataType.External, pointer)
  // pointers are opaque; console.log (util.inspect) prints them as [External: 0x...], the address in hex
  strictEqual(inspect(back), inspect(pointer))
  ok(/^\[External: 0x[0-9a-f]+\]$/.test(inspect(back)), inspect(back))
  strictEqual(call('getStringFromPtr', DataType.String, [DataType.External], [back]), 'pass me through')
  ok(isNullPointer(echo('echo_pointer', DataType.External, null)))
  ok(!isNullPointer(back))
}

// defined functions and load give the same values back, whichever way the value crosses (results that need no
// conversion are taken from the engine's function as they are; BigInts, big U32s, pointers are converted)
const testDefinedAndLoadedAgree = () => {
  const cases = [
    ['echo_i32', DataType.I32, [-2147483648, 0, 2147483647]],
    ['echo_i16', DataType.I16, [-32768, 32767]],
    ['echo_u8', DataType.U8, [0, 255]],
    ['echo_u32', DataType.U32, [0, 4294967295]],
    ['echo_i64', DataType.I64, [42, -(2 ** 53 - 1), 9007199254740993n]],
    ['echo_u64', DataType.U64, [0, 18446744073709551615n]],
    ['echo_i64', DataType.BigInt, [5n, -5n]],
    ['echo_float', DataType.Float, [1.5, -0.25]],
    ['echo_double', DataType.Double, [0.1, -1e300]],
    ['echo_bool', DataType.Boolean, [true, false]],
    ['echo_pointer', DataType.External, [null]],
  ]
  for (const [funcName, type, values] of cases) {
    const { [funcName]: defined } = define({ [funcName]: { library: 'libsum', retType: type, paramsType: [type] } })
    for (const value of values) {
      const loaded = echo(funcName, type, value)
      deepStrictEqual(defined([value]), loaded, `${funcName} as ${type} with ${inspect(value)}`)
      strictEqual(typeof defined([value]), typeof loaded)
    }
  }
  const { getStringFromPtr } = define({ getStringFromPtr: { library: 'libsum', retType: DataType.String, paramsType: [DataType.External] } })
  const text = createPointer({ paramsType: [DataType.String], paramsValue: ['through a pointer'] })
  strictEqual(getStringFromPtr(unwrapPointer(text)), 'through a pointer') // a value that is not plain takes the bridge
}

const testDefine = async () => {
  const res = define({
    sum: { library: 'libsum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32] },
    concatenateStrings: { library: 'libsum', retType: DataType.String, paramsType: [DataType.String, DataType.String] },
    noRet: { library: 'libsum', retType: DataType.Void, paramsType: [] },
    fail_with_errno: { library: 'libsum', retType: DataType.I32, paramsType: [DataType.I32], errno: true },
    sleep_ms: { library: 'libsum', retType: DataType.I32, paramsType: [DataType.I32], runInNewThread: true },
  })
  equal(res.sum([1, 2]), 3)
  equal(res.concatenateStrings(['foo', 'bar']), 'foobar')
  strictEqual(res.noRet([]), undefined)
  deepStrictEqual(res.fail_with_errno([13]), { value: -1, errnoCode: 13, errnoMessage: 'Permission denied' })
  const slept = res.sleep_ms([5])
  ok(slept instanceof Promise, 'runInNewThread gives a Promise')
  strictEqual(await slept, 5)
  throws(() => res.sum([1, 'two']),
    /^libsum\.sum: paramsValue\[1\]: expected I32 \(a whole number from -2147483648 to 2147483647\), got "two"$/)
  throws(() => define({ no_such_function: { library: 'libsum', retType: DataType.I32, paramsType: [] } }),
    /function 'no_such_function' not found/)
}

const testErrno = () => {
  deepStrictEqual(call('fail_with_errno', DataType.I32, [DataType.I32], [2], { errno: true }),
    { value: -1, errnoCode: 2, errnoMessage: 'No such file or directory' })
  const chdir = load({
    library: 'libnative',
    funcName: 'chdir',
    retType: DataType.I32,
    paramsType: [DataType.String],
    paramsValue: ['/no/such/directory/anywhere'],
    errno: true,
  })
  deepStrictEqual(chdir, { value: -1, errnoCode: 2, errnoMessage: 'No such file or directory' })
  // a Void function with errno still gives the three fields
  const voidResult = call('noRet', DataType.Void, [], [], { errno: true })
  deepStrictEqual(Object.keys(voidResult), ['value', 'errnoCode', 'errnoMessage'])
  strictEqual(voidResult.value, undefined)
  const { noRet } = define({ noRet: { library: 'libsum', retType: DataType.Void, paramsType: [], errno: true } })
  deepStrictEqual(Object.keys(noRet([])), ['value', 'errnoCode', 'errnoMessage'], 'defined, the same')
}

const testFreeResultMemory = () => {
  strictEqual(call('make_string', DataType.String, [DataType.I32], [100]), 'x'.repeat(100))
  strictEqual(probeIntact(), 1, 'by default the returned string stays with C')
  strictEqual(call('make_string', DataType.String, [DataType.I32], [100], { freeResultMemory: true }), 'x'.repeat(100))
  strictEqual(probeIntact(), 0, 'freeResultMemory frees the returned string')
  strictEqual(call('make_string', DataType.String, [DataType.I32], [100], { freeResultMemory: false }), 'x'.repeat(100))
  strictEqual(probeIntact(), 1)
}

const testMainProgram = () => {
  const native = (funcName, retType, paramsType, paramsValue) =>
    load({ library: 'libnative', funcName, retType, paramsType, paramsValue })
  equal(native('atoi', DataType.I32, [DataType.String], ['1000']), 1000)
  strictEqual(native('strlen', DataType.U64, [DataType.String], ['hello']), 5)
  strictEqual(native('strlen', DataType.U64, [DataType.String], ['héllo 🎉']), 11)
  const pid = native('getpid', DataType.I32, [], [])
  ok(Number.isInteger(pid) && pid > 0, String(pid))
  strictEqual(native('getpid', DataType.I32, [], []), pid)
  strictEqual(native('sqrt', DataType.Double, [DataType.Double], [9]), 3)
  strictEqual(native('abs', DataType.I32, [DataType.I32], [-12]), 12)
}

// BigInts out of range are named as written, as with any other value
const testBigIntInMessages = () => {
  throws(() => echo('echo_u64', DataType.U64, 2n ** 64n), /expected U64 \(a whole number from 0 to 2\^64-1\), got 18446744073709551616$/)
  throws(() => echo('echo_i64', DataType.I64, 2n ** 63n), /expected I64 \(a whole number from -2\^63 to 2\^63-1\), got 9223372036854775808$/)
}

// the list of valid keys of load names every key load takes, paramsValue included
const testUnknownKeyMessage = () => {
  throws(() => load({ library: 'libsum', funcName: 'string_length', retType: DataType.I64, paramType: [], paramsType: [DataType.String], paramsValue: ['x'] }),
    /^libsum\.string_length: unknown key "paramType"; valid keys are \[errno, freeResultMemory, funcName, library, paramsType, paramsValue, retType, runInNewThread\]$/)
}

// a description is checked on every call, also when a call with the same types was made before
const testOptionsCheckedOnEveryCall = () => {
  const spec = { library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] }
  strictEqual(load(spec), 3)
  throws(() => load(Object.assign({}, spec, { paramType: [] })), /unknown key "paramType"/)
  throws(() => load(Object.assign({}, spec, { freeResultMemroy: true })), /unknown key "freeResultMemroy"/)
  deepStrictEqual(Object.keys(load(Object.assign({}, spec, { errno: true }))), ['value', 'errnoCode', 'errnoMessage'])
  throws(() => load(Object.assign({}, spec, { errno: 'yes' })), /errno: expected true or false, got "yes"/)
}

const stillWorks = () => strictEqual(call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2]), 3)

const testErrors = () => {
  const I32_RANGE = 'expected I32 \\(a whole number from -2147483648 to 2147483647\\), got '
  // wrong kind
  throws(() => echo('echo_i32', DataType.I32, 'abc'), new RegExp('^libsum\\.echo_i32: paramsValue\\[0\\]: ' + I32_RANGE + '"abc"$'))
  throws(() => echo('echo_double', DataType.Double, { x: 1 }), /^libsum\.echo_double: paramsValue\[0\]: expected Double \(a number\), got an object with keys \[x\]$/)
  throws(() => echo('echo_bool', DataType.Boolean, 1), /^libsum\.echo_bool: paramsValue\[0\]: expected Boolean \(true or false\), got 1$/)
  throws(() => echo('echo_string', DataType.String, 42), /^libsum\.echo_string: paramsValue\[0\]: expected String \(a string\), got 42$/)
  throws(() => echo('echo_string', DataType.String, null), /expected String \(a string\), got null/)
  throws(() => echo('echo_pointer', DataType.External, '0x1234'), /expected External \(a pointer or null\), got "0x1234"/)
  throws(() => echo('echo_i32', DataType.I32, 'x'.repeat(500)), /got "x{40}\.\.\." \(500 characters\)$/)
  // out of range
  throws(() => echo('echo_i32', DataType.I32, 2 ** 40), new RegExp(I32_RANGE + '1099511627776$'))
  throws(() => echo('echo_i32', DataType.I32, 2147483648), new RegExp(I32_RANGE + '2147483648$'))
  throws(() => echo('echo_i32', DataType.I32, 1.5), new RegExp(I32_RANGE + '1\\.5$'))
  throws(() => echo('echo_i32', DataType.I32, NaN), new RegExp(I32_RANGE + 'NaN$'))
  throws(() => echo('echo_u8', DataType.U8, 256), /expected U8 \(a whole number from 0 to 255\), got 256$/)
  throws(() => echo('echo_u32', DataType.U32, -1), /expected U32 \(a whole number from 0 to 4294967295\), got -1$/)
  throws(() => echo('echo_u64', DataType.U64, -1), /expected U64 \(a whole number from 0 to 2\^64-1\), got -1$/)
  throws(() => echo('echo_u64', DataType.U64, 2n ** 64n + 1n), /expected U64 \(a whole number from 0 to 2\^64-1\), got 18446744073709551617$/)
  throws(() => echo('echo_i16', DataType.I16, 32768), /paramsValue\[0\]: expected I16/)
  // the failing position is named
  throws(() => call('mix_scalars', DataType.Double, [DataType.I16, DataType.I32, DataType.I64, DataType.U8, DataType.U32,
    DataType.U64, DataType.Float, DataType.Double, DataType.Boolean], [1, 2, 3, 4, 5, 6, 7.0, 'eight', true]),
  /^libsum\.mix_scalars: paramsValue\[7\]: expected Double \(a number\), got "eight"$/)
  // unknown type code
  throws(() => call('sum', DataType.I32, [42, DataType.I32], [1, 2]),
    /^libsum\.sum: paramsType\[0\]: unknown type code 42 \(see DataType for the valid codes\)$/)
  // length mismatch
  throws(() => call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2, 3]),
    /^libsum\.sum: paramsValue has 3 values but paramsType declares 2$/)
  // missing and unknown keys
  throws(() => load({ library: 'libsum', funcName: 'sum', paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] }),
    /^libsum\.sum: missing required key 'retType'$/)
  throws(() => load({ library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsValue: [1, 2] }),
    /missing required key 'paramsType'/)
  throws(() => load({ library: 'libsum', funcName: 'current_thread_id', retType: DataType.I64, paramType: [], paramsType: [], paramsValue: [] }),
    /^libsum\.current_thread_id: unknown key "paramType"; valid keys are \[/)
  throws(() => call('echo_i16', DataType.I32, [DataType.I16], [1], { errno: 'yes' }),
    /^libsum\.echo_i16: errno: expected true or false, got "yes"$/)
  throws(() => call('echo_i16', DataType.I32, [DataType.I16], [1], { freeResultMemory: 1 }),
    /^libsum\.echo_i16: freeResultMemory: expected true or false, got 1$/)
  throws(() => call('echo_i16', DataType.I32, [DataType.I16], 1),
    /^libsum\.echo_i16: paramsValue: expected a/)
  // unknown library key, library file that does not exist, missing symbol
  throws(() => load({ library: 'nolib', funcName: 'sum', retType: DataType.I32, paramsType: [], paramsValue: [] }),
    /^nolib\.sum: library 'nolib' is not open; call open\(\{library: 'nolib', path: \.\.\.\}\) first$/)
  throws(() => open({ library: 'ghost', path: '/no/such/dir/libghost.so' }),
    /^open: cannot load library 'ghost' from "\/no\/such\/dir\/libghost\.so": .*No such file or directory/)
  throws(() => call('no_such_function', DataType.I32, [], []),
    /^libsum\.no_such_function: function 'no_such_function' not found in library 'libsum'.*undefined symbol: no_such_function/)
  throws(() => load({ funcName: 'sum', retType: DataType.I32, paramsType: [], paramsValue: [] }), /^\?\.sum: missing required key 'library'$/)
  throws(() => load({ library: 'libsum', retType: DataType.I32, paramsType: [], paramsValue: [] }), /^libsum\.\?: missing required key 'funcName'$/)
  throws(() => load(), /^load: expected an object/)
  throws(() => open({ library: 'x', path: null }), /^open: path: expected a file path or "" for the running program, got null$/)
  throws(() => open({ library: 42, path: '' }), /^open: expected \{library: 'key', path: 'file'\}, got library 42 and path ""$/)
  throws(() => open({ library: 'notelf', path: '/etc/hostname' }), /^open: cannot load library 'notelf' from "\/etc\/hostname": \/etc\/hostname: /)
  // errors are real Errors
  try {
    echo('echo_i32', DataType.I32, 'abc')
    ok(false, 'should have thrown')
  } catch (e) {
    ok(e instanceof Error, 'an Error: ' + e)
    ok(typeof e.message === 'string' && e.message.includes('paramsValue[0]'), e.message)
  }
  // and the engine is still fine afterwards
  stillWorks()
}

const run = require('./lib/run-tests.js')

run('basics', [
  testConstants,
  testOpenClose,
  testNumber,
  testI64Min,
  testString,
  testWString,
  testBool,
  testVoid,
  testExternal,
  testDefinedAndLoadedAgree,
  testDefine,
  testErrno,
  testFreeResultMemory,
  testMainProgram,
  testErrors,
  testBigIntInMessages,
  testUnknownKeyMessage,
  testOptionsCheckedOnEveryCall,
  stillWorks,
]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
