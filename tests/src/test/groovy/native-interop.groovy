// Native interop as real C libraries need it: long lists, struct pointers, out-parameters, decode/encode.
def testlib = System.getenv('FFI_TESTLIB')
open(library: 'libsum', path: testlib)

// a linked list of a million nodes decodes (and is freed) without a stack overflow; cycles stay cycles
def node = [value: int, next: null]
node.next = node
def list = load(library: 'libsum', funcName: 'make_list', retType: node, paramsType: [int], paramsValue: [1_000_000], freeResultMemory: true)
int expected = 1
for (def at = list; at != null; at = at.next) {
    assert at.value == expected++
}
assert expected == 1_000_001
def cycle = load(library: 'libsum', funcName: 'make_cycle', retType: node, paramsType: [], paramsValue: [])
assert cycle.next.next.is(cycle)

// out-parameters: Groovy arrays and lists passed to T * get C's writes back, in load, the DSL and prototypes
declare 'typedef struct { int32_t x; int32_t y; } Spot;'
def lib = library('libsum', path: testlib) {
    twice_i64 returns: void, takes: [long[], int]                  // long[]: int64_t *
    twice_u32 returns: void, takes: ['uint32_t *', int]
    negate_bools returns: void, takes: [boolean[], int]
    function 'int reverse_into(uint8_t *dest, unsigned long *destLen, const uint8_t *src, unsigned long srcLen)'
    function 'int spot_move(Spot *spot, int dx, int dy)'
    function 'int spot_sum(const Spot *spot)'
    buffer_size returns: 'size_t', takes: [Pointer, 'size_t']
    keep_buffer returns: void, takes: ['uint8_t *', 'size_t']
    fill_kept returns: void, takes: [byte]
}
long[] longs = [-3, 1L << 40]
lib.twice_i64(longs, 2)
assert longs == [-6, 1L << 41] as long[]
def u32 = [2_000_000_000L, 1]
lib.twice_u32(u32, 2)
assert u32 == [4_000_000_000L, 2L]
boolean[] flags = [true, false]
lib.negate_bools(flags, 2)
assert flags == [false, true] as boolean[]
def defined = define(twice_i64: [library: 'libsum', retType: void, paramsType: [long[], int]])   // define takes the notation too
defined.twice_i64(longs, 1)
assert longs == [-12, 1L << 41] as long[]
def doubles = [0.5, 2] as double[]
load(library: 'libsum', funcName: 'twice_double', retType: void, paramsType: ['double *', int], paramsValue: [doubles, 2])
assert doubles == [1.0d, 4.0d] as double[]

byte[] dest = new byte[16]
long[] destLen = [dest.length]
assert lib.reverse_into(dest, destLen, 'hello'.bytes, 5) == 0
assert destLen[0] == 5 && new String(dest, 0, 5) == 'olleh'

// struct pointers: a map gets C's changes, a pointer passes as it is, null is NULL
def spot = [x: 1, y: 2]
assert lib.spot_move(spot, 10, 20) == 0
assert spot == [x: 11, y: 22]
assert lib.spot_move(null, 1, 1) == -1
def memory = createPointer(paramsType: ['Spot'], paramsValue: [[x: 1, y: 1]])[0]
assert lib.spot_move(memory, 2, 3) == 0
assert decode(memory, 'Spot') == [x: 3, y: 4]
assert lib.spot_sum(memory) == 7
freePointer(paramsValue: [memory])

// a native buffer: passed without a copy, kept by C, written by a later call
def kept = nativeBuffer(8)
lib.keep_buffer(kept, 8)
lib.fill_kept(7)
assert kept.toBytes() == [7] * 8 as byte[]
assert lib.buffer_size(kept, 8) == 8
kept.close()

// decode and encode with the DSL's types
def text = load(library: 'libsum', funcName: 'interop_text', retType: Pointer, paramsType: [], paramsValue: [])
assert decode(text, 'char', -1) == 'hello'
assert decode(pointer: text, offset: 6, type: 'char', length: -1) == 'world'
assert decode(text, byte, 5) == 'hello'.bytes
def spots = load(library: 'libsum', funcName: 'interop_spots', retType: Pointer, paramsType: [], paramsValue: [])
assert decode(spots, 'Spot', 3) == [[x: 1, y: 2], [x: 3, y: 4], [x: 5, y: 6]]
def scratch = nativeBuffer(16)
encode(scratch, long, -5)
encode(pointer: scratch, offset: 8, type: double, value: 0.25)
assert decode(scratch, long) == -5L && decode(pointer: scratch, offset: 8, type: double) == 0.25d

// every place that takes a type takes the DSL's notation and declared names
assert createPointer(paramsType: [Pointer], paramsValue: [text]).size() == 1
assert ffi.type('Spot').fields()*.name() == ['x', 'y']
declare 'struct tm_like { int tm_sec; int tm_min; };'
assert ffi.type('struct tm_like').fields()*.name() == ['tm_sec', 'tm_min']
def items = arrayConstructor(type: DataType.StructArray, structItemType: 'Spot', length: 3)
assert load(library: 'libsum', funcName: 'interop_spots', retType: items, paramsType: [], paramsValue: []) ==
        [[x: 1, y: 2], [x: 3, y: 4], [x: 5, y: 6]]

println 'native-interop: ok'
