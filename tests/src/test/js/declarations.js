// C prototypes in define, C type declarations, unions and variadic calls, from JavaScript; the C side is
// tests/src/test/c/declarations.c (and structs.c for points and lists).
const { equal, strictEqual, deepStrictEqual, ok, throws } = require('assert')
const { load, open, define, declare, declareHeader, defineHeader, global, restorePointer, DataType } = require('ffi-rs')

open({ library: 'libsum', path: process.env.FFI_TESTLIB })
const fn = (prototype, options = {}) => define({ f: Object.assign({ library: 'libsum', prototype }, options) }).f

const testBarePrototypes = () => {
  const { atoi, strlen, abs } = define({
    atoi: 'int atoi(const char *s)',
    strlen: 'size_t strlen(const char *s)',
    abs: 'int abs(int)',
  })
  strictEqual(atoi(['1234']), 1234)
  strictEqual(strlen(['hello']), 5)
  strictEqual(abs([-7]), 7)
}

const testStructsByValueAndPointer = () => {
  const { Point } = declare('typedef struct { int32_t x; int32_t y; } Point;')
  strictEqual(Point, 'Point')
  deepStrictEqual(fn('Point point_add(Point a, Point b)')([{ x: 1, y: 2 }, { x: 3, y: 4 }]), { x: 4, y: 6 })
  deepStrictEqual(fn('Point *make_point(int x, int y)')([5, 7]), { x: 5, y: 7 })
  declare('struct Node { int32_t value; struct Node *next; };')
  const list = fn('struct Node *make_list(int n)')([3])
  deepStrictEqual([list.value, list.next.value, list.next.next.value, list.next.next.next], [1, 2, 3, null])
  strictEqual(fn('int list_sum(const struct Node *node)')([{ value: 10, next: { value: 20, next: null } }]), 30)
}

const testUnions = () => {
  declare(`
    typedef union { int32_t i; float f; double d; char text[8]; } Number;
    typedef struct { int32_t kind; Number value; } Tagged;
  `)
  const read = fn('double number_read(Number n, int kind)')
  strictEqual(read([{ i: 42 }, 0]), 42)
  strictEqual(read([{ f: 1.5 }, 1]), 1.5)
  strictEqual(read([{ text: 'hello' }, 3]), 5)
  const value = fn('Number number_of_double(double d)')([0.5])
  strictEqual(value.d, 0.5)
  deepStrictEqual(Object.keys(value), ['i', 'f', 'd', 'text'])
  strictEqual(fn('double tagged_read(const Tagged *t)')([{ kind: 2, value: { d: 0.75 } }]), 0.75)
  throws(() => read([{ i: 1, f: 2 }, 0]), /libsum\.number_read: paramsValue\[0\]: a union holds one member at a time, got \[i, f\]/)
}

const testVariadic = () => {
  const { snprintf } = define({ snprintf: 'int snprintf(char *buffer, size_t size, const char *format, ...)' })
  const buffer = Buffer.alloc(64)
  const written = snprintf([buffer, 64, '%d|%s|%.2f|%lld|%c', 'int', 42, 'const char *', 'abc', 'double', 1.5,
    'long long', 1099511627776n, 'char', 90])
  const expected = '42|abc|1.50|1099511627776|Z'
  strictEqual(written, expected.length)
  strictEqual(buffer.toString('utf8', 0, written), expected)
  // DataType codes type variadic arguments too
  const n = snprintf([buffer, 64, '%d/%.1f', DataType.I32, 7, DataType.Double, 0.5])
  strictEqual(buffer.toString('utf8', 0, n), '7/0.5')

  const sumInts = fn('int sum_ints(int count, ...)')
  strictEqual(sumInts([0]), 0)
  strictEqual(sumInts([3, 'int', 1, 'int', 2, 'int', 3]), 6)
  strictEqual(sumInts([2, 'short', 1, 'signed char', 2]), 3) // promoted to int, as C does
}

const testVariadicMistakes = () => {
  const sumInts = fn('int sum_ints(int count, ...)')
  throws(() => sumInts([2, 'int', 1, 'int']), /libsum\.sum_ints: expected the 1 fixed values, then a type and a value for each variadic argument/)
  throws(() => sumInts([2, 'int', 1, 'int', 'two']), /libsum\.sum_ints: paramsValue\[4\]: expected I32/)
  throws(() => sumInts([1, 'innt', 1]), /paramsValue\[1\] \(the type of a variadic argument\): line 1, column 1: unknown type name 'innt'/)
}

const testPointersToScalars = () => {
  const divide = fn('void divide(int32_t a, int32_t b, int32_t *quotient, int32_t *remainder)')
  const quotient = Buffer.alloc(4)
  const remainder = Buffer.alloc(4)
  strictEqual(divide([17, 5, quotient, remainder]), undefined)
  strictEqual(quotient.readInt32LE(0), 3)
  strictEqual(remainder.readInt32LE(0), 2)
  strictEqual(load({ library: 'libsum', funcName: 'divide', retType: 'void', paramsType: ['int', 'int', 'int *', 'int *'],
    paramsValue: [9, 2, quotient, remainder] }), undefined)
  strictEqual(quotient.readInt32LE(0), 4)
  strictEqual(fn('int64_t sum_i64(const int64_t *values, size_t count)')([[1, 2, 3], 3]), 6)
  strictEqual(fn('size_t total_length(const char **strings, size_t count)')([['abc', 'de'], 2]), 5)
}

