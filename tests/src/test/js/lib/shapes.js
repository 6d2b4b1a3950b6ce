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

module.exports = { POINT, VEC3, MINUTIA_SET, node, point, loadedFrom: __filename, directory: __dirname }
