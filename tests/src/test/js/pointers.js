// The pointer tools, in the style of ffi-rs's testPointer (tests/index.ts) and tests/struct.ts; the expected
// values are those of PointerToolsTest in tests/src/test/java.
const { equal, strictEqual, deepStrictEqual, ok, throws } = require('assert')
const { inspect, format } = require('util')
const {
  load, open, DataType, PointerType, arrayConstructor, createPointer, restorePointer, unwrapPointer, wrapPointer,
  freePointer, isNullPointer, createExternalBuffer,
} = require('ffi-rs')

open({ library: 'libsum', path: process.env.FFI_TESTLIB })

const call = (funcName, retType, paramsType, paramsValue, options = {}) =>
  load(Object.assign({ library: 'libsum', funcName, retType, paramsType, paramsValue }, options))
const array = (type, length) => arrayConstructor({ type, length })
const create = (type, value) => createPointer({ paramsType: [type], paramsValue: [value] })[0]
const restore = (type, pointer) => restorePointer({ retType: [type], paramsValue: [pointer] })[0]
const unwrap = (pointer) => unwrapPointer([pointer])[0]
const free = (pointer, pointerType) => freePointer({ paramsType: [DataType.External], paramsValue: [pointer], pointerType })
// a pointer's hex address, as console.log prints it ([External: 0x...])
const hex = (pointer) => /^\[External: (0x[0-9a-f]+)\]$/.exec(inspect(pointer))[1]
const samePointer = (a, b) => strictEqual(hex(a), hex(b))
const NULL = call('echo_pointer', DataType.External, [DataType.External], [null])

const testI32AndDouble = () => {
  // ffi-rs: create, restore and free an i32 pointer
  const i32Ptr = createPointer({ paramsType: [DataType.I32], paramsValue: [100] })
  const i32Data = restorePointer({ retType: [DataType.I32], paramsValue: i32Ptr })
  freePointer({ paramsType: [DataType.I32], paramsValue: i32Ptr, pointerType: PointerType.RsPointer })
  deepStrictEqual(i32Data, [100])

  // numbers are pointed at directly: C reads and writes through the pointer
  const pointer = create(DataType.I32, 42)
  strictEqual(call('read_int', DataType.I32, [DataType.External], [pointer]), 42)
  call('write_int', DataType.Void, [DataType.External, DataType.I32], [pointer, -7])
  strictEqual(restore(DataType.I32, pointer), -7)
  free(pointer, PointerType.RsPointer)
  const doublePtr = create(DataType.Double, 2.5)
  strictEqual(call('read_double', DataType.Double, [DataType.External], [doublePtr]), 2.5)
  strictEqual(restore(DataType.Double, doublePtr), 2.5)

  // several values at once, one pointer each
  const many = createPointer({ paramsType: [DataType.I32, DataType.Double, DataType.Boolean, DataType.I64], paramsValue: [1, 0.5, true, 2n ** 60n] })
  strictEqual(many.length, 4)
  deepStrictEqual(restorePointer({ retType: [DataType.I32, DataType.Double, DataType.Boolean, DataType.I64], paramsValue: many }),
    [1, 0.5, true, 2n ** 60n])
  freePointer({ paramsType: [DataType.I32, DataType.Double, DataType.Boolean, DataType.I64], paramsValue: many, pointerType: PointerType.RsPointer })
}

const testString = () => {
  const stringPointer = createPointer({ paramsType: [DataType.String], paramsValue: ['foo'] })
  const stringData = restorePointer({ retType: [DataType.String], paramsValue: stringPointer })
  deepStrictEqual(stringData, ['foo'])
  // a string gets a pointer to its pointer: unwrap it for a char*
  equal(call('getStringFromPtr', DataType.String, [DataType.External], unwrapPointer(stringPointer)), 'foo')
  freePointer({ paramsType: [DataType.String], paramsValue: stringPointer, pointerType: PointerType.RsPointer })

  equal(load({
    library: 'libsum',
    funcName: 'getStringFromPtr',
    retType: DataType.String,
    paramsType: [DataType.External],
    paramsValue: unwrapPointer(createPointer({ paramsType: [DataType.String], paramsValue: ['héllo 🎉'] })),
  }), 'héllo 🎉')

  // a char* C returned, as an External
  const c = 'foo'.repeat(100)
  const ptr = call('concatenateStrings', DataType.External, [DataType.String, DataType.String], [c, 'bar'])
  equal(call('getStringFromPtr', DataType.String, [DataType.External], [ptr]), c + 'bar')
  free(ptr, PointerType.CPointer)
}

