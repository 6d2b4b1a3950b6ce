// Thousands of malformed calls from a seeded generator, through the Groovy API: closures, GStrings and
// BigDecimals among the junk. Each must throw an FfiException with a message; right results afterwards.
// FUZZ_SEED in the environment replays a run.
def seed = (System.getenv('FUZZ_SEED') ?: '20261126') as long
def random = new Random(seed)
def pick = { Object... choices -> choices[random.nextInt(choices.length)] }

open(library: 'libsum', path: System.getenv('FFI_TESTLIB'))
def point = [x: DataType.I32, y: DataType.I32, ffiTypeTag: DataType.StackStruct]
def targets = [
    [funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], values: [1, 2], expected: 3],
    [funcName: 'echo_double', retType: DataType.Double, paramsType: [DataType.Double], values: [2.5], expected: 2.5d],
    [funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], values: ['a', 'b'], expected: 'ab'],
    [funcName: 'point_add', retType: point, paramsType: [point, point], values: [[x: 1, y: 2], [x: 3, y: 4]], expected: [x: 4, y: 6]],
    [funcName: 'sum_i32_array', retType: DataType.I64, paramsType: [arrayConstructor(type: DataType.I32Array, length: 3), DataType.I32], values: [[1, 2, 3], 3], expected: 6L],
]

def junkFor = { type ->
    def common = pick(true, new Object(), [1, 'x'], [junk: [[:]]], { -> 1 }, new byte[1], [[[]]], Pointer.ofAddress(0x1000))
    if (type instanceof Map || type == DataType.String) {
        return pick(common, 42, Double.NaN, 2G ** 100, [x: 'one', y: 2], [x: 1], [x: 1, y: 2, z: 3])
    }
    if (type == DataType.Double) {
        return pick(common, 'abc', "g${'string'}", 2G ** 2000)
    }
    return pick(common, 'abc', "gstring ${seed}", Double.NaN, Double.POSITIVE_INFINITY, 1.5, 1.5G, 2L ** 40, 2G ** 100, null)
}
def junkType = {
    pick(-5, 21, 500, 995, 1000, 12345, 'I32', true, null, [1], [x: 'junk'], [ffiTypeTag: DataType.Function],
         [ffiTypeTag: DataType.Array, type: DataType.I32Array, length: -1], [ffiTypeTag: DataType.Array, type: DataType.I32],
         [ffiTypeTag: 12], [inner: [deeper: 77]], [ffiTypeTag: DataType.StackStruct], { -> 1 })
}

def malformed = { Map target ->
    def spec = [library: 'libsum', funcName: target.funcName, retType: target.retType]
    def types = new ArrayList(target.paramsType)
    def values = new ArrayList(target.values)
    switch (random.nextInt(6)) {
        case 0: case 1:
            int i = random.nextInt(values.size()); values[i] = junkFor(types[i]); break
        case 2:
            if (random.nextBoolean()) { values << junkFor(DataType.I32) } else { values.removeLast() }; break
        case 3:
            types[random.nextInt(types.size())] = junkType(); break
        case 4:
            spec.retType = junkType(); break
        default:
            switch (random.nextInt(4)) {
                case 0: spec.remove(pick('library', 'funcName', 'retType')); break
                case 1: spec[pick('paramType', 'errNo', 'freeResultMemroy')] = true; break
                case 2: spec[pick('errno', 'runInNewThread', 'freeResultMemory')] = pick('yes', 1, []); break
                default: spec.library = pick(42, '', 'not-open', [])
            }
    }
    spec.paramsType = types
    spec.paramsValue = values
    spec
}

3000.times { n ->
    def spec = malformed(targets[random.nextInt(targets.size())])
    def result
    try {
        result = load(spec)
    } catch (FfiException expected) {
        assert expected.message : "seed $seed, call $n: an error without a message"
        return
    }
    assert false : "seed $seed, call $n: a malformed call went through: $spec -> $result"
}
targets.each { t ->
    assert load(library: 'libsum', funcName: t.funcName, retType: t.retType, paramsType: t.paramsType, paramsValue: t.values) == t.expected
}

