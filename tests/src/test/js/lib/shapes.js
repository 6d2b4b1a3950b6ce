// Struct descriptions shared through module.exports, as a project splits its ffi-rs descriptions into modules.
const { DataType, arrayConstructor } = require('ffi-rs')

const POINT = { x: DataType.I32, y: DataType.I32, ffiTypeTag: DataType.StackStruct }
const VEC3 = { x: DataType.Double, y: DataType.Double, z: DataType.Double, ffiTypeTag: DataType.StackStruct }
const MINUTIA = { x: DataType.I16, y: DataType.I16, dir: DataType.I16, kind: DataType.U8, ffiTypeTag: DataType.StackStruct }
const MINUTIA_SET = {
  count: DataType.I16,
  items: arrayConstructor({ type: DataType.StructArray, ffiTypeTag: DataType.StackArray, structItemType: MINUTIA, length: 3 }),
}

// a linked-list node whose next field is its own description
const node = () => {
  const type = { value: DataType.I32, next: null }
  type.next = type
  return type
}

const point = (x, y) => ({ x, y })

const array = (type, length) => arrayConstructor({ type, length })
const inlineArray = (type, length) => arrayConstructor({ type, length, ffiTypeTag: DataType.StackArray })

// struct Person of structs.c, with the description of its parent field
const personType = (parent) => ({
  age: DataType.I32,
  doubleArray: array(DataType.DoubleArray, 3),
  parent,
  doubleProps: DataType.Double,
  name: DataType.String,
  stringArray: array(DataType.StringArray, 2),
  i32Array: array(DataType.I32Array, 4),
  staticBytes: inlineArray(DataType.U8Array, 16),
  boolTrue: DataType.Boolean,
  boolFalse: DataType.Boolean,
  longVal: DataType.I64,
  stackStruct: { age: DataType.I32, ffiTypeTag: DataType.StackStruct },
  byte: DataType.U8,
  byteArray: array(DataType.U8Array, 2),
  shortVal: DataType.I16,
  u32Val: DataType.U32,
  u64Val: DataType.U64,
  floatVal: DataType.Float,
  wide: DataType.WString,
  opaque: {},
})

// a person value as createPerson() in structs.c builds it
const person = (age, name, second, parent) => ({
  age,
  doubleArray: [1.5 * age, 2.5, 3.5],
  parent,
  doubleProps: age / 4,
  name,
  stringArray: [name, second],
  i32Array: [age, age + 1, age + 2, age + 3],
  staticBytes: Buffer.alloc(16, age),
  boolTrue: true,
  boolFalse: false,
  longVal: 4294967296 * age,
  stackStruct: { age: Math.trunc(age / 2) },
  byte: 65,
  byteArray: Buffer.from([age, 200]),
  shortVal: -age,
  u32Val: 4000000000,
  u64Val: 18000000000000000000n,
  floatVal: 0.25,
  wide: 'w😀',
  opaque: {},
})

module.exports = { POINT, VEC3, MINUTIA_SET, node, point, personType, person, loadedFrom: __filename, directory: __dirname }