const testDoubleArray = () => {
  const pointer = createPointer({ paramsType: [DataType.DoubleArray], paramsValue: [[1.1, 2.2]] })
  deepStrictEqual(restorePointer({ retType: [array(DataType.DoubleArray, 2)], paramsValue: pointer }), [[1.1, 2.2]])
  deepStrictEqual(call('createArrayDouble', array(DataType.DoubleArray, 2), [DataType.External, DataType.I32], [unwrapPointer(pointer)[0], 2]), [1.1, 2.2])
  freePointer({ paramsType: [DataType.DoubleArray], paramsValue: pointer, pointerType: PointerType.RsPointer })

  const ints = create(DataType.I32Array, [5, 6, 7])
  strictEqual(call('sum_i32_array', DataType.I64, [DataType.External, DataType.I32], [unwrap(ints), 3]), 18)
  deepStrictEqual(restore(array(DataType.I32Array, 3), ints), [5, 6, 7])
  throws(() => restore(DataType.I32Array, ints),
    /^restorePointer: retType\[0\]: I32Array needs a length to be read back: describe it with arrayConstructor\(\{type, length\}\)$/)
  free(ints, PointerType.RsPointer)
}

const personType = {
  name: DataType.String,
  age: DataType.I32,
}

const testStruct = () => {
  // the Person of structs.c
  const { personType: describePerson, person } = require('./lib/shapes.js')
  const type = describePerson(describePerson({}))
  const tom = person(23, 'tom', 'jr', person(43, 'tom father', 'sr', {}))

  const personPointer = createPointer({ paramsType: [type], paramsValue: [tom] })
  deepStrictEqual(restorePointer({ paramsValue: personPointer, retType: [type] })[0], tom)
  // ffi-rs's getStructByPointer: the struct* inside, passed as an External
  const personObjByPointer = load({
    library: 'libsum',
    funcName: 'getStruct',
    retType: type,
    paramsType: [DataType.External],
    freeResultMemory: false,
    paramsValue: unwrapPointer(personPointer),
  })
  deepStrictEqual(personObjByPointer, tom)
  freePointer({ paramsType: [type], paramsValue: personPointer, pointerType: PointerType.RsPointer })

  // a small struct* too
  const small = create(personType, { name: 'ann', age: 7 })
  deepStrictEqual(restore(personType, small), { name: 'ann', age: 7 })
  free(small, PointerType.RsPointer)
}

const testByValueStruct = () => {
  // a by-value struct is held in place: the pointer points at the struct itself
  const xy = { x: DataType.I32, y: DataType.I32, ffiTypeTag: DataType.StackStruct }
  const inPlace = create(xy, { x: 20, y: 22 })
  strictEqual(call('xy_sum', DataType.I32, [DataType.External], [inPlace]), 42)
  deepStrictEqual(restore(xy, inPlace), { x: 20, y: 22 })
  free(inPlace, PointerType.RsPointer)
}

