// The ffi-rs API from Groovy: named arguments, closures as callbacks, GStrings and BigDecimals as values.
import java.util.concurrent.CompletableFuture

def testlib = System.getenv('FFI_TESTLIB')
open(library: 'libsum', path: testlib)
open(library: 'libc', path: '')

// scalars, with Groovy's own number kinds
assert load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 100]) == 101
assert load(library: 'libsum', funcName: 'doubleSum', retType: DataType.Double, paramsType: [DataType.Double, DataType.Double], paramsValue: [1.1, 2.2]) == 1.1d + 2.2d
assert load(library: 'libsum', funcName: 'echo_float', retType: DataType.Float, paramsType: [DataType.Float], paramsValue: [1.5]) == 1.5d
assert load(library: 'libsum', funcName: 'echo_i64', retType: DataType.I64, paramsType: [DataType.I64], paramsValue: [9007199254740993L]) == 9007199254740993L
assert load(library: 'libsum', funcName: 'echo_u64', retType: DataType.U64, paramsType: [DataType.U64], paramsValue: [2G ** 64 - 1]) == 2G ** 64 - 1
assert load(library: 'libsum', funcName: 'echo_u32', retType: DataType.U32, paramsType: [DataType.U32], paramsValue: [4294967295L]) == 4294967295L
assert load(library: 'libsum', funcName: 'echo_i64', retType: DataType.BigInt, paramsType: [DataType.BigInt], paramsValue: [-5]) == -5G
assert load(library: 'libsum', funcName: 'echo_i16', retType: DataType.I16, paramsType: [DataType.I16], paramsValue: [-32768]) == -32768
assert load(library: 'libsum', funcName: 'echo_u8', retType: DataType.U8, paramsType: [DataType.U8], paramsValue: [255]) == 255
assert load(library: 'libsum', funcName: 'return_opposite', retType: DataType.Boolean, paramsType: [DataType.Boolean], paramsValue: [true]) == false
assert load(library: 'libsum', funcName: 'noRet', retType: DataType.Void, paramsType: [], paramsValue: []) == null

// strings: GStrings, wide strings, freeResultMemory
def who = 'world'
assert load(library: 'libsum', funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: ["hello ", "${who}"]) == 'hello world'
assert load(library: 'libsum', funcName: 'echo_wide', retType: DataType.WString, paramsType: [DataType.WString], paramsValue: ['a🎉b']) == 'a🎉b'
load(library: 'libsum', funcName: 'make_string', retType: DataType.String, paramsType: [DataType.I32], paramsValue: [100], freeResultMemory: true)
assert load(library: 'libsum', funcName: 'probe_intact', retType: DataType.I32, paramsType: [], paramsValue: []) == 0

// errno and runInNewThread
def failed = load(library: 'libsum', funcName: 'fail_with_errno', retType: DataType.I32, paramsType: [DataType.I32], paramsValue: [2], errno: true)
assert failed.errnoCode() == 2 && failed.errnoMessage() == 'No such file or directory' && failed.value() == -1
def started = System.nanoTime()
def sleeps = (1..3).collect { load(library: 'libsum', funcName: 'sleep_ms', retType: DataType.I32, paramsType: [DataType.I32], paramsValue: [300], runInNewThread: true) }
assert sleeps.every { it instanceof CompletableFuture }
assert sleeps*.get() == [300, 300, 300]
assert (System.nanoTime() - started) / 1e6 < 800

