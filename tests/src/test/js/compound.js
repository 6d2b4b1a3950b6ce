// Arrays, buffers and structs, in the style of ffi-rs's tests/index.ts and tests/struct.ts; the expected values
// are those of ArraysTest, StructsTest and Shapes in tests/src/test/java.
const { equal, strictEqual, deepStrictEqual, ok, throws } = require('assert')
const { load, open, DataType, arrayConstructor, FFITypeTag } = require('ffi-rs')

open({ library: 'libsum', path: process.env.FFI_TESTLIB })

const call = (funcName, retType, paramsType, paramsValue, options = {}) =>
  load(Object.assign({ library: 'libsum', funcName, retType, paramsType, paramsValue }, options))
const probeIntact = () => call('probe_intact', DataType.I32, [], [])
const array = (type, length) => arrayConstructor({ type, length })
const inlineArray = (type, length) => arrayConstructor({ type, length, ffiTypeTag: DataType.StackArray })

// ---- struct Person from structs.c (Shapes.java) ------------------------------------------------------------

const { personType, person } = require('./lib/shapes.js')
const parentType = personType({})
const PERSON_TYPE = personType(parentType)
const tom = () => person(23, 'tom', 'jr', person(43, 'tom father', 'sr', {}))

// what person_checksum() in structs.c computes, in the order Shapes.checksum adds it up
const checksum = (value) => {
  let sum = 0
  for (let p = value; p !== null && Object.keys(p).length > 0; p = p.parent) {
    const age = p.age
    sum += age + p.doubleProps + p.longVal + Math.trunc(age / 2) + 65 + -age + 4000000000 + 18e18 + 0.25 + 1
    for (const d of p.doubleArray) sum += d
    for (const i of p.i32Array) sum += i
    sum += 16 * age + age + 200
    for (const s of p.stringArray) sum += s.length
    sum += p.name.length + 2
  }
  return sum
}

const POINT = { x: DataType.I32, y: DataType.I32, ffiTypeTag: DataType.StackStruct }

// ---- arrays ------------------------------------------------------------------------------------------------

const testArray = () => {
  const c = 'foo'.repeat(100)
  const stringArr = [c, c.repeat(200)]
  deepStrictEqual(stringArr, call('createArrayString', array(DataType.StringArray, stringArr.length),
    [array(DataType.StringArray, stringArr.length), DataType.I32], [stringArr, stringArr.length]))
  const strings = ['foo', 'foo'.repeat(20), '日本語 ✓', '']
  deepStrictEqual(call('createArrayString', array(DataType.StringArray, 4), [DataType.StringArray, DataType.I32], [strings, 4]), strings)
  strictEqual(call('total_string_length', DataType.I32, [DataType.StringArray, DataType.I32], [strings, 4]),
    3 + 60 + Buffer.from('日本語 ✓').length)

  const bigArr = new Array(100).fill(100)
  deepStrictEqual(bigArr, call('createArrayi32', array(DataType.I32Array, bigArr.length),
    [array(DataType.I32Array, bigArr.length), DataType.I32], [bigArr, bigArr.length]))
  strictEqual(call('sum_i32_array', DataType.I64, [DataType.I32Array, DataType.I32], [[1, 2, 3, 4], 4]), 10)
  // 80 KB: more than the engine's 32 KB scratch block
  const many = new Array(20000).fill(3)
  strictEqual(call('sum_i32_array', DataType.I64, [DataType.I32Array, DataType.I32], [many, many.length]), 60000)

  const bigDoubleArr = new Array(5).fill(1.1)
  deepStrictEqual(bigDoubleArr, call('createArrayDouble', array(DataType.DoubleArray, bigDoubleArr.length),
    [array(DataType.DoubleArray, bigDoubleArr.length), DataType.I32], [bigDoubleArr, bigDoubleArr.length]))
  const doubles = [1.1, 2.2, -0, Number.MAX_VALUE]
  deepStrictEqual(call('createArrayDouble', array(DataType.DoubleArray, 4), [DataType.DoubleArray, DataType.I32], [doubles, 4]), doubles)
  strictEqual(call('sum_double_array', DataType.Double, [DataType.DoubleArray, DataType.I32], [[1, 1.5], 2]), 2.5)

  deepStrictEqual(call('createArrayFloat', array(DataType.FloatArray, 3), [DataType.FloatArray, DataType.I32], [[0.5, -1.25, 3], 3]),
    [0.5, -1.25, 3])
  deepStrictEqual(call('createArrayFloat', array(DataType.FloatArray, 1), [DataType.FloatArray, DataType.I32], [[1.1], 1]),
    [Math.fround(1.1)])
  strictEqual(call('sum_float_array', DataType.Double, [DataType.FloatArray, DataType.I32], [[0.5, 3.75], 2]), 4.25)

  const shorts = [-32768, 0, 32767]
  deepStrictEqual(call('createArrayI16', array(DataType.I16Array, 3), [DataType.I16Array, DataType.I32], [shorts, 3]), shorts)
  strictEqual(call('sum_i16_array', DataType.I32, [DataType.I16Array, DataType.I32], [[1, 2, 3], 3]), 6)

  // U8Array results are Buffers
  const bytes = call('createArrayU8', array(DataType.U8Array, 2), [DataType.U8Array, DataType.I32], [[1, 255], 2])
  ok(Buffer.isBuffer(bytes), 'a Buffer')
  deepStrictEqual(bytes, Buffer.from([1, 255]))
  deepStrictEqual(call('createArrayU8', array(DataType.U8Array, 3), [DataType.U8Array, DataType.I32], [new Uint8Array([9, 8, 7]), 3]),
    Buffer.from([9, 8, 7]))

  // StructArray: an array of (x, y) pairs is, in memory, an int array of twice the length
  const points = arrayConstructor({ type: DataType.StructArray, structItemType: POINT, length: 3 })
  const values = [{ x: 1, y: 2 }, { x: 3, y: 4 }, { x: 5, y: 6 }]
  strictEqual(call('sum_i32_array', DataType.I64, [points, DataType.I32], [values, 6]), 21)
  deepStrictEqual(call('createArrayi32', points, [points, DataType.I32], [values, 6]), values)

  // NULL array result
  strictEqual(call('null_ints', array(DataType.I32Array, 3), [], []), null)
}

