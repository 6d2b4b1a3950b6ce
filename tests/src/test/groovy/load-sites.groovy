// load with a description of constants (but for its values) is compiled once where it is written; it answers, fails
// and follows the library as a load read on every call does.
def testlib = System.getenv('FFI_TESTLIB')
open(library: 'libsum', path: testlib)

def sumAt(a, b) {
    load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [a, b])
}
assert (1..100).collect { sumAt(it, 1000) } == (1001..1100).toList()
assert this.class.declaredFields.any { it.name.startsWith('$ffiLoadSite') }

// the same messages as load, on the first call and on later ones
def described = { values -> [library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: values] }
def messageOf = { Closure call -> try { call(); null } catch (FfiException e) { e.message } }
def atSite = { values -> load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: values) }
for (wrong in [[1, 'two'], [1], 7, null, [1, 2, 3]]) {
    def expected = messageOf { load(described(wrong)) } // a description built at run time: no site
    assert expected != null
    assert messageOf { atSite(wrong) } == expected
    assert atSite([20, 22]) == 42
}

// options, void and errno come through the site
assert load(library: 'libsum', funcName: 'noRet', retType: DataType.Void, paramsType: [], paramsValue: []) == null
def failed = load(library: 'libsum', funcName: 'fail_with_errno', retType: DataType.I32, paramsType: [DataType.I32], paramsValue: [2], errno: true)
assert failed.errnoCode == 2 && failed.value == -1
def later = load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [4, 5], runInNewThread: true)
assert later.get() == 9

// a callback's type is a description, not a DataType number: such a load stays as written, in a closure too
def intToInt = funcConstructor(paramsType: [DataType.I32], retType: DataType.I32)
def applied = (1..3).collect { n -> load(library: 'libsum', funcName: 'apply', retType: DataType.I32, paramsType: [intToInt, DataType.I32], paramsValue: [{ x -> x * n }, 10]) }
assert applied == [10, 20, 30]

// the library closed, the site's calls fail as load's do; opened again, they follow it
def sumAgain = { load(library: 'libsum', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 1]) }
assert sumAgain() == 2
close('libsum')
assert messageOf(sumAgain) == messageOf { load(described([1, 1])) }
assert messageOf(sumAgain).contains("library 'libsum' is not open")
open(library: 'libsum', path: testlib)
assert sumAgain() == 2
println 'load-sites: ok'
