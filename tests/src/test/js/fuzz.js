// Thousands of malformed calls from a seeded generator: each must throw an Error with a message, and the engine
// must give right results afterwards. FUZZ_SEED in the environment replays a run.
const { load, open, DataType, arrayConstructor } = require('ffi-rs')
const assert = require('assert')
const run = require('./lib/run-tests.js')

const seed = Number(process.env.FUZZ_SEED || 20261126)
let state = seed >>> 0
const random = () => { // mulberry32
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (...choices) => choices[Math.floor(random() * choices.length)]

open({ library: 'libsum', path: process.env.FFI_TESTLIB })
const point = { x: DataType.I32, y: DataType.I32, ffiTypeTag: DataType.StackStruct }
const targets = [
  { funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], values: [1, 2], expected: 3 },
  { funcName: 'echo_double', retType: DataType.Double, paramsType: [DataType.Double], values: [2.5], expected: 2.5 },
  { funcName: 'echo_u64', retType: DataType.U64, paramsType: [DataType.U64], values: [7], expected: 7 },
  { funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], values: ['a', 'b'], expected: 'ab' },
  { funcName: 'point_add', retType: point, paramsType: [point, point], values: [{ x: 1, y: 2 }, { x: 3, y: 4 }], expected: { x: 4, y: 6 } },
  { funcName: 'sum_i32_array', retType: DataType.I64, paramsType: [arrayConstructor({ type: DataType.I32Array, length: 3 }), DataType.I32], values: [[1, 2, 3], 3], expected: 6 },
]

// Values no parameter of the given type accepts.
function junkFor(type) {
  const common = pick(true, {}, [1, 'x'], { junk: [{}] }, () => 1, Symbol('s'), new Uint8Array(2), new Date(0), /re/, new Map(), [[[]]])
  if (typeof type === 'object' || type === DataType.String) {
    return pick(common, 42, NaN, 2n ** 100n, { x: 'one', y: 2 }, { x: 1 }, { x: 1, y: 2, z: 3 }, null, undefined)
  }
  if (type === DataType.Double) return pick(common, 'abc', null, undefined, 2n ** 2000n)
  return pick(common, 'abc', NaN, Infinity, -Infinity, 1.5, type === DataType.U64 ? -1 : 2 ** 40, 2n ** 100n, null, undefined)
}

function junkType() {
  return pick(-5, 21, 500, 995, 1000, 12345, 'I32', true, null, undefined, [1], { x: 'junk' }, { ffiTypeTag: DataType.Function },
    { ffiTypeTag: DataType.Array, type: DataType.I32Array, length: -1 }, { ffiTypeTag: DataType.Array, type: DataType.I32 },
    { ffiTypeTag: 12 }, { inner: { deeper: 77 } }, { ffiTypeTag: DataType.StackStruct }, Symbol('t'), () => 1)
}

function malformed(target) {
  const spec = { library: 'libsum', funcName: target.funcName, retType: target.retType }
  const types = target.paramsType.slice()
  const values = target.values.slice()
  switch (Math.floor(random() * 6)) {
    case 0: case 1: { const i = Math.floor(random() * values.length); values[i] = junkFor(types[i]); break }
    case 2: if (random() < 0.5) values.push(junkFor(DataType.I32)); else values.pop(); break
    case 3: types[Math.floor(random() * types.length)] = junkType(); break
    case 4: spec.retType = junkType(); break
    default:
      switch (Math.floor(random() * 4)) {
        case 0: delete spec[pick('library', 'funcName', 'retType')]; break
        case 1: spec[pick('paramType', 'errNo', 'freeResultMemroy')] = true; break
        case 2: spec[pick('errno', 'runInNewThread', 'freeResultMemory')] = pick('yes', 1, []); break
        default: spec.library = pick(42, '', 'not-open', [])
      }
  }
  spec.paramsType = types
  spec.paramsValue = values
  return spec
}

const testMalformedCallsThrowClearErrors = () => {
  for (let n = 0; n < 3000; n++) {
    const target = targets[Math.floor(random() * targets.length)]
    const spec = malformed(target)
    let result
    try {
      result = load(spec)
    } catch (error) {
      assert.ok(error instanceof Error && typeof error.message === 'string' && error.message.length > 0,
        `seed ${seed}, call ${n}: the error has no message: ${error}`)
      continue
    }
    assert.fail(`seed ${seed}, call ${n}: a malformed call went through and returned ${String(result)}`)
  }
}

const testEngineStillRight = () => {
  for (const target of targets) {
    assert.deepStrictEqual(load({ library: 'libsum', funcName: target.funcName, retType: target.retType, paramsType: target.paramsType, paramsValue: target.values }), target.expected)
  }
}

run('fuzz', [testMalformedCallsThrowClearErrors, testEngineStillRight]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