const testBuffers = async () => {
  const buffer = Buffer.from([1, 2, 3, 4])
  strictEqual(call('fill_bytes', DataType.I32, [DataType.U8Array, DataType.I32, DataType.I32], [buffer, 4, 7]), 10)
  deepStrictEqual(buffer, Buffer.from([7, 7, 7, 7]))

  const greeting = Buffer.alloc(200)
  strictEqual(call('modifyData', DataType.I32, [DataType.U8Array], [greeting]), 12)
  strictEqual(greeting.toString('utf8', 0, 12), 'hello from C')
  strictEqual(greeting[12], 0)

  const raw = new ArrayBuffer(4)
  strictEqual(call('fill_bytes', DataType.I32, [DataType.U8Array, DataType.I32, DataType.I32], [raw, 4, 6]), 0)
  deepStrictEqual(Array.from(new Uint8Array(raw)), [6, 6, 6, 6])

  const plain = new Uint8Array(3)
  call('fill_bytes', DataType.I32, [DataType.U8Array, DataType.I32, DataType.I32], [plain, 3, 255])
  deepStrictEqual(plain, new Uint8Array([255, 255, 255]))

  // a view into the middle of a larger buffer: only its bytes are seen and changed
  const whole = Buffer.alloc(6)
  const view = whole.subarray(2)
  strictEqual(call('fill_bytes', DataType.I32, [DataType.U8Array, DataType.I32, DataType.I32], [view, 4, 5]), 0)
  deepStrictEqual(whole, Buffer.from([0, 0, 5, 5, 5, 5]))

  // C's writes reach the caller of runInNewThread too, by the time the promise settles
  const later = Buffer.alloc(3)
  const pending = call('fill_bytes', DataType.I32, [DataType.U8Array, DataType.I32, DataType.I32], [later, 3, 1], { runInNewThread: true })
  strictEqual(await pending, 0)
  deepStrictEqual(later, Buffer.from([1, 1, 1]))
}

