// Callbacks: libc's qsort calls a Groovy closure, and its return value reaches C.
def numbers = [42, -7, 19, 3, 0, 88, -23]
def one = array(int[], 1) // each comparator argument points at one int
def libc = library('libc') {
    qsort returns: void, takes: [Pointer, long, long, callback(returns: int, takes: [one, one])]
}
def data = createPointer(paramsType: [DataType.I32Array], paramsValue: [numbers])
def comparisons = 0
libc.qsort(unwrapPointer(data)[0], numbers.size(), 4, { a, b -> comparisons++; a[0] <=> b[0] })
def sorted = restorePointer(retType: [array(int[], numbers.size())], paramsValue: data)[0]
println "qsort($numbers) = $sorted in $comparisons comparisons"
