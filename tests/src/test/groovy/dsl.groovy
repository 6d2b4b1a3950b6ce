// The DSL: libraries declared once and called as methods, structs declared by name, closures as typed callbacks,
// and the typed Java API beneath it under @CompileStatic.
import groovy.transform.CompileStatic

def testlib = System.getenv('FFI_TESTLIB')

def libc = library('libc') {
    atoi returns: int, takes: [String]
    strlen returns: U64, takes: [String]
    getpid returns: int
    function 'chdir', returns: int, takes: [String], errno: true
}
assert libc.atoi('42') == 42
assert libc.strlen('héllo') == 6L
assert libc.getpid() == ProcessHandle.current().pid()
assert libc.chdir('/no/such/dir').errnoCode() == 2

// C functions named like GDK methods (sleep, print, find, ...) reach C, not Groovy's methods of those names.
def clashing = library('libc') {
    sleep returns: int, takes: [int]
    abs returns: int, takes: [int]
}
assert clashing.sleep(0) == 0
assert clashing.abs(-5) == 5

stackStruct('Point', x: int, y: int)
struct('Node', value: int, next: Pointer)
def Minutia = stackStruct(x: short, y: short, dir: short, kind: byte)
def MinutiaSet = struct(count: short, items: inlineArray(Minutia, 3))

def test = library('libsum', path: testlib) {
    point_add returns: Point, takes: [Point, Point]
    echo_minutiae returns: MinutiaSet, takes: [MinutiaSet]
    apply returns: int, takes: [callback(returns: int, takes: [int]), int]
    fold returns: int, takes: [int[], int, callback(returns: int, takes: [int, int]), int]
    createArrayi32 returns: array(int[], 3), takes: [int[], int]
    fill_bytes returns: int, takes: [byte[], int, int]
    sleep_ms returns: int, takes: [int], runInNewThread: true
}
assert test.point_add([x: 1, y: 2], [x: 10, y: 20]) == [x: 11, y: 22]
def set = [count: 3, items: [[x: 1, y: 2, dir: 3, kind: 4], [x: 5, y: 6, dir: 7, kind: 8], [x: 9, y: 10, dir: 11, kind: 12]]]
assert test.echo_minutiae(set) == set
assert test.apply({ int x -> x + 1 }, 41) == 42
assert test.fold([1, 2, 3, 4] as int[], 4, { int acc, int x -> acc + x }, 100) == 110
assert test.createArrayi32([7, 8, 9], 3) == [7, 8, 9]
def buffer = new byte[3]
assert test.fill_bytes(buffer, 3, 5) == 0 && buffer == [5, 5, 5] as byte[]
assert test.sleep_ms(10).get() == 10

// ffi-rs's list form works on DSL functions too
assert test.apply([{ int x -> x * 3 }, 14]) == 42

// Bad declarations say what is wrong.
try {
    library('broken') { atoi returns: 'NoSuchStruct', takes: [String] }
    assert false
} catch (FfiException expected) {
    assert expected.message == "broken.atoi: retType: line 1, column 1: unknown type name 'NoSuchStruct'"
}

@CompileStatic
class TypedUse {
    static int atoi(GroovyFfi ffi) {
        FfiLibrary libc = ffi.library('typed-libc') { }
        libc = ffi.define([atoi: [library: 'typed-libc', retType: DataType.I32, paramsType: [DataType.String]]])
        (int) libc.call('atoi', '314')
    }
}
assert TypedUse.atoi(ffi) == 314
println 'dsl: ok'