const testArrayLengths = () => {
  const three = array(DataType.I32Array, 3)
  strictEqual(three.type, DataType.I32Array)
  strictEqual(three.length, 3)
  strictEqual(three.ffiTypeTag, DataType.Array, 'arrayConstructor tags its description as an Array')
  strictEqual(inlineArray(DataType.U8Array, 8).ffiTypeTag, FFITypeTag.StackArray)
  strictEqual(call('sum_i32_array', DataType.I64, [three, DataType.I32], [[1, 2, 3], 3]), 6)
  strictEqual(call('sum_i32_array', DataType.I64, [three, DataType.I32], [[1, 2, 3, 4], 4]), 10, 'a length is a minimum')
  throws(() => call('sum_i32_array', DataType.I64, [three, DataType.I32], [[1, 2], 2]),
    /^libsum\.sum_i32_array: paramsValue\[0\]: expected I32Array\[3\] \(a list of at least 3 elements\), got 2 elements$/)
  strictEqual(call('sum_i32_array', DataType.I64, [DataType.I32Array, DataType.I32], [[1, 2], 2]), 3, 'a bare array type takes any length')
  // a result needs a length
  throws(() => call('createArrayi32', DataType.I32Array, [DataType.I32Array, DataType.I32], [[1], 1]),
    /^libsum\.createArrayi32: retType: I32Array needs a length to be read back: describe it with arrayConstructor\(\{type, length\}\)$/)
  // a longer length than C filled is read as described: only ask for what is there
  deepStrictEqual(call('createArrayi32', array(DataType.I32Array, 2), [DataType.I32Array, DataType.I32], [[5, 6, 7], 3]), [5, 6])
  // bad lengths and bad elements
  throws(() => call('sum_i32_array', DataType.I64, [array(DataType.I32Array, -1), DataType.I32], [[1], 1]),
    /length: expected a whole number from 0 to 268435456, got -1/)
  throws(() => call('sum_double_array', DataType.Double, [DataType.DoubleArray, DataType.I32], [[1.0, 'x'], 2]),
    /^libsum\.sum_double_array: paramsValue\[0\]\[1\]: expected Double \(a number\), got "x"$/)
  throws(() => call('sum_double_array', DataType.Double, [DataType.DoubleArray, DataType.I32], [5, 2]),
    /^libsum\.sum_double_array: paramsValue\[0\]: expected DoubleArray \(a list\), got 5$/)
  throws(() => call('fill_bytes', DataType.I32, [DataType.U8Array, DataType.I32, DataType.I32], [[300], 1, 0]),
    /^libsum\.fill_bytes: paramsValue\[0\]\[0\]: expected U8 \(a whole number from 0 to 255\), got 300$/)
  throws(() => call('sum_i32_array', DataType.I64, [DataType.StructArray, DataType.I32], [[], 0]),
    /StructArray needs its element type/)
}

const testFreeArrays = () => {
  const strings = ['one', 'two', 'three hundred and three']
  deepStrictEqual(call('createArrayString', array(DataType.StringArray, 3), [DataType.StringArray, DataType.I32], [strings, 3]), strings)
  strictEqual(probeIntact(), 4, 'the array and its strings stay with C by default')
  deepStrictEqual(call('createArrayString', array(DataType.StringArray, 3), [DataType.StringArray, DataType.I32], [strings, 3],
    { freeResultMemory: true }), strings)
  strictEqual(probeIntact(), 0, 'freeResultMemory frees the array and its strings')
}

// ---- structs -----------------------------------------------------------------------------------------------

const testObject = () => {
  // three ways round: C echoes our struct, C builds one, C reads every field we wrote
  const personObj = call('getStruct', PERSON_TYPE, [PERSON_TYPE], [tom()], { freeResultMemory: false })
  deepStrictEqual(personObj, tom())
  deepStrictEqual(Object.keys(personObj), Object.keys(PERSON_TYPE), 'fields in C order')
  ok(Buffer.isBuffer(personObj.staticBytes) && Buffer.isBuffer(personObj.byteArray))
  strictEqual(typeof personObj.u64Val, 'bigint')
  deepStrictEqual(personObj.opaque, {})
  deepStrictEqual(personObj.parent.parent, {}, 'an empty struct pointer is never followed')

  const createdPerson = call('createPerson', PERSON_TYPE, [], [])
  deepStrictEqual(createdPerson, tom())

  strictEqual(call('person_checksum', DataType.Double, [PERSON_TYPE], [tom()]), checksum(tom()))

  // the description as a recursive type: parents are followed until NULL
  const recursive = personType(null)
  recursive.parent = recursive
  const created = call('createPerson', recursive, [], [])
  strictEqual(created.parent.name, 'tom father')
  strictEqual(created.parent.parent, null)
  const grandchild = person(3, 'kid', 'x', person(23, 'tom', 'jr', person(43, 'tom father', 'sr', null)))
  strictEqual(call('person_checksum', DataType.Double, [recursive], [grandchild]), checksum(grandchild))

  // NULL struct results and arguments
  strictEqual(call('null_person', PERSON_TYPE, [], []), null)
  strictEqual(call('getStruct', PERSON_TYPE, [PERSON_TYPE], [null]), null)
}

