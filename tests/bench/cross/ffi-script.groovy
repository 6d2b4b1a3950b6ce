// ffi-script's Groovy paths: load with named arguments, and a library declared with the DSL.
def libraryPath = args[0]
// Counts the operations done in a given time. The warm-up runs this same code, so that the loop that measures is
// compiled as it will run.
def countFor = { Closure operation, long nanos ->
    long count = 0
    long end = System.nanoTime() + nanos
    while (System.nanoTime() < end) {
        for (int i = 0; i < 1000; i++) { operation() }
        count += 1000
    }
    count
}
def measure = { String name, Closure operation ->
    def deadline = System.currentTimeMillis() + 20000
    while (System.currentTimeMillis() < deadline) { countFor(operation, 100_000_000L) }
    def rounds = (1..5).collect {
        long start = System.nanoTime()
        long count = countFor(operation, 1_000_000_000L)
        count / ((System.nanoTime() - start) / 1e9)
    }.sort()
    [name: name, opsPerSecond: Math.round(rounds[2] as double)]
}
open(library: "bench", path: libraryPath)
open(library: 'libc', path: '')
def viaLoad = {
    int sum = load(library: 'bench', funcName: 'sum', retType: DataType.I32, paramsType: [DataType.I32, DataType.I32], paramsValue: [1, 2])
    String text = load(library: 'bench', funcName: 'concatenateStrings', retType: DataType.String, paramsType: [DataType.String, DataType.String], paramsValue: ['foo', 'bar'], freeResultMemory: true)
    int number = load(library: 'libc', funcName: 'atoi', retType: DataType.I32, paramsType: [DataType.String], paramsValue: ['1000'])
    sum + number + text.length()
}
assert viaLoad() == 1009
def bench = library("bench", path: libraryPath) {
    sum returns: int, takes: [int, int]
    concatenateStrings returns: String, takes: [String, String], freeResultMemory: true
}
def libc = library('libc') { atoi returns: int, takes: [String] }
def viaDsl = { bench.sum(1, 2) + libc.atoi('1000') + bench.concatenateStrings('foo', 'bar').length() }
assert viaDsl() == 1009
def results = [measure('ffi-script groovy load', viaLoad), measure('ffi-script groovy dsl', viaDsl)]
println '[' + results.collect { "{\"name\":\"${it.name}\",\"opsPerSecond\":${it.opsPerSecond}}" }.join(',') + ']'