// define
def lib = define(sum: [library: 'libsum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32]],
                 atoi: [library: 'libc', retType: DataType.I32, paramsType: [DataType.String]])
assert lib.sum([1, 2]) == 3
assert lib.sum(3, 4) == 7
assert lib.atoi(['1000']) == 1000

// arrays and buffers
def bytes = new byte[4]
load(library: 'libsum', funcName: 'fill_bytes', retType: DataType.I32, paramsType: [DataType.U8Array, DataType.I32, DataType.I32], paramsValue: [bytes, 4, 7])
assert bytes as List == [7, 7, 7, 7]
assert load(library: 'libsum', funcName: 'createArrayDouble', retType: arrayConstructor(type: DataType.DoubleArray, length: 2),
        paramsType: [DataType.DoubleArray, DataType.I32], paramsValue: [[1.5, 2.5], 2]) == [1.5d, 2.5d]
assert load(library: 'libsum', funcName: 'createArrayString', retType: arrayConstructor(type: DataType.StringArray, length: 2),
        paramsType: [DataType.StringArray, DataType.I32], paramsValue: [['a', 'b'], 2]) == ['a', 'b']

// structs: a Groovy map literal keeps field order
def point = [x: DataType.I32, y: DataType.I32, ffiTypeTag: FFITypeTag.StackStruct]
assert load(library: 'libsum', funcName: 'point_add', retType: point, paramsType: [point, point], paramsValue: [[x: 1, y: 2], [x: 3, y: 4]]) == [x: 4, y: 6]
def node = [value: DataType.I32, next: null]
node.next = node
def list = load(library: 'libsum', funcName: 'make_list', retType: node, paramsType: [DataType.I32], paramsValue: [3])
assert list.value == 1 && list.next.next.value == 3 && list.next.next.next == null

// callbacks: closures, their return values reach C
def intToInt = funcConstructor(paramsType: [DataType.I32], retType: DataType.I32)
assert load(library: 'libsum', funcName: 'apply', retType: DataType.I32, paramsType: [intToInt, DataType.I32], paramsValue: [{ x -> x * 2 }, 21]) == 42
def data = createPointer(paramsType: [DataType.I32Array], paramsValue: [[5, -3, 9, 1]])
def one = arrayConstructor(type: DataType.I32Array, length: 1)
load(library: 'libc', funcName: 'qsort', retType: DataType.Void,
     paramsType: [DataType.External, DataType.U64, DataType.U64, funcConstructor(paramsType: [one, one], retType: DataType.I32)],
     paramsValue: [unwrapPointer(data)[0], 4, 4, { a, b -> a[0] <=> b[0] }])
assert restorePointer(retType: [arrayConstructor(type: DataType.I32Array, length: 4)], paramsValue: data) == [[-3, 1, 5, 9]]
try { // a null closure never reaches C as a NULL comparator
    load(library: 'libc', funcName: 'qsort', retType: DataType.Void,
         paramsType: [DataType.External, DataType.U64, DataType.U64, funcConstructor(paramsType: [one, one], retType: DataType.I32)],
         paramsValue: [unwrapPointer(data)[0], 4, 4, null])
    assert false : 'a null closure must be refused'
} catch (FfiException expected) {
    assert expected.message == 'libc.qsort: paramsValue[3]: expected Function(I32Array[1], I32Array[1]) -> I32 (a function or a function pointer), got null'
}

// pointer tools
def pointers = createPointer(paramsType: [DataType.I32, DataType.String], paramsValue: [42, 'text'])
assert restorePointer(retType: [DataType.I32, DataType.String], paramsValue: pointers) == [42, 'text']
def wrapped = wrapPointer([pointers[0]])
assert unwrapPointer(wrapped) == [pointers[0]]
assert !isNullPointer(pointers[0]) && isNullPointer(Pointer.NULL)
assert pointers[0].toString().startsWith('0x')
def view = createExternalBuffer(pointers[0], 4).order(java.nio.ByteOrder.nativeOrder())
assert view.getInt(0) == 42
freePointer(paramsType: [DataType.I32, DataType.String], paramsValue: pointers, pointerType: PointerType.RsPointer)
try {
    freePointer(paramsType: [DataType.I32], paramsValue: [pointers[0]])
    assert false : 'a double free must be refused'
} catch (FfiException expected) {
    assert expected.message.contains('freed already')
}

// load inside closures: the script's, unless the closure asks its delegate first and the delegate has a load
def intToIntInClosures = funcConstructor(paramsType: [DataType.I32], retType: DataType.I32)
def sumOf = { a, b -> load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [a, b]) }
assert (1..3).collect { n -> [n].collect { sumOf(n, it) }[0] } == [2, 4, 6]
assert (1..2).collect { n -> [10].collect { load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [n, it]) }[0] } == [11, 12]
class Loader { def load(Map spec) { "the delegate's load of ${spec.funcName}" } }
def viaDelegate = { load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2]) }
assert viaDelegate() == 3
viaDelegate.delegate = new Loader()
assert viaDelegate() == 3 // owner first: the script answers
viaDelegate.resolveStrategy = Closure.DELEGATE_FIRST
assert viaDelegate() == "the delegate's load of sum"
assert new Loader().with { [1].collect { load(funcName: 'inner') }[0] } == "the delegate's load of inner" // an outer closure asks its delegate first
assert new Loader().with { load(funcName: 'with') } == "the delegate's load of with"
def plus = { n -> load(library: 'libsum', funcName: 'apply', retType: DataType.I32, paramsType: [intToIntInClosures, DataType.I32], paramsValue: [{ x -> x + n }, 10]) }
assert (1..3).collect { plus(it) } == [11, 12, 13] // a callback closure inside the description, itself inside a closure

// errors name where, what and what was given
try {
    load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 'two'])
    assert false
} catch (FfiException expected) {
    assert expected.message == 'libsum.sum: paramsValue[1]: expected I32 (a whole number from -2147483648 to 2147483647), got "two"'
}
close('libsum')
try {
    load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2])
    assert false
} catch (FfiException expected) {
    assert expected.message.contains("library 'libsum' is not open")
}
println 'api: ok'