const testByValue = () => {
  deepStrictEqual(call('point_add', POINT, [POINT, POINT], [{ x: 1, y: 2 }, { x: 3, y: 4 }]), { x: 4, y: 6 })
  strictEqual(call('point_cross', DataType.I64, [POINT, POINT], [{ x: 1, y: 2 }, { x: 3, y: 4 }]), -2)
  const vec3 = { x: DataType.Double, y: DataType.Double, z: DataType.Double, ffiTypeTag: FFITypeTag.StackStruct }
  deepStrictEqual(call('vec3_scale', vec3, [vec3, DataType.Double], [{ x: 1, y: -2, z: 0.5 }, 2]), { x: 2, y: -4, z: 1 })
  const color = { r: DataType.U8, g: DataType.U8, b: DataType.U8, alpha: DataType.Float, ffiTypeTag: DataType.StackStruct }
  deepStrictEqual(call('color_invert', color, [color], [{ r: 0, g: 100, b: 255, alpha: 0.25 }]), { r: 255, g: 155, b: 0, alpha: 0.75 })
  // a struct pointer C malloc'd
  deepStrictEqual(call('make_point', { x: DataType.I32, y: DataType.I32 }, [DataType.I32, DataType.I32], [7, -8]), { x: 7, y: -8 })
}

const testMinutiae = () => {
  // ffi-rs's printAndReturnMinutiae: an inline array of three by-value structs
  const minutia = { x: DataType.I16, y: DataType.I16, dir: DataType.I16, kind: DataType.U8, ffiTypeTag: DataType.StackStruct }
  const items = arrayConstructor({ type: DataType.StructArray, ffiTypeTag: DataType.StackArray, structItemType: minutia, length: 3 })
  const set = { count: DataType.I16, items }
  const structArray = [{ x: 1, y: 2, dir: 3, kind: 4 }, { x: 5, y: 6, dir: 7, kind: 8 }, { x: 9, y: 10, dir: 11, kind: 12 }]
  const value = { count: 3, items: structArray }
  deepStrictEqual(call('echo_minutiae', set, [set], [value]), value)
  strictEqual(call('minutiae_checksum', DataType.I32, [set], [value]),
    3000 + (1 + 4 + 9 + 16) + (5 + 12 + 21 + 32) + (9 + 20 + 33 + 48))
  const byValue = Object.assign({}, set, { ffiTypeTag: DataType.StackStruct })
  deepStrictEqual(call('make_minutiae', byValue, [DataType.I32], [10]), {
    count: 3,
    items: [{ x: 10, y: 20, dir: 0, kind: 1 }, { x: 11, y: 21, dir: -1, kind: 2 }, { x: 12, y: 22, dir: -2, kind: 3 }],
  })
}

const testCoded = () => {
  const coded = { code: arrayConstructor({ type: DataType.U8Array, length: 8, ffiTypeTag: FFITypeTag.StackArray }), n: DataType.I32, ffiTypeTag: FFITypeTag.StackStruct }
  const expected = 1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 100
  strictEqual(call('coded_sum', DataType.I32, [coded], [{ code: Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]), n: 100 }]), expected)
  strictEqual(call('coded_sum', DataType.I32, [coded], [{ code: [1, 2, 3, 4, 5, 6, 7, 8], n: 100 }]), expected)
  throws(() => call('coded_sum', DataType.I32, [coded], [{ code: [1, 2, 3, 4, 5, 6, 7], n: 100 }]),
    /^libsum\.coded_sum: paramsValue\[0\]\.code: expected U8Array\[8\] \(a byte array, a ByteBuffer or a list of numbers of at least 8 elements\), got 7 elements$/)
}