// Hostile values and descriptions (issue 20): null everywhere, cyclic and deep maps, NUL in every string
// position, huge arities, closures that throw or call back in, pointer tools given junk. Each must end in an
// FfiException (or the closure's own exception, reported through the call), never a raw Java exception.
def hostileCalls = (System.getenv('FUZZ_CALLS') ?: '2000') as int // 20,000 and more for a long run
def nodeType = [value: DataType.I32, next: null]
nodeType.next = nodeType
def intToInt = funcConstructor(paramsType: [DataType.I32], retType: DataType.I32)
def nested = { int depth, leaf, String key -> def value = leaf; depth.times { i -> value = [(key): value, value: i] }; value }
def callLib = { String name, retType, List types, List values ->
    load(library: 'libsum', funcName: name, retType: retType, paramsType: types, paramsValue: values)
}
def hostileCall = {
    def cyclic = [value: 1, next: null]
    cyclic.next = cyclic
    def cyclicList = []
    cyclicList << cyclicList
    switch (random.nextInt(10)) {
        case 0: return callLib('list_sum', DataType.I32, [nodeType], [pick(cyclic, nested(257 + random.nextInt(3000), null, 'next'), nested(5, pick('a\0b', Double.NaN, cyclicList), 'next'))])
        case 1: return callLib('list_sum', DataType.I32, [nested(257 + random.nextInt(20_000), DataType.I32, 'inner')], [[:]])
        case 2: return callLib(pick('sum\0', '\0sum', "su${'\0'}m"), DataType.I32, [DataType.I32, DataType.I32], [1, 2])
        case 3: return callLib('concatenateStrings', DataType.String, [DataType.String, DataType.String], [pick('a\0b', "g\0${seed}", null, cyclicList, cyclic), 'x'])
        case 4:
            int n = pick(253, 300, 1000)
            return callLib('sum', DataType.I32, [pick(DataType.I32, DataType.I64, DataType.Double)] * n, [1] * n)
        case 5: return callLib('apply', DataType.I32, [intToInt, DataType.I32], [pick(null, 5, { x -> throw new IllegalStateException('hostile closure') },
                { x -> callLib('apply', DataType.I32, [intToInt, DataType.I32], [null, x]) }), 1])
        case 6: return createPointer(paramsType: [pick(DataType.Void, nodeType, 'int int', 'char int', 'int ' + '*' * (300 + random.nextInt(5000)))], paramsValue: [pick(5, cyclic, 'a\0')])
        case 7:
            def pointer = createPointer(paramsType: [DataType.I32], paramsValue: [1])
            if (random.nextBoolean()) { freePointer(paramsType: [DataType.I32], paramsValue: pointer) }
            return restorePointer(retType: [pick(DataType.String, nodeType, DataType.I64, arrayConstructor(type: DataType.StringArray, length: 4))], paramsValue: pointer)
        case 8:
            def junk = pick(new byte[2], cyclicList, 'x', 42)
            switch (random.nextInt(5)) {
                case 0: return unwrapPointer(pick([junk], null))
                case 1: return wrapPointer(pick([junk], null))
                case 2: return isNullPointer(junk)
                case 3: return createExternalBuffer(junk, 4)
                default: return restorePointer(pick([retType: [DataType.I32], paramsValue: [junk]], null))
            }
        default:
            def spec = [library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2]]
            spec.put(null, 'a null key')
            return load(pick(spec, null))
    }
}
hostileCalls.times { n ->
    def result
    try {
        result = hostileCall()
    } catch (FfiException expected) {
        assert expected.message : "seed $seed, hostile call $n: an error without a message"
        return
    } catch (Throwable other) {
        assert false : "seed $seed, hostile call $n: a raw Java exception reached the script: $other"
    }
    assert false : "seed $seed, hostile call $n: a hostile call went through and returned $result"
}
targets.each { t ->
    assert load(library: 'libsum', funcName: t.funcName, retType: t.retType, paramsType: t.paramsType, paramsValue: t.values) == t.expected
}
println 'fuzz: ok'
