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
println 'fuzz: ok'