const testRecursive = () => {
  const node = { value: DataType.I32, next: null }
  node.next = node
  const list = call('make_list', node, [DataType.I32], [3])
  strictEqual(list.value, 1)
  strictEqual(list.next.value, 2)
  const third = list.next.next
  strictEqual(third.value, 3)
  strictEqual(third.next, null)
  strictEqual(call('list_sum', DataType.I32, [node], [list]), 6)
  strictEqual(call('list_sum', DataType.I32, [node], [{ value: 40, next: { value: 2, next: null } }]), 42)

  const cycle = call('make_cycle', node, [], [])
  strictEqual(cycle.value, 1)
  const second = cycle.next
  strictEqual(second.value, 2)
  strictEqual(second.next, cycle, 'C data that loops is decoded into objects that loop the same way')
}

const testFreeStruct = () => {
  deepStrictEqual(call('createPerson', PERSON_TYPE, [], [], { freeResultMemory: false }), tom())
  strictEqual(probeIntact(), 18, 'two persons of 9 blocks each stay with C by default')
  deepStrictEqual(call('createPerson', PERSON_TYPE, [], [], { freeResultMemory: true }), tom())
  strictEqual(probeIntact(), 0, 'freeResultMemory frees the struct and everything it owns')
}

const testStructErrors = () => {
  throws(() => call('point_add', POINT, [POINT, POINT], [{ x: 1, y: 2 }, { x: 1 }]),
    /^libsum\.point_add: paramsValue\[1\]: missing field 'y'; the struct's fields are x, y$/)
  throws(() => call('point_add', POINT, [POINT, POINT], [{ x: 1, y: 2, z: 3 }, { x: 1, y: 2 }]),
    /^libsum\.point_add: paramsValue\[0\]: unknown field "z"; the struct's fields are x, y$/)
  const bad = tom()
  bad.parent.i32Array = [1, 2, 'three', 4]
  throws(() => call('person_checksum', DataType.Double, [PERSON_TYPE], [bad]),
    /^libsum\.person_checksum: paramsValue\[0\]\.parent\.i32Array\[2\]: expected I32 \(a whole number from -2147483648 to 2147483647\), got "three"$/)
  const noName = tom()
  noName.name = null
  throws(() => call('person_checksum', DataType.Double, [PERSON_TYPE], [noName]),
    /^libsum\.person_checksum: paramsValue\[0\]\.name: expected String \(a string\), got null$/)
  const short = tom()
  short.doubleArray = [1.0]
  throws(() => call('person_checksum', DataType.Double, [PERSON_TYPE], [short]),
    /^libsum\.person_checksum: paramsValue\[0\]\.doubleArray: expected DoubleArray\[3\] \(a list of at least 3 elements\), got 1 elements$/)
  throws(() => call('point_add', POINT, [POINT, POINT], [null, { x: 1, y: 2 }]),
    /^libsum\.point_add: paramsValue\[0\]: expected struct \{x, y\} \(an object with the fields x, y\), got null$/)
  throws(() => call('point_add', POINT, [POINT, POINT], [7, { x: 1, y: 2 }]),
    /^libsum\.point_add: paramsValue\[0\]: expected struct \{x, y\} \(an object with the fields x, y\), got 7$/)
  const selfByValue = { x: DataType.I32, ffiTypeTag: DataType.StackStruct }
  selfByValue.again = selfByValue
  throws(() => call('getStruct', DataType.External, [selfByValue], [{}]),
    /^libsum\.getStruct: paramsType\[0\]\.again: a struct cannot contain itself by value$/)
  throws(() => call('getStruct', DataType.External, [{ inner: { y: 77 } }], [{}]),
    /^libsum\.getStruct: paramsType\[0\]\.inner\.y: unknown type code 77 \(see DataType for the valid codes\)$/)
  // and the engine still works
  strictEqual(call('sum', DataType.I32, [DataType.I32, DataType.I32], [1, 2]), 3)
}

const run = require('./lib/run-tests.js')

run('compound', [
  testArray,
  testBuffers,
  testArrayLengths,
  testFreeArrays,
  testObject,
  testByValue,
  testMinutiae,
  testCoded,
  testRecursive,
  testFreeStruct,
  testStructErrors,
]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
