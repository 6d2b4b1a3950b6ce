// C declarations from Groovy: prototypes in the library block and in define, declared structs and unions,
// variadic calls with per-call types, and C type names mixed with the DSL's own notation.
import java.nio.ByteBuffer
import java.nio.ByteOrder
import org.ffiscript.engine.FfiException

def testlib = System.getenv('FFI_TESTLIB')

// Prototypes in a library block, next to the DSL's own declarations; the bare form calls the running program.
def libc = library('libc') {
    function 'int atoi(const char *s)'
    function 'int snprintf(char *buffer, size_t size, const char *format, ...)'
    strlen returns: 'size_t', takes: ['const char *']
}
assert libc.atoi('42') == 42
assert libc.strlen('héllo') == 6L
def buffer = new byte[64]
int written = libc.snprintf(buffer, 64, '%d|%s|%.2f|%c', 'int', 42, 'const char *', "a${'b'}c", 'double', 1.5G, 'char', 90)
assert new String(buffer, 0, written, 'UTF-8') == '42|abc|1.50|Z'

def bare = define(abs: 'int abs(int n)')
assert bare.abs(-3) == 3

// Declared types: a struct by value and by pointer, a recursive struct, a union inside a struct.
declare '''
    typedef struct { int32_t x; int32_t y; } Point;
    struct Node { int32_t value; struct Node *next; };
    typedef union { int32_t i; float f; double d; char text[8]; } Number;
    typedef struct { int32_t kind; Number value; } Tagged;
    typedef int32_t (*BinaryOp)(int32_t, int32_t);
'''
def test = library('libsum', path: testlib) {
    function 'Point point_add(Point a, Point b)'
    function 'Point *make_point(int x, int y)'
    function 'struct Node *make_list(int n)'
    function 'double number_read(Number n, int kind)'
    function 'double tagged_read(const Tagged *t)'
    function 'int32_t fold_with(BinaryOp op, const int32_t *values, size_t count)'
    function 'void divide(int32_t a, int32_t b, int32_t *quotient, int32_t *remainder)'
    function 'int sum_ints(int count, ...)', runInNewThread: true
}
assert test.point_add([x: 1, y: 2], [x: 3, y: 4]) == [x: 4, y: 6]
assert test.make_point(5, 7) == [x: 5, y: 7]
def list = test.make_list(3)
assert [list.value, list.next.value, list.next.next.value, list.next.next.next] == [1, 2, 3, null]
assert test.number_read([i: 42], 0) == 42d
assert test.number_read([f: 1.5], 1) == 1.5d
assert test.number_read([text: 'hello'], 3) == 5d
assert test.tagged_read([kind: 2, value: [d: 0.75]]) == 0.75d
assert test.fold_with({ a, b -> a * b }, [1, 2, 3, 4], 4) == 24
def quotient = new byte[4]
def remainder = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder())
test.divide(17, 5, quotient, remainder)
assert ByteBuffer.wrap(quotient).order(ByteOrder.nativeOrder()).getInt() == 3
assert remainder.getInt(0) == 2

// sum_ints runs in a new thread; its variadic arguments are typed per call.
assert test.sum_ints(2, 'int', 20, 'int', 22).get() == 42

// Names from the DSL's notation given to C, and C names used in the DSL.
declare 'Vec', stackStruct(x: double, y: double, z: double)
def vec = library('libsum', path: testlib) {
    function 'Vec vec3_scale(Vec v, double k)'
    point_add returns: 'Point', takes: ['Point', stackStruct(x: int, y: int)]
}
assert vec.vec3_scale([x: 1, y: 2, z: 3], 2) == [x: 2d, y: 4d, z: 6d]
assert vec.point_add([x: 1, y: 1], [x: 2, y: 2]) == [x: 3, y: 3]

// Mistakes are named with the line and column.
try {
    library('libc') { function 'int atoi(const char *s' }
    assert false, 'an unclosed parameter list was accepted'
} catch (FfiException e) {
    assert e.message == "define: int atoi(const char *s: line 1, column 23: expected ',' or ')' after parameter 1, got the end of the declaration"
}
try {
    declare 'struct Bad {\n  int a;\n  int b c;\n};'
    assert false
} catch (FfiException e) {
    assert e.message == "declare: line 3, column 9: expected ';' after the member, got 'c'"
}
try {
    test.sum_ints(1, 'int')
    assert false
} catch (FfiException e) {
    assert e.message.startsWith('libsum.sum_ints: expected the 1 fixed values, then a type and a value')
}
// A whole header in one call (tests/src/test/c/headers.h and headers.c): what cannot be used is reported.
def header = '# 1 "hdr.h"\nextern int hdr_counter;\nint hdr_add(int a, int b) __attribute__((__nothrow__));\n' +
        'int hdr_vsum(int count, __builtin_va_list args);\nint hdr_answer(void) __asm__("hdr_answer_v2");\n' +
        'int hdr_counter_value(void);\n'
def declared = declareHeader(header)
assert declared.functions().keySet() as List == ['hdr_add', 'hdr_answer', 'hdr_counter_value']
assert declared.skipped().collect { [it.file(), it.line(), it.construct()] } == [['hdr.h', 3, "function 'hdr_vsum'"]]
def defined = defineHeader(library: 'libsum', header: header)
assert defined.functions().hdr_add.call(2, 3) == 5
assert defined.functions().hdr_answer.call() == 42
assert restorePointer(retType: ['int'], paramsValue: [global('libsum', 'hdr_counter')]) == [defined.functions().hdr_counter_value.call()]
try {
    declareHeader('int f(va_list a);', strict: true)
    assert false
} catch (FfiException e) {
    assert e.message.startsWith("declareHeader: line 1, column 5: parameter 1 'a': va_list is not supported")
}
println 'declarations: ok'