const testWrapAndUnwrap = () => {
  const text = call('concatenateStrings', DataType.External, [DataType.String, DataType.String], ['foo', 'bar'])
  const wrapped = wrapPointer([text])[0]
  samePointer(unwrap(wrapped), text)
  strictEqual(restore(DataType.String, wrapped), 'foobar')
  strictEqual(call('getStringFromPtr', DataType.String, [DataType.External], [text]), 'foobar')
  free(wrapped, PointerType.RsPointer)
  free(text, PointerType.CPointer)

  // ffi-rs's getValueFromDoublePointer: one level up from a pointer to an int, then down twice
  const i32 = createPointer({ paramsType: [DataType.I32], paramsValue: [100] })
  const ptrToI32Ptr = wrapPointer(i32)
  samePointer(unwrapPointer(ptrToI32Ptr)[0], i32[0])
  strictEqual(call('read_int', DataType.I32, [DataType.External], unwrapPointer(ptrToI32Ptr)), 100)
}

const testFree = () => {
  const pointer = create(DataType.I32Array, [1, 2, 3])
  const cMemory = call('malloc_ints', DataType.External, [DataType.I32], [4])
  throws(() => free(pointer, PointerType.CPointer), new RegExp('^freePointer: paramsValue\\[0\\]: ' + hex(pointer)
    + ' was allocated by this engine; free it with pointerType: PointerType\\.RsPointer$'))
  throws(() => free(cMemory, PointerType.RsPointer), new RegExp('^freePointer: paramsValue\\[0\\]: ' + hex(cMemory)
    + ' is not memory this engine allocated, or it was freed already$'))
  free(pointer, PointerType.RsPointer)
  // double free
  throws(() => free(pointer, PointerType.RsPointer), new RegExp('^freePointer: paramsValue\\[0\\]: ' + hex(pointer)
    + ' is not memory this engine allocated, or it was freed already$'))
  free(cMemory, PointerType.CPointer)
  // the string inside a string pointer is owned by that pointer
  const inner = unwrap(create(DataType.String, 'x'))
  throws(() => free(inner, PointerType.RsPointer), /is not memory this engine allocated/)
  // RsPointer is the default
  const defaulted = create(DataType.Double, 1)
  freePointer({ paramsType: [DataType.Double], paramsValue: [defaulted] })
  throws(() => freePointer({ paramsType: [DataType.Double], paramsValue: [defaulted] }), /freed already/)
  throws(() => free(create(DataType.I32, 1), 7),
    /^freePointer: pointerType: expected PointerType\.RsPointer \(0\) or PointerType\.CPointer \(1\), got 7$/)
}

const testNullPointer = () => {
  ok(isNullPointer(NULL))
  ok(isNullPointer(null))
  ok(isNullPointer(call('null_person', DataType.External, [], [])))
  ok(!isNullPointer(create(DataType.I32, 1)))
  strictEqual(restore(DataType.I32, NULL), null)
  throws(() => unwrap(NULL), /^unwrapPointer: \[0\]: cannot read through a NULL pointer$/)
  throws(() => isNullPointer('0x0'), /^isNullPointer: expected a pointer, got "0x0"$/)
}

// ffi-rs's rsNullPointer: a pointer made for Void holds NULL
const testVoidPointer = () => {
  const rsNullPointer = createPointer({ paramsType: [DataType.Void], paramsValue: [undefined] })
  equal(isNullPointer(unwrapPointer(rsNullPointer)[0]), true)
}

const testExternalBuffer = () => {
  const ints = call('malloc_ints', DataType.External, [DataType.I32], [3])
  const view = createExternalBuffer(ints, 12)
  ok(Buffer.isBuffer(view), 'a Buffer')
  strictEqual(view.length, 12)
  // malloc_ints wrote 0, 10, 20 (little-endian on x86-64 and AArch64)
  deepStrictEqual(Array.from(view), [0, 0, 0, 0, 10, 0, 0, 0, 20, 0, 0, 0])
  // no copy: C sees what we write, and we see what C writes
  view[0] = 0xd2
  view[1] = 0x04
  strictEqual(call('read_int', DataType.I32, [DataType.External], [ints]), 1234)
  call('write_int', DataType.Void, [DataType.External, DataType.I32], [ints, 0x01020304])
  deepStrictEqual(Array.from(view.subarray(0, 4)), [4, 3, 2, 1])
  throws(() => createExternalBuffer(NULL, 4), /^createExternalBuffer: pointer: cannot view memory at a NULL pointer$/)
  throws(() => createExternalBuffer(ints, -4), /^createExternalBuffer: length: expected a whole number from 0 to 2147483647, got -4$/)
  free(ints, PointerType.CPointer)

  // a view of memory the engine allocated
  const bytes = create(DataType.U8Array, Buffer.from([1, 2, 3]))
  const seen = createExternalBuffer(unwrap(bytes), 3)
  deepStrictEqual(Array.from(seen), [1, 2, 3])
  call('fill_bytes', DataType.I32, [DataType.External, DataType.I32, DataType.I32], [unwrap(bytes), 3, 9])
  deepStrictEqual(Array.from(seen), [9, 9, 9])
  free(bytes, PointerType.RsPointer)
}

