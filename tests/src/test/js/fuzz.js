// Thousands of malformed calls from a seeded generator: each must throw an Error with a message, and the engine
// must give right results afterwards. FUZZ_SEED in the environment replays a run.
const {
  load, open, DataType, arrayConstructor, funcConstructor, createPointer, restorePointer, unwrapPointer, wrapPointer,
  freePointer, isNullPointer, createExternalBuffer,
} = require('ffi-rs')
const assert = require('assert')
const run = require('./lib/run-tests.js')

const seed = Number(process.env.FUZZ_SEED || 20261126)
const hostileCalls = Number(process.env.FUZZ_CALLS || 2000) // 20,000 and more for a long run
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

// Hostile values and descriptions (issue 20): null and undefined everywhere, cyclic and deep values and
// descriptions, NUL in every string, detached and empty buffers, huge arities, Proxies and getters that throw,
// callbacks that throw or call back in, pointer tools given junk. Each call must end in an Error with the
// engine's message (or the script's own error, for a getter or callback that throws), never a raw Java one.
const nodeType = { value: DataType.I32 }
nodeType.next = nodeType
const INT_TO_INT = funcConstructor({ paramsType: [DataType.I32], retType: DataType.I32 })
const deep = (depth, leaf, key = 'next') => { let value = leaf; for (let i = 0; i < depth; i++) value = { [key]: value, value: i }; return value }
const detached = () => { const buffer = new ArrayBuffer(8); const view = new Uint8Array(buffer, 1, 4); buffer.transfer(); return pick(buffer, view) }
const throwing = () => new Proxy({}, { get () { throw new Error('hostile getter') }, ownKeys () { throw new Error('hostile keys') } })
const junkScalar = () => pick(null, undefined, 'a\0b', '\0', NaN, -0, 2n ** 64n, Symbol('h'), detached(), new Uint8Array(0),
  Buffer.alloc(0), throwing(), () => { throw new Error('hostile callback') }, [], {}, Object.create(null))

function hostileCall () {
  const cyclic = { value: 1 }
  cyclic.next = cyclic
  const cyclicList = []
  cyclicList.push(cyclicList)
  switch (Math.floor(random() * 12)) {
    case 0: return load({ library: 'libsum', funcName: 'list_sum', retType: DataType.I32, paramsType: [nodeType], paramsValue: [pick(cyclic, deep(300 + Math.floor(random() * 3000), null), deep(5, pick('a\0b', NaN, Symbol('h'), detached(), throwing(), [], 2n ** 64n)))] })
    case 1: return load({ library: 'libsum', funcName: 'list_sum', retType: DataType.I32, paramsType: [deep(257 + Math.floor(random() * 20000), DataType.I32, 'inner')], paramsValue: [{}] })
    case 2: return load({ library: 'libsum', funcName: pick('sum\0', '\0sum', 'su\0m'), retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2] })
    case 3: return load({ library: 'libsum', funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: [junkScalar(), pick('x\0', cyclicList, null)] })
    case 4: return load({ library: 'libsum', funcName: 'fill_bytes', retType: DataType.I32, paramsType: [DataType.U8Array, DataType.I32, DataType.I32], paramsValue: [pick(detached(), throwing(), null, undefined, cyclicList), 4, 7] })
    case 5: {
      const n = pick(253, 300, 1000)
      return load({ library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: new Array(n).fill(pick(DataType.I32, DataType.I64, DataType.Double)), paramsValue: new Array(n).fill(1) })
    }
    case 6: return load({ library: 'libsum', funcName: 'apply', retType: DataType.I32, paramsType: [INT_TO_INT, DataType.I32], paramsValue: [pick(null, undefined, 5, () => { throw new Error('hostile callback') }, (x) => 'not a number', (x) => load({ library: 'libsum', funcName: 'apply', retType: DataType.I32, paramsType: [INT_TO_INT, DataType.I32], paramsValue: [null, x] })), 1] })
    case 7: return load(pick(null, undefined, throwing(), { library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: throwing(), paramsValue: [1, 2] }))
    case 8: return createPointer({ paramsType: [pick(DataType.Void, nodeType, 'int int', 'char int', 'int ' + '*'.repeat(300 + Math.floor(random() * 5000)))], paramsValue: [pick(5, cyclic, 'a\0')] })
    case 9: {
      const pointer = createPointer({ paramsType: [DataType.I32], paramsValue: [1] })
      if (random() < 0.5) freePointer({ paramsType: [DataType.I32], paramsValue: pointer })
      return restorePointer({ retType: [pick(DataType.String, nodeType, arrayConstructor({ type: DataType.StringArray, length: 4 }), DataType.I64)], paramsValue: pointer })
    }
    case 10: {
      const junk = pick(Buffer.from([1]), new ArrayBuffer(2), detached(), throwing(), cyclicList, 'x') // null is the NULL pointer
      return pick(() => unwrapPointer(pick([junk], junk)), () => wrapPointer(pick([junk], junk)), () => isNullPointer(junk), () => createExternalBuffer(junk, 4), () => restorePointer({ retType: [DataType.I32], paramsValue: [junk] }))()
    }
    default: return load({ library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [pick('int int', { ffiTypeTag: DataType.Function, paramsType: cyclicList, retType: DataType.I32 }, nodeType), DataType.I32], paramsValue: [cyclic, 1] })
  }
}

const testHostileCallsThrowTheEnginesErrors = () => {
  for (let n = 0; n < hostileCalls; n++) {
    let result
    try {
      result = hostileCall()
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      assert.ok(error instanceof Error && message.length > 0, `seed ${seed}, hostile call ${n}: the error has no message: ${error}`)
      assert.ok(!/^java\.|^(Host|Polyglot)|Exception(:|$)/.test(message) || /callback failed/.test(message),
        `seed ${seed}, hostile call ${n}: a raw Java exception reached the script: ${message}`)
      continue
    }
    assert.fail(`seed ${seed}, hostile call ${n}: a hostile call went through and returned ${String(result)}`)
  }
  testEngineStillRight()
}

const testEngineStillRight = () => {
  for (const target of targets) {
    assert.deepStrictEqual(load({ library: 'libsum', funcName: target.funcName, retType: target.retType, paramsType: target.paramsType, paramsValue: target.values }), target.expected)
  }
}

run('fuzz', [testMalformedCallsThrowClearErrors, testEngineStillRight, testHostileCallsThrowTheEnginesErrors]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
