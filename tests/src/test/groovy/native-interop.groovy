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

println 'native-interop: ok'