const testCallbacks = () => {
  declare('typedef int32_t (*BinaryOp)(int32_t, int32_t);')
  const foldWith = fn('int32_t fold_with(BinaryOp op, const int32_t *values, size_t count)')
  strictEqual(foldWith([(a, b) => a * b, [1, 2, 3, 4], 4]), 24)
  // a function-pointer type name as a callback descriptor in load
  strictEqual(load({ library: 'libsum', funcName: 'fold_with', retType: 'int32_t', paramsType: ['BinaryOp', 'const int32_t *', 'size_t'],
    paramsValue: [(a, b) => a + b, [1, 2, 3], 3] }), 6)
  strictEqual(load({ library: 'libsum', funcName: 'fold_with', retType: 'int32_t',
    paramsType: ['int32_t (*)(int32_t, int32_t)', 'int32_t[3]', 'size_t'], paramsValue: [(a, b) => a - b, [10, 2, 3], 3] }), 5)
}

const testMixingWithObjectLiterals = () => {
  // C type names where DataType codes go
  strictEqual(load({ library: 'libsum', funcName: 'sum', retType: 'int', paramsType: ['int', 'int32_t'], paramsValue: [-7, 2] }), -5)
  // an object literal named for C
  strictEqual(declare('Vec', { x: DataType.Double, y: DataType.Double, z: DataType.Double }), 'Vec')
  deepStrictEqual(fn('Vec vec3_scale(Vec v, double k)')([{ x: 1, y: 2, z: 3 }, 2]), { x: 2, y: 4, z: 6 })
  // a declared struct inside an object-literal description
  declare('struct Pt { int32_t x; int32_t y; };')
  deepStrictEqual(load({ library: 'libsum', funcName: 'point_add', retType: 'struct Pt',
    paramsType: ['struct Pt', { x: DataType.I32, y: DataType.I32, ffiTypeTag: DataType.StackStruct }],
    paramsValue: [{ x: 1, y: 2 }, { x: 3, y: 4 }] }), { x: 4, y: 6 })
}

const testParseErrors = () => {
  throws(() => define({ atoi: 'int atoi(const char *s' }),
    /define: atoi: line 1, column 23: expected ',' or '\)' after parameter 1, got the end of the declaration/)
  throws(() => declare('struct Bad {\n  int a;\n  int b c;\n};'), /declare: line 3, column 9: expected ';' after the member, got 'c'/)
  throws(() => define({ f: 'int f(strin s)' }), /define: f: line 1, column 7: unknown type name 'strin'/)
}

const testAsync = async () => {
  const sum = fn('int sum_ints(int count, ...)', { runInNewThread: true })
  const result = sum([2, 'int', 20, 'int', 22])
  ok(result instanceof Promise)
  strictEqual(await result, 42)
}

const run = require('./lib/run-tests.js')
// A whole header in one call (tests/src/test/c/headers.h and headers.c): what cannot be used is reported.
const testWholeHeaders = () => {
  const header = '# 1 "hdr.h"\nenum hdr_js { JS_A = 1 << 4, JS_B };\nextern int hdr_counter;\n'
    + 'int hdr_add(int a, int b) __attribute__((__nothrow__));\nint hdr_vsum(int count, __builtin_va_list args);\n'
    + 'int hdr_answer(void) __asm__("hdr_answer_v2");\nint hdr_counter_value(void);\n'
  const declared = declareHeader(header)
  deepStrictEqual([declared.constants.JS_A, declared.constants.JS_B], [16, 17])
  deepStrictEqual(declared.functions, ['hdr_add', 'hdr_answer', 'hdr_counter_value'])
  deepStrictEqual(declared.globals, { hdr_counter: 'hdr_counter' })
  deepStrictEqual(declared.skipped.map(({ file, line, construct }) => [file, line, construct]), [['hdr.h', 4, "function 'hdr_vsum'"]])
  ok(declared.skipped[0].reason.includes("parameter 2 'args': va_list is not supported"), declared.skipped[0].reason)

  const { functions, skipped } = defineHeader({ library: 'libsum', header })
  strictEqual(functions.hdr_add([2, 3]), 5)
  strictEqual(functions.hdr_answer([]), 42)
  strictEqual(skipped.length, 1)
  const [counter] = restorePointer({ retType: ['int'], paramsValue: [global('libsum', 'hdr_counter')] })
  strictEqual(counter, functions.hdr_counter_value([]))
  throws(() => declareHeader('int f(va_list a);', { strict: true }),
    /^declareHeader: line 1, column 5: parameter 1 'a': va_list is not supported/)
}

run('declarations', [
  testWholeHeaders,
  testBarePrototypes,
  testStructsByValueAndPointer,
  testUnions,
  testVariadic,
  testVariadicMistakes,
  testPointersToScalars,
  testCallbacks,
  testMixingWithObjectLiterals,
  testParseErrors,
  testAsync,
]).catch((error) => {
  console.error(error.message)
  process.exit(1)
})
