// Values a hostile or careless script builds, through the Groovy API: cyclic and very deep maps, null where a
// list or description belongs, a null key. Each must throw an FfiException naming where, never a raw Java
// exception, and the engine must answer right afterwards. The messages are those of HostileValuesTest.
import org.ffiscript.engine.FfiException

open(library: 'libsum', path: System.getenv('FFI_TESTLIB'))

def refused = { Closure call ->
    try {
        call()
    } catch (FfiException expected) {
        return expected.message
    }
    assert false : 'expected an FfiException'
}
def sane = { assert load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2]) == 3 }

// a cyclic value, with and without a closure beside it, and a long list
def nodeType = [value: DataType.I32, next: null]
nodeType.next = nodeType
def node = [value: 1, next: null]
node.next = node
assert refused { load(library: 'libsum', funcName: 'list_sum', retType: DataType.I32, paramsType: [nodeType], paramsValue: [node]) } ==
        'libsum.list_sum: paramsValue[0]' + '.next' * 8 + '...(240 more)...' + '.next' * 8 +
        ': the value nests more than 256 levels deep (a value that contains itself, or a longer chain of struct pointers; ' +
        'the system property ffiscript.maxNesting raises the limit, with a larger thread stack)'
def withClosure = [value: 1, next: null, extra: { -> 1 }]
withClosure.next = withClosure
assert refused { load(library: 'libsum', funcName: 'list_sum', retType: DataType.I32, paramsType: [nodeType], paramsValue: [withClosure]) }
        .contains('nests more than 256 levels deep')
def list = null
100_000.times { list = [value: 1, next: list] }
assert refused { load(library: 'libsum', funcName: 'list_sum', retType: DataType.I32, paramsType: [nodeType], paramsValue: [list]) }
        .contains('nests more than 256 levels deep')
def deep = [leaf: DataType.I32]
20_000.times { deep = [inner: deep] }
assert refused { load(library: 'libsum', funcName: 'list_sum', retType: DataType.I32, paramsType: [deep], paramsValue: [[:]]) }
        .contains('the description nests more than 256 levels deep')
sane()

// null where a description or a list of pointers belongs
assert refused { unwrapPointer(null) } == 'unwrapPointer: expected a list of pointers, got null'
assert refused { wrapPointer(null) } == 'wrapPointer: expected a list of pointers, got null'
assert refused { createPointer(null) } == 'createPointer: expected a description {paramsType, paramsValue}, got null'
assert refused { restorePointer(null) } == 'restorePointer: expected a description {retType, paramsValue}, got null'
assert refused { freePointer(null) } == 'freePointer: expected a description {paramsType, paramsValue, pointerType}, got null'
assert refused { createExternalBuffer(null, 4) } == 'createExternalBuffer: pointer: cannot view memory at a NULL pointer'
assert refused { load(null) } == 'load: expected a description {library, funcName, retType, paramsType, paramsValue}, got null'
assert refused { open(null) } == "open: expected {library: 'key', path: 'file'}, got null"
assert isNullPointer(null)
sane()

// a null key is refused like any other unknown key
def spec = [library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2]]
spec.put(null, 5)
assert refused { load(spec) } == 'libsum.sum: unknown key null; valid keys are [errno, freeResultMemory, funcName, library, paramsType, paramsValue, retType, runInNewThread]'
sane()
println 'hostile: ok'