const testPrinting = () => {
  const pointer = create(DataType.I32, 1)
  ok(/^\[External: 0x[0-9a-f]+\]$/.test(inspect(pointer)), inspect(pointer))
  // console.log formats its arguments with util.format
  strictEqual(format(pointer), inspect(pointer))
  strictEqual(format('%s', pointer), inspect(pointer))
  strictEqual(format('p = %o', pointer), 'p = ' + inspect(pointer))
  ok(format({ p: pointer }).includes(inspect(pointer)))
  // as a string, a pointer is its hex address
  ok(/^0x[0-9a-f]+$/.test(String(pointer)), String(pointer))
  strictEqual(`at ${pointer}`, 'at ' + String(pointer))
  strictEqual(inspect(pointer), '[External: ' + String(pointer) + ']')
  // the same address prints the same
  samePointer(call('echo_pointer', DataType.External, [DataType.External], [pointer]), pointer)
  strictEqual(hex(NULL), '0x0')
  free(pointer, PointerType.RsPointer)
}

const testErrors = () => {
  const xy = { x: DataType.I32, y: DataType.I32 }
  throws(() => create(xy, { x: 1, y: '2' }),
    /^createPointer: paramsValue\[0\]\.y: expected I32 \(a whole number from -2147483648 to 2147483647\), got "2"$/)
  throws(() => createPointer({ paramsType: [DataType.I32], paramsValue: [1, 2] }),
    /^createPointer: paramsValue has 2 values but paramsType declares 1$/)
  throws(() => create(55, 1), /^createPointer: paramsType\[0\]: unknown type code 55 \(see DataType for the valid codes\)$/)
  strictEqual(call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2]), 3)
}

const run = require('./lib/run-tests.js')

const testEngineMemoryIsReadSafely = () => {
  // a freed pointer is never read again, however large the block was
  const big = create(DataType.U8Array, Buffer.alloc(4 << 20))
  free(big, PointerType.RsPointer)
  throws(() => restore(array(DataType.U8Array, 4 << 20), big), /^restorePointer: paramsValue\[0\]: 0x[0-9a-f]+ cannot be read: the memory behind it was freed \(freePointer\)$/)
  throws(() => unwrap(big), /the memory behind it was freed/)
  // the engine knows what it wrote: a type that would take its bytes for an address is refused
  const number = create(DataType.I32, 7)
  throws(() => restore(DataType.String, number), /^restorePointer: retType\[0\]: expected I32 \(the type the engine wrote at this pointer\), or a type that follows no pointer and fits in its 4 bytes, got String$/)
  throws(() => restore({ name: DataType.String }, number), /expected I32/)
  throws(() => restore(array(DataType.I32Array, 2), create(DataType.I32Array, [1])), /got I32Array\[2\]/)
  strictEqual(restore(DataType.I32, number), 7)
  free(number, PointerType.RsPointer)
}

run('pointers', [
  testI32AndDouble,
  testString,
  testDoubleArray,
  testStruct,
  testByValueStruct,
  testWrapAndUnwrap,
  testFree,
  testNullPointer,
  testVoidPointer,
  testExternalBuffer,
  testPrinting,
  testErrors,
  testEngineMemoryIsReadSafely,
]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
